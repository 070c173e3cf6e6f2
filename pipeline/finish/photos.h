// finish/: photos in the print PDF. PDF/X-4 keeps RGB photos as they are and tags them with
// their ICC profile (sRGB when the JPEG has none): the bytes stay untouched. PDF/X-1a allows
// only CMYK or grey, so RGB photos are converted with lcms2 to the output profile (relative
// colorimetric with black point compensation, total ink limited to the layout's limit) and
// stored as CMYK JPEGs, cached by content hash so an unchanged photo is converted once.
// Internal to finish/ (print.cpp and the tests).
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace shokuhon::finish {

struct PhotoOptions {
    bool to_cmyk = false;               // PDF/X-1a: convert; PDF/X-4: tag with ICC
    std::string cmyk_profile;           // bytes of the output profile
    std::string rgb_profile;            // bytes of the default RGB profile (sRGB)
    std::filesystem::path cache_dir;    // converted JPEGs by hash; "" = no cache
    int ink_limit = 300;                // %, applied per pixel after conversion
    int quality = 90;                   // JPEG quality of converted photos (4:4:4:4)
};

struct PhotoStats {
    int tagged = 0, converted = 0, from_cache = 0, kept = 0;
    double convert_seconds = 0;
};

// Converts RGB pixels to CMYK with lcms2. One instance per print pass: transforms are built
// once per input profile.
class CmykConverter {
public:
    CmykConverter(const std::string& cmyk_profile, const std::string& default_rgb, int ink_limit);
    ~CmykConverter();
    CmykConverter(const CmykConverter&) = delete;
    CmykConverter& operator=(const CmykConverter&) = delete;

    // `rgb` holds width × height × 3 bytes; `icc` is the input profile ("" = default sRGB).
    // Throws std::runtime_error when a profile cannot be used.
    std::vector<unsigned char> convert(const std::vector<unsigned char>& rgb, std::size_t pixels,
                                       const std::string& icc);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Walks every image XObject of every page (and of nested form XObjects) once: removes
// /Interpolate (forbidden in PDF/X), then tags or converts RGB images as the options say.
// Errors (an image that cannot be converted, a soft mask in PDF/X-1a) go to `diags`.
void prepare_photos(QPDF& pdf, const PhotoOptions& opts, PhotoStats& stats, Diagnostics& diags);

}  // namespace shokuhon::finish
