// compose/pages/: what every page builder gets. Internal to compose/.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compose/document.h"
#include "compose/paginate.h"
#include "compose/text.h"
#include "content/model.h"
#include "core/diagnostics.h"
#include "style/layout_set.h"

namespace shokuhon::compose::pages {

// Where every entry and section landed: known before any page is built, because the plan
// fixes how many entries each page holds. Cross-references (→P.xx) read from it.
struct PageMap {
    std::map<std::string, int> entry_folio;        // entry id → folio
    std::map<std::string, int> section_first;      // section id → first folio
    std::map<std::string, int> template_first;     // template id → first folio (e.g. index)
    std::map<int, int> page_index_of_folio;       // folio → 1-based page index
    std::map<std::string, int> map_number;         // shop id → its pin number on the area maps
    std::map<std::string, int> map_folio;          // shop id → folio of the map that shows it
};

// A map page's window onto the shops' map coordinates (0–1 in both directions).
struct MapWindow {
    double x0 = 0, y0 = 0, x1 = 1, y1 = 1;
    bool outside = false;  // the window's complement: every shop not shown on an earlier map
    bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};
MapWindow map_window(const style::Template& t);
// Numbers the shops on the book's map pages, in plan order (called once, before any page).
void number_map_pins(const content::Book& book, const style::LayoutSet& layout, PageMap& map);

// What pages of one build share and need to work out only once (each index kind's layout,
// the collator): made by paginate, one per build, shared by the threads that build pages and
// dropped with it (pages/index.cpp).
struct BuildMemo;
std::shared_ptr<BuildMemo> make_build_memo();

struct PageContext {
    const content::Book& book;
    const style::LayoutSet& layout;
    const Typesetter& ts;
    const PageMap& map;
    Diagnostics& diags;
    std::filesystem::path content_dir;
    SectionFill* fill = nullptr;  // the section's fill record, when the page has a section
    BuildMemo* memo = nullptr;    // none: every page works everything out for itself

    const style::Geometry& geo() const { return layout.geometry; }
    static bool recto(int folio) { return folio % 2 == 1; }  // page 1 is a right-hand page
    // 版面 (type area) of a page, mirrored for left and right pages.
    Rect hanmen(int folio) const;
    std::string photo_path(const std::string& src) const;  // "" when the file is missing
    std::string section_colour(const std::string& section) const;
};

// Helpers to place things on a page.
void add_block(Page& page, const TextBlock& block, Point at);
void add_rect(Page& page, Rect r, const std::string& fill, Length radius = {});
void add_frame(Page& page, Rect r, const std::string& stroke, Length width, Length radius = {});
void add_line(Page& page, Point a, Point b, Length width, const std::string& colour,
              bool dotted = false);
void add_text(Page& page, const Typesetter& ts, std::string_view text, const std::string& style,
              Point baseline_start, const std::string& colour = {});
// Text set in a box: lines from the box's top; returns the height used.
Length add_para(Page& page, const Typesetter& ts, std::string_view text, const std::string& style,
                Rect box, const TextOptions& opt = {});

// A template's grid laid on a page's 版面 (style::Grid): columns × rows of cells, the gutters,
// and the baseline grid, whose lines run from the 版面's top every `baseline`.
struct CellGrid {
    Rect area;
    int columns = 1, rows = 1;
    Length gutter, row_gutter, cell_w, cell_h, baseline;
    // Cell (c, r): its top on the baseline grid when there is one, its foot on the row's foot.
    Rect cell(int c, int r) const;
    // The first baseline-grid line at or below y (y itself without a baseline grid).
    Length snap(Length y) const;
    // Where text of `lines` lines of `leading` starting at y should start, above `bottom`: on
    // the baseline grid, unless that costs it a line (then at y).
    Length snap_if_free(Length y, Length bottom, int lines, Length leading) const;
};
CellGrid cell_grid(const PageContext& ctx, const style::Template& t, int folio);

// One builder per template kind. `entries` are the ids this page holds, in order.
using Builder = void (*)(const PageContext&, const content::PlanPage&,
                         const std::vector<std::string>& entries, Page&);
Builder builder_for(const std::string& kind);  // nullptr when unknown
// How many entries a page of this template holds (0: none, it is not filled from a section).
int capacity(const style::Template& t);

// Running head (柱), folio (ノンブル) and thumb tab (ツメ), per the template's flags.
void draw_page_frame(const PageContext& ctx, const content::PlanPage& plan,
                     const style::Template& tmpl, Page& page);

}  // namespace shokuhon::compose::pages
