// finish/: rewrites the colour operators of one content stream (a page or a form XObject) from
// the renderer's RGB to the palette's exact CMYK: `r g b rg/RG` → `c m y k k/K`, and RGB
// colour spaces set with cs/CS followed by sc/scn → /DeviceCMYK with four components.
// Internal to finish/ (print.cpp and the tests).
#pragma once
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "finish/cmyk.h"

namespace shokuhon::finish {

// What the rewrite met, over all the streams of a document.
struct RecolourLog {
    long rewritten = 0;                            // operators changed
    std::map<std::string, long> used;              // palette colour name → operators
    std::map<std::string, int> unmapped;           // "0.88 0.88 0.88 rg" → first page (1-based)
    std::map<std::string, int> unsupported;        // "/Pattern cs" → first page
};

// Rewrites one content stream's bytes; everything but the rewritten operators (and their
// operands) is kept byte for byte. `resources` resolves named colour spaces (cs /CS0); `page`
// is for the log only.
std::string recolour_content(std::string_view data, const PrintPalette& palette,
                             QPDFObjectHandle resources, int page, RecolourLog& log);

// Runs recolour_content over the page's contents and every form XObject reachable from it (once
// each, tracked in `done`), replacing the streams with the rewritten data.
void recolour_page(QPDFObjectHandle page, const PrintPalette& palette, int page_no,
                   RecolourLog& log, std::vector<QPDFObjGen>& done);

}  // namespace shokuhon::finish
