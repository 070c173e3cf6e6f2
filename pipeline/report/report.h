// report/: the proof report, report.html beside a proof build's PDF: the 台割 as a grid of
// page thumbnails coloured by section, with fill status and warnings marked on the pages; the
// diagnostics with file:line; the pages that changed since the previous proof, before and
// after, with the changed areas marked. Pure: values in, HTML and change boxes out (the app
// renders the thumbnails and writes the files). The page needs nothing from the network.
#pragma once
#include <string>
#include <vector>

#include "render/render.h"

namespace shokuhon::report {

struct Box {
    int x = 0, y = 0, w = 0, h = 0;  // thumbnail pixels
};

struct DiffOptions {
    int threshold = 60;  // |ΔR|+|ΔG|+|ΔB| above which a pixel has changed (JPEG noise stays below)
    int block = 4;       // changed pixels are gathered in blocks of block × block pixels
    int margin = 1;      // blocks added around each change, so that boxes frame it
};

// Where `after` differs from `before`: changed blocks merged into boxes (8-connected
// groups). Rasters of different sizes differ everywhere: one box over the whole page.
std::vector<Box> changed_areas(const render::Raster& before, const render::Raster& after,
                               const DiffOptions& opts = {});

struct PageMark {
    std::string kind;  // error, warning, shortened, overflow
    std::string text;
};

struct PageTile {
    int index = 0;  // 1-based page index
    std::string label, section, section_title, colour, tmpl;  // colour: "#rrggbb"
    int capacity = 0, placed = 0;  // entries the page holds and could hold (0: not a card page)
    std::vector<PageMark> marks;
    std::string thumb;   // thumbnail file, relative to the report
    std::string before;  // the previous proof's thumbnail when the page changed, else ""
    std::vector<Box> changes;
    int thumb_w = 0, thumb_h = 0;
    bool recto = true;   // right-hand page
};

struct SectionRow {
    std::string id, title, colour;
    int pages_planned = 0, pages_used = 0, entries = 0, placed = 0, shortened = 0, not_fit = 0;
};

struct DiagnosticRow {
    std::string severity, code, where, message;  // where: file:line:col
    std::vector<std::string> hints;
    int page = 0;  // 1-based page it concerns, 0 when none
};

struct ProofReport {
    std::string title, round, made, pdf;
    std::string previous_round, previous_made;  // "" for the first proof
    int errors = 0, warnings = 0, notes = 0;
    std::vector<SectionRow> sections;
    std::vector<PageTile> pages;
    std::vector<DiagnosticRow> diagnostics;
};

std::string report_html(const ProofReport& r);

// Text for HTML: & < > " escaped.
std::string escape_html(const std::string& s);

}  // namespace shokuhon::report
