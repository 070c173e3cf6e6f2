// render/: JPEG files as Cairo needs them: header facts for pass-through, pixels for PNG, and
// the load-time check that decides which files may go into the book at all.
#pragma once
#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace shokuhon::render {

struct JpegInfo {
    int width = 0, height = 0, components = 0;
};

// Reads the SOF header (no decoding). nullopt when the bytes are not a usable JPEG.
std::optional<JpegInfo> jpeg_info(const std::string& bytes);

// Above this many pixels a JPEG is refused before any decoding: a few hundred bytes can declare
// 65500 × 65500 pixels (a decompression bomb). 100 megapixels is more than any camera or scan a
// guidebook page needs (an A4 spread at 400 dpi is about 31 megapixels).
constexpr std::uint64_t kMaxJpegPixels = 100'000'000;
// Files larger than this are refused unread.
constexpr std::uint64_t kMaxJpegBytes = 128ull << 20;

// Why a photo cannot go into the book, phrased for the editor ("is a PNG file, not a JPEG").
struct ImageProblem {
    std::string code;  // E-IMAGE-0xx
    std::string message;
    std::string hint;
};

// Checks that `bytes` are a JPEG the PDF can carry unchanged and the screen path can decode:
// baseline or progressive, 8 bits, grey or colour (YCbCr/RGB), not EXIF-rotated, within
// `max_pixels`, complete and free of damaged data. Headers are checked first, so a bomb is
// refused unread; then the file is decoded at 1/8 scale (cheap) to find damage.
std::optional<ImageProblem> check_jpeg(std::string_view bytes,
                                       std::uint64_t max_pixels = kMaxJpegPixels);

// Decodes into a new RGB24 image surface, downscaled by libjpeg to at least `min_w` wide.
// Returns nullptr on failure. The caller owns the surface.
cairo_surface_t* jpeg_decode(const std::string& bytes, int min_w);

}  // namespace shokuhon::render
