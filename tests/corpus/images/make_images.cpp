// Writes the JPEG/PNG/other files of the hostile-input corpus (tests/corpus/images/). They are
// committed; this program documents how they were made and remakes them:
//   g++ -std=c++20 -O1 tests/corpus/images/make_images.cpp -o /tmp/make_images \
//       $(pkg-config --cflags --libs cairo) -ljpeg && /tmp/make_images tests/corpus/images
// Small pictures (64 × 48) keep the corpus a few kilobytes; each defect is made by editing the
// bytes of a valid file, so each file has exactly one thing wrong with it.
#include <cairo.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <jpeglib.h>

namespace fs = std::filesystem;

namespace {

enum class Kind { kRgb, kGrey, kCmyk, kProgressive };

std::string encode(Kind kind, int w = 64, int h = 48) {
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buf, &size);
    c.image_width = static_cast<JDIMENSION>(w);
    c.image_height = static_cast<JDIMENSION>(h);
    c.input_components = kind == Kind::kGrey ? 1 : kind == Kind::kCmyk ? 4 : 3;
    c.in_color_space = kind == Kind::kGrey ? JCS_GRAYSCALE : kind == Kind::kCmyk ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 85, TRUE);
    if (kind == Kind::kProgressive) jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    std::vector<unsigned char> row(static_cast<std::size_t>(w * c.input_components));
    while (c.next_scanline < c.image_height) {
        for (int x = 0; x < w; ++x) {
            for (int k = 0; k < c.input_components; ++k) {
                row[static_cast<std::size_t>(x * c.input_components + k)] =
                    static_cast<unsigned char>((x * 4 + static_cast<int>(c.next_scanline) * 3 + k * 70) & 0xFF);
            }
        }
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<char*>(buf), size);
    std::free(buf);
    jpeg_destroy_compress(&c);
    return out;
}

std::size_t find_marker(const std::string& b, unsigned char m) {
    for (std::size_t i = 2; i + 1 < b.size(); ++i) {
        if (static_cast<unsigned char>(b[i]) == 0xFF && static_cast<unsigned char>(b[i + 1]) == m) return i;
    }
    return std::string::npos;
}

// An APP1 Exif segment (big-endian TIFF) whose IFD0 holds only the Orientation tag.
std::string with_exif_orientation(const std::string& jpeg, int orientation) {
    std::string tiff = std::string("MM\0*\0\0\0\x08", 8) + std::string("\0\x01", 2) +
                       std::string("\x01\x12\0\x03\0\0\0\x01", 8) +
                       std::string{'\0', static_cast<char>(orientation), '\0', '\0'} + std::string(4, '\0');
    std::string payload = std::string("Exif\0\0", 6) + tiff;
    const std::size_t len = payload.size() + 2;
    std::string seg = {'\xFF', '\xE1', static_cast<char>(len >> 8), static_cast<char>(len & 0xFF)};
    return jpeg.substr(0, 2) + seg + payload + jpeg.substr(2);
}

void put(const fs::path& dir, const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string png_bytes() {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
    std::string out;
    cairo_surface_write_to_png_stream(
        s,
        [](void* closure, const unsigned char* data, unsigned int n) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), n);
            return CAIRO_STATUS_SUCCESS;
        },
        &out);
    cairo_surface_destroy(s);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? argv[1] : ".";
    const std::string rgb = encode(Kind::kRgb);
    put(dir, "ok-baseline.jpg", rgb);
    put(dir, "ok-greyscale.jpg", encode(Kind::kGrey));
    put(dir, "ok-progressive.jpg", encode(Kind::kProgressive));
    put(dir, "ok-exif-orientation-1.jpg", with_exif_orientation(rgb, 1));
    put(dir, "cmyk.jpg", encode(Kind::kCmyk));
    put(dir, "exif-orientation-6.jpg", with_exif_orientation(rgb, 6));
    put(dir, "exif-orientation-3.jpg", with_exif_orientation(rgb, 3));
    const std::size_t sof = find_marker(rgb, 0xC0), sos = find_marker(rgb, 0xDA);
    put(dir, "truncated-in-header.jpg", rgb.substr(0, sof + 6));
    put(dir, "truncated-in-scan.jpg", rgb.substr(0, sos + (rgb.size() - sos) / 2));
    put(dir, "truncated-before-eoi.jpg", rgb.substr(0, rgb.size() - 2));
    put(dir, "truncated-then-eoi.jpg", rgb.substr(0, sos + (rgb.size() - sos) / 2) + "\xFF\xD9");
    std::string corrupt = rgb;
    for (std::size_t i = sos + 20; i < corrupt.size() - 10; i += 7) corrupt[i] = '\xFF';
    put(dir, "corrupt-scan-data.jpg", corrupt);
    auto patched = [&](std::size_t at, std::string bytes) {
        std::string b = rgb;
        b.replace(at, bytes.size(), bytes);
        return b;
    };
    // SOF: FF C0, length (2), precision (1), height (2), width (2), components (1).
    put(dir, "bomb-60000x60000.jpg", patched(sof + 5, "\xEA\x60\xEA\x60"));
    put(dir, "bomb-65500x2000.jpg", patched(sof + 5, std::string("\x07\xD0\xFF\xDC", 4)));
    put(dir, "zero-width.jpg", patched(sof + 7, std::string("\0\0", 2)));
    put(dir, "precision-12.jpg", patched(sof + 4, "\x0C"));
    put(dir, "arithmetic-coded.jpg", patched(sof + 1, "\xC9"));
    put(dir, "lossless.jpg", patched(sof + 1, "\xC3"));
    put(dir, "two-components.jpg", patched(sof + 9, "\x02"));
    put(dir, "bad-segment-length.jpg", patched(sof + 2, "\xFF\xF0"));
    put(dir, "no-frame-header.jpg", rgb.substr(0, sof) + rgb.substr(sof + 19));
    put(dir, "soi-eoi-only.jpg", std::string("\xFF\xD8\xFF\xD9", 4));
    put(dir, "empty.jpg", "");
    put(dir, "png-renamed.jpg", png_bytes());
    put(dir, "gif-renamed.jpg", std::string("GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xFF\xFF\xFF!\xF9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0;", 43));
    put(dir, "webp-renamed.jpg", std::string("RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0\x2f\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0", 34));
    put(dir, "text-renamed.jpg", "This is not a photo. 写真ではありません。\n");
    put(dir, "html-error-page.jpg", "<!DOCTYPE html><html><body>404 Not Found</body></html>\n");
    return 0;
}
