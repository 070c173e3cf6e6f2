#include "render/jpeg.h"

#include <jpeglib.h>

#include <csetjmp>
#include <cstdio>
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
