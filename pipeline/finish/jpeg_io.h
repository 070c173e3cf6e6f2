// finish/: the JPEG work of the print pass (libjpeg): decode a photo to 8-bit RGB with its
// embedded ICC profile, and encode CMYK pixels as a plain (non-inverted, no Adobe marker) JPEG
// that every PDF reader takes as DeviceCMYK without a /Decode array. Internal to finish/.
#pragma once
#include <string>
#include <vector>

namespace shokuhon::finish {

struct DecodedImage {
    int width = 0, height = 0;
    int components = 0;                 // 1 grey, 3 RGB (what libjpeg was asked for)
    std::vector<unsigned char> pixels;  // rows top to bottom, `components` bytes per pixel
    std::string icc;                    // embedded ICC profile (APP2), "" when none
};

// Returns false when the bytes are not a decodable 8-bit JPEG of 1 or 3 components, or when
// the image is larger than `max_pixels`.
bool jpeg_decode(const std::string& bytes, DecodedImage& out, unsigned long long max_pixels);

// Encodes interleaved CMYK (4 bytes per pixel). Returns false on a libjpeg error.
bool jpeg_encode_cmyk(const std::vector<unsigned char>& cmyk, int width, int height, int quality,
                      std::string& out);

// Width and height from the JPEG header (no decoding). False when unreadable.
bool jpeg_size(const std::string& bytes, int& width, int& height);

// The ICC profile embedded in a JPEG's APP2 markers, "" when none (headers only, no decoding).
std::string jpeg_icc(const std::string& bytes);

}  // namespace shokuhon::finish
