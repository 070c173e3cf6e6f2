// finish/: joins the PDF parts that render::render_pdf_part writes (a few pages each, rendered
// in parallel and cached by content) into the delivered book: every page with TrimBox and
// BleedBox, the page labels, the outline, a name tree resolving the links' page names
// ("p<N>"), the Info dictionary, a fresh cross-reference table and a deterministic /ID (the
// first 16 bytes of the SHA-256 of the SHA-256s of the two halves of everything before the
// trailer).
//
// The parts' streams (page contents, font subsets, photos) are copied byte for byte; only the
// dictionaries are rewritten, with new object numbers. Each part keeps its own font subsets.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/units.h"

namespace shokuhon::finish {

struct AssembleOptions {
    Length bleed = Length::from_mm(3);  // MediaBox inset to TrimBox on every side
    std::vector<std::string> labels;    // page labels as printed, one per page of the book
    struct Bookmark {
        std::string title;
        int page = 0;  // 1-based
    };
    std::vector<Bookmark> outline;      // top level, in order; shown closed
    std::string title, author, subject, keywords, creator;  // Info (UTF-8)
    std::string creation_date;          // PDF date "D:20270325000000+09'00'", "" = none
};

// `parts` in page order (each a complete PDF; repaired in place when Cairo's xref table needs
// it). Writes the book's bytes to `out`. Returns false with E-FINISH-002 when a part cannot be
// read or the parts' pages do not match `opts.labels`.
bool assemble_pdf(std::vector<std::string>& parts, const AssembleOptions& opts, std::string& out,
                  Diagnostics& diags);

}  // namespace shokuhon::finish
