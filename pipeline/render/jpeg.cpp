#include "render/jpeg.h"

#include <jpeglib.h>
// jerror.h after jpeglib.h: it names the warning codes (JWRN_*) the check tells apart.
#include <jerror.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

namespace shokuhon::render {

std::optional<JpegInfo> jpeg_info(const std::string& b) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    if (b.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return std::nullopt;
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (byte(i) != 0xFF) return std::nullopt;
        const unsigned marker = byte(i + 1);
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { i += 2; continue; }
        const std::size_t len = (static_cast<std::size_t>(byte(i + 2)) << 8) | byte(i + 3);
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            JpegInfo info;
            info.height = (byte(i + 5) << 8) | byte(i + 6);
            info.width = (byte(i + 7) << 8) | byte(i + 8);
            info.components = byte(i + 9);
            if (info.width <= 0 || info.height <= 0) return std::nullopt;
            return info;
        }
        i += 2 + len;
    }
    return std::nullopt;
}

namespace {

// ------------------------------------------------------------------------ load-time JPEG check

unsigned u8(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned be16(std::string_view b, std::size_t i) { return (u8(b, i) << 8) | u8(b, i + 1); }

// What the markers before the first scan say.
struct Header {
    unsigned sof = 0;  // the SOFn marker (0xC0 baseline, 0xC2 progressive, ...)
    unsigned precision = 0, width = 0, height = 0, components = 0;
    unsigned orientation = 1;  // EXIF 1..8; 1 = as stored
    std::size_t scan_start = 0;  // first byte after the SOS header
};

ImageProblem problem(const char* code, std::string message, std::string hint = {}) {
    return {code, std::move(message), std::move(hint)};
}

// EXIF orientation from an APP1 payload ("Exif\0\0" + TIFF), 1 when absent or unreadable.
unsigned exif_orientation(std::string_view seg) {
    if (seg.size() < 14 || seg.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
    const std::string_view t = seg.substr(6);
    const bool le = t[0] == 'I' && t[1] == 'I';
    if (!le && !(t[0] == 'M' && t[1] == 'M')) return 1;
    auto r16 = [&](std::size_t i) { return le ? (u8(t, i + 1) << 8) | u8(t, i) : be16(t, i); };
    auto r32 = [&](std::size_t i) {
        return le ? (std::size_t{r16(i + 2)} << 16) | r16(i) : (std::size_t{r16(i)} << 16) | r16(i + 2);
    };
    const std::size_t ifd = r32(4);
    if (ifd > t.size() || t.size() - ifd < 2) return 1;
    const std::size_t n = r16(ifd);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t e = ifd + 2 + 12 * k;
        if (e + 12 > t.size()) break;
        if (r16(e) == 0x0112 && r16(e + 2) == 3) {
            const unsigned v = r16(e + 8);
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

// Names what a file that does not start like a JPEG actually is, from its first bytes.
ImageProblem not_a_jpeg(std::string_view b) {
    const char* hint = "save or export the photo as JPEG (.jpg)";
    if (b.empty()) return problem("E-IMAGE-001", "is empty (0 bytes), not a JPEG", hint);
    struct Magic { std::string_view bytes; const char* name; };
    static constexpr Magic kMagic[] = {{"\x89PNG", "PNG"}, {"GIF8", "GIF"}, {"II*", "TIFF"},
                                       {std::string_view("MM\0*", 4), "TIFF"}, {"BM", "BMP"}, {"%PDF", "PDF"}};
    for (const auto& m : kMagic) {
        if (b.substr(0, m.bytes.size()) == m.bytes) {
            return problem("E-IMAGE-001", std::string("is a ") + m.name + " file, not a JPEG", hint);
        }
    }
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
        return problem("E-IMAGE-001", "is a WebP file, not a JPEG", hint);
    }
    if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
        return problem("E-IMAGE-001", "is a HEIF/AVIF file, not a JPEG", hint);
    }
    return problem("E-IMAGE-001", "is not a JPEG file (it does not start with the JPEG marker FF D8)", hint);
}

// Walks the markers up to the first scan. Returns a problem when the structure is broken.
std::optional<ImageProblem> read_header(std::string_view b, Header& h) {
    const char* cut = "the file is cut short or damaged; copy it again from the original";
    std::size_t i = 2;
    for (;;) {
        if (i >= b.size()) return problem("E-IMAGE-002", "is truncated: it ends before its image data", cut);
        if (u8(b, i) != 0xFF) return problem("E-IMAGE-002", "is damaged: no marker at byte " + std::to_string(i), cut);
        while (i < b.size() && u8(b, i) == 0xFF) ++i;  // fill bytes
        if (i >= b.size()) return problem("E-IMAGE-002", "is truncated: it ends before its image data", cut);
        const unsigned marker = u8(b, i++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
        if (marker == 0xD8 || marker == 0xD9) return problem("E-IMAGE-002", "is damaged: it has no image data", cut);
        if (i + 2 > b.size() || i + be16(b, i) > b.size()) {
            return problem("E-IMAGE-002", "is truncated: a header segment runs past the end of the file", cut);
        }
        const std::size_t len = be16(b, i);
        if (len < 2) return problem("E-IMAGE-002", "is damaged: a header segment has a bad length", cut);
        const std::string_view seg = b.substr(i + 2, len - 2);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && seg.size() >= 6) {
            h.sof = marker;
            h.precision = u8(seg, 0);
            h.height = be16(seg, 1);
            h.width = be16(seg, 3);
            h.components = u8(seg, 5);
        }
        if (marker == 0xE1 && h.orientation == 1) h.orientation = exif_orientation(seg);
        i += len;
        if (marker == 0xDA) {
            if (h.sof == 0) return problem("E-IMAGE-002", "is damaged: it has no frame header (SOF)", cut);
            h.scan_start = i;
            return std::nullopt;
        }
    }
}

// What the PDF can carry unchanged and Cairo and libjpeg can show: checked on headers only.
std::optional<ImageProblem> check_header(const Header& h, std::uint64_t max_pixels) {
    if (h.width == 0 || h.height == 0) {
        return problem("E-IMAGE-002", "is damaged: its header gives no width or height",
                       "the file is cut short or damaged; copy it again from the original");
    }
    const std::uint64_t pixels = std::uint64_t{h.width} * h.height;
    if (pixels > max_pixels) {
        return problem("E-IMAGE-003",
                       "is " + std::to_string(h.width) + " × " + std::to_string(h.height) + " pixels (" +
                           std::to_string(pixels / 1'000'000) + " megapixels), more than the limit of " +
                           std::to_string(max_pixels / 1'000'000) + " megapixels; it was not decoded",
                       "scale it down to the size it is printed at (e.g. 3000 pixels wide)");
    }
    const char* resave = "re-save it as a baseline or progressive 8-bit JPEG";
    if (h.sof == 0xC3 || h.sof == 0xC7 || h.sof == 0xCB || h.sof == 0xCF) {
        return problem("E-IMAGE-004", "is a lossless JPEG, which PDF cannot carry", resave);
    }
    if (h.sof >= 0xC9) return problem("E-IMAGE-004", "is an arithmetic-coded JPEG, which PDF cannot carry", resave);
    if (h.sof >= 0xC5) return problem("E-IMAGE-004", "is a hierarchical JPEG, which PDF cannot carry", resave);
    if (h.precision != 8) {
        return problem("E-IMAGE-004", "has " + std::to_string(h.precision) + "-bit samples; only 8-bit JPEGs are supported", resave);
    }
    if (h.components == 4) {
        // The screen path (libjpeg → RGB) cannot convert CMYK, and the PDF pass-through would
        // hand the printer Adobe's inverted CMYK unmarked: refused rather than printed wrong.
        return problem("E-IMAGE-005", "is a CMYK JPEG; photos must be RGB or greyscale",
                       "convert it to sRGB (the printer's RIP makes the CMYK separation)");
    }
    if (h.components != 1 && h.components != 3) {
        return problem("E-IMAGE-005", "has " + std::to_string(h.components) + " colour components; photos must be RGB or greyscale",
                       "re-save it as an RGB JPEG");
    }
    if (h.orientation != 1) {
        return problem("E-IMAGE-006",
                       "is stored rotated or mirrored (EXIF orientation " + std::to_string(h.orientation) +
                           "); it would be printed as stored, not as a camera shows it",
                       "rotate the pixels and reset the tag, e.g. exiftran -ai FILE or jpegtran with -rotate");
    }
    return std::nullopt;
}

// A progressive JPEG with thousands of tiny scans takes minutes to decode; libjpeg-turbo's own
// TurboJPEG API stops at 500 scans, and so does this check.
constexpr int kMaxScans = 500;
// The decoding check may use this much memory (progressive JPEGs keep every coefficient).
constexpr long kMaxDecodeMemory = 512L << 20;

// libjpeg's damage warnings ("Corrupt JPEG data", "Premature end") are errors here: a damaged
// photo would be passed to the printer as it is.
bool is_damage(int code) {
    return code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE || code == JWRN_JPEG_EOF ||
           code == JWRN_MUST_RESYNC || code == JWRN_NOT_SEQUENTIAL || code == JWRN_BOGUS_PROGRESSION ||
           code == JWRN_ARITH_BAD_CODE || code == JWRN_EXTRANEOUS_DATA;
}

// Plain data only: this lives across setjmp/longjmp.
struct CheckMgr {
    jpeg_error_mgr pub;
    jpeg_progress_mgr progress;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void check_fail(j_common_ptr cinfo) {
    auto* m = reinterpret_cast<CheckMgr*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, m->message);
    std::longjmp(m->jump, 1);
}

void check_message(j_common_ptr cinfo, int level) {
    if (level < 0 && is_damage(cinfo->err->msg_code)) check_fail(cinfo);
}

void check_progress(j_common_ptr cinfo) {
    auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
    if (d->input_scan_number > kMaxScans) {
        auto* m = reinterpret_cast<CheckMgr*>(cinfo->err);
        std::snprintf(m->message, sizeof m->message, "more than %d progressive scans", kMaxScans);
        std::longjmp(m->jump, 1);
    }
}

// Decodes the whole file at 1/8 scale. Returns false with `m.message` set on damage.
bool decode_ok(std::string_view b, CheckMgr& m) {
    jpeg_decompress_struct cinfo{};
    cinfo.err = jpeg_std_error(&m.pub);
    m.pub.error_exit = check_fail;
    m.pub.emit_message = check_message;
    m.progress.progress_monitor = check_progress;
    if (setjmp(m.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = kMaxDecodeMemory;
    cinfo.progress = &m.progress;
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(b.data()), static_cast<unsigned long>(b.size()));
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    cinfo.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&cinfo);
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                cinfo.output_width * static_cast<unsigned>(cinfo.output_components), 1);
    while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, row, 1);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

}  // namespace

std::optional<ImageProblem> check_jpeg(std::string_view bytes, std::uint64_t max_pixels) {
    if (bytes.size() < 3 || u8(bytes, 0) != 0xFF || u8(bytes, 1) != 0xD8 || u8(bytes, 2) != 0xFF) {
        return not_a_jpeg(bytes);
    }
    Header h;
    if (auto p = read_header(bytes, h)) return p;
    if (auto p = check_header(h, max_pixels)) return p;
    if (bytes.find("\xFF\xD9", h.scan_start) == std::string_view::npos) {
        return problem("E-IMAGE-002", "is truncated: it has no end-of-image marker (the file is cut short)",
                       "copy it again from the original");
    }
    CheckMgr m{};
    if (!decode_ok(bytes, m)) {
        return problem("E-IMAGE-002", std::string("is damaged: ") + m.message, "copy it again from the original or re-save it");
    }
    return std::nullopt;
}

namespace {
struct ErrorMgr {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
};
[[noreturn]] void on_jpeg_error(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorMgr*>(cinfo->err);
    std::longjmp(err->jump, 1);
}
}  // namespace

cairo_surface_t* jpeg_decode(const std::string& bytes, int min_w) {
    jpeg_decompress_struct cinfo{};
    ErrorMgr err{};
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_jpeg_error;
    cairo_surface_t* surface = nullptr;
    // No C++ objects with destructors live across setjmp/longjmp in this frame.
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        if (surface) cairo_surface_destroy(surface);
        return nullptr;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    // A decompression bomb is refused here too, whoever calls this without check_jpeg first.
    if (std::uint64_t{cinfo.image_width} * cinfo.image_height > kMaxJpegPixels) {
        jpeg_destroy_decompress(&cinfo);
        return nullptr;
    }
    cinfo.mem->max_memory_to_use = kMaxDecodeMemory;
    cinfo.out_color_space = JCS_RGB;
    unsigned denom = 1;
    while (denom < 8 && cinfo.image_width / (denom * 2) >= static_cast<unsigned>(min_w)) denom *= 2;
    cinfo.scale_num = 1;
    cinfo.scale_denom = denom;
    jpeg_start_decompress(&cinfo);
    const int w = static_cast<int>(cinfo.output_width), h = static_cast<int>(cinfo.output_height);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    JSAMPLE* row = static_cast<JSAMPLE*>((*cinfo.mem->alloc_small)(
        reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE, static_cast<std::size_t>(w) * 3));
    while (cinfo.output_scanline < cinfo.output_height) {
        const int y = static_cast<int>(cinfo.output_scanline);
        jpeg_read_scanlines(&cinfo, &row, 1);
        auto* px = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) {
            const auto i = static_cast<std::size_t>(x) * 3;
            px[x] = (0xFFu << 24) | (static_cast<std::uint32_t>(row[i]) << 16) |
                    (static_cast<std::uint32_t>(row[i + 1]) << 8) | row[i + 2];
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    cairo_surface_mark_dirty(surface);
    return surface;
}

}  // namespace shokuhon::render
