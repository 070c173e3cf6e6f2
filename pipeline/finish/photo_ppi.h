// finish/: effective resolution of every placed photo in the composed book (pixels ÷ placed
// size, where "placed" is the size the photo is scaled to so that it covers its frame). Under
// the layout's ppi-warning a warning, under ppi-error an error, each naming the entry (shop,
// product, spot, section opener, cover) and the photo. Runs on the composed Document, before
// any PDF exists, so the message can say which entry to fix.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "compose/document.h"
#include "core/diagnostics.h"

namespace shokuhon::finish {

struct PhotoOwner {
    std::string label;  // shop "麺処あさひ" (gourmet-001)
    std::string src;    // photos/gourmet-001.jpg, as the content names it
    SourceLoc loc;      // the entry in the content XML
};

struct PhotoPlacement {
    int page = 0;              // 1-based
    std::string path;          // absolute, as the compose stage placed it
    int width_px = 0, height_px = 0;
    double frame_w_mm = 0, frame_h_mm = 0;
    double ppi = 0;
};

// Every photo placed in `doc`, with its effective resolution (unreadable files are skipped:
// the photo check at load time reports them).
std::vector<PhotoPlacement> photo_placements(const compose::Document& doc);

// W-PRINT-040 under `warning_ppi`, E-PRINT-041 under `error_ppi`; `owners` maps a placement's
// path to its entry. Returns the placements for the report.
std::vector<PhotoPlacement> check_photo_resolution(const compose::Document& doc,
                                                   const std::map<std::string, PhotoOwner>& owners,
                                                   double warning_ppi, double error_ppi,
                                                   Diagnostics& diags);

}  // namespace shokuhon::finish
