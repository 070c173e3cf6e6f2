// render/: JPEG files as Cairo needs them: header facts for pass-through, pixels for PNG.
#pragma once
#include <cairo.h>

#include <filesystem>
#include <optional>
#include <string>

namespace shokuhon::render {

struct JpegInfo {
    int width = 0, height = 0, components = 0;
};

// Reads the SOF header (no decoding). nullopt when the bytes are not a usable JPEG.
std::optional<JpegInfo> jpeg_info(const std::string& bytes);

// Decodes into a new RGB24 image surface, downscaled by libjpeg to at least `min_w` wide.
// Returns nullptr on failure. The caller owns the surface.
cairo_surface_t* jpeg_decode(const std::string& bytes, int min_w);

}  // namespace shokuhon::render
