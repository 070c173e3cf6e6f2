#include <algorithm>

#include "compose/pages/builders.h"
#include "compose/pages/context.h"

namespace shokuhon::compose::pages {

Rect PageContext::hanmen(int folio) const {
    const auto& g = geo();
    // Horizontal text binds on the left of a right-hand (odd) page: inner margin on the left.
    const Length left = recto(folio) ? g.inner : g.outer;
    return {left, g.top, g.trim_w - g.inner - g.outer, g.trim_h - g.top - g.bottom};
}

std::string PageContext::photo_path(const std::string& src) const {
    if (src.empty()) return {};
    std::error_code ec;
    const auto p = content_dir / src;
    if (!std::filesystem::is_regular_file(p, ec)) return {};
    return std::filesystem::absolute(p, ec).string();
}

std::string PageContext::section_colour(const std::string& section) const {
    if (const auto* s = book.find_section(section)) {
        if (layout.colours.count(s->colour)) return s->colour;
    }
    return "accent";
}

void add_block(Page& page, const TextBlock& block, Point at) {
    for (auto run : block.runs) {
        run.origin.x += at.x;
        run.origin.y += at.y;
        page.items.emplace_back(std::move(run));
    }
}

void add_rect(Page& page, Rect r, const std::string& fill, Length radius) {
    page.items.emplace_back(RectItem{r, fill, "", {}, radius});
}

void add_frame(Page& page, Rect r, const std::string& stroke, Length width, Length radius) {
    page.items.emplace_back(RectItem{r, "", stroke, width, radius});
}

void add_line(Page& page, Point a, Point b, Length width, const std::string& colour, bool dotted) {
    page.items.emplace_back(LineItem{a, b, width, colour, dotted});
}

void add_text(Page& page, const Typesetter& ts, std::string_view text, const std::string& style,
              Point baseline_start, const std::string& colour) {
    if (text.empty()) return;
    page.items.emplace_back(ts.line(text, ts.style(style), baseline_start, colour));
}

Length add_para(Page& page, const Typesetter& ts, std::string_view text, const std::string& style,
                Rect box, const TextOptions& opt) {
    const TextBlock b = ts.paragraph(text, ts.style(style), box.w, opt);
    add_block(page, b, {box.x, box.y});
    return b.height;
}

CellGrid cell_grid(const PageContext& ctx, const style::Template& t, int folio) {
    CellGrid g;
    g.area = ctx.hanmen(folio);
    g.columns = std::max(1, t.grid.columns > 0 ? t.grid.columns : t.get_int("columns", 1));
    g.rows = std::max(1, t.grid.rows > 0 ? t.grid.rows : t.get_int("rows", 1));
    g.gutter = t.grid.gutter.value_or(ctx.geo().gutter * 2);
    g.row_gutter = t.grid.row_gutter.value_or(g.gutter);
    g.baseline = max(t.grid.baseline, Length{});
    g.cell_w = (g.area.w - g.gutter * (g.columns - 1)) / g.columns;
    g.cell_h = (g.area.h - g.row_gutter * (g.rows - 1)) / g.rows;
    return g;
}

Rect CellGrid::cell(int c, int r) const {
    const Length x = area.x + (cell_w + gutter) * c;
    const Length bottom = area.y + (cell_h + row_gutter) * r + cell_h;
    const Length top = snap(area.y + (cell_h + row_gutter) * r);
    return {x, top, cell_w, bottom - top};
}

Length CellGrid::snap(Length y) const {
    if (baseline.sp <= 0 || y <= area.y) return y;
    const std::int64_t steps = ((y - area.y).sp + baseline.sp - 1) / baseline.sp;
    return area.y + baseline * steps;
}

Length CellGrid::snap_if_free(Length y, Length bottom, int lines, Length leading) const {
    const Length snapped = snap(y);
    const auto fits = [&](Length top) { return leading * lines <= bottom - top; };
    return fits(snapped) || !fits(y) ? snapped : y;
}

int capacity(const style::Template& t) {
    if (t.kind == "shop-cards" || t.kind == "products" || t.kind == "recommendations" ||
        t.kind == "spots") {
        const int cols = t.grid.columns > 0 ? t.grid.columns : t.get_int("columns", 1);
        const int rows = t.grid.rows > 0 ? t.grid.rows : t.get_int("rows", 1);
        return std::max(1, cols) * std::max(1, rows);
    }
    return 0;
}

Builder builder_for(const std::string& kind) {
    if (kind == "cover") return build_cover;
    if (kind == "contents") return build_contents;
    if (kind == "guide") return build_guide;
    if (kind == "opener") return build_opener;
    if (kind == "shop-cards") return build_shop_cards;
    if (kind == "products") return build_products;
    if (kind == "recommendations") return build_recommendations;
    if (kind == "spots") return build_spots;
    if (kind == "matrix") return build_matrix;
    if (kind == "index") return build_index;
    if (kind == "index-area") return build_index_area;
    if (kind == "index-genre") return build_index_genre;
    if (kind == "map") return build_map;
    if (kind == "ad") return build_ad;
    if (kind == "colophon") return build_colophon;
    if (kind == "back-cover") return build_back_cover;
    return nullptr;
}

void draw_page_frame(const PageContext& ctx, const content::PlanPage& plan,
                     const style::Template& tmpl, Page& page) {
    const auto& g = ctx.geo();
    const bool recto = PageContext::recto(plan.folio);
    const Rect hm = ctx.hanmen(plan.folio);
    const auto* section = ctx.book.find_section(plan.section);
    const std::string colour = ctx.section_colour(plan.section);

    // Thumb tab (ツメ): bleeds off the outer edge, one step lower for each section.
    if (section && tmpl.get("tab", "yes") == "yes") {
        const Length step = g.tab_height + Length::from_mm(1);
        const Length y = g.tab_top + step * (section->number - 1);
        const Length w = g.tab_width + g.bleed;
        const Length x = recto ? g.trim_w - g.tab_width : -g.bleed;
        // On a section opener the page is the section's colour: the tab is reversed (white,
        // the number in the colour) so that it still shows where it crosses the colour field.
        const bool reversed = tmpl.kind == "opener";
        add_rect(page, {x, y, w, g.tab_height}, reversed ? "white" : colour);
        // The section number, centred in the visible part of the tab.
        const auto& st = ctx.ts.style("tab");
        const std::string num = std::to_string(section->number);
        const Length tw = ctx.ts.width(num, st);
        const Length vis_x = recto ? g.trim_w - g.tab_width : Length{};
        add_text(page, ctx.ts, num, "tab",
                 {vis_x + (g.tab_width - tw) / 2, y + g.tab_height / 2 + st.size.scaled(0.35)},
                 reversed ? colour : std::string{});
    }
    // Folio (ノンブル) at the outer bottom corner.
    const Length base_y = g.trim_h - g.bottom + Length::from_mm(9);
    if (tmpl.get("folio", "yes") == "yes") {
        const std::string f = std::to_string(plan.folio);
        const auto& st = ctx.ts.style("folio");
        const Length fw = ctx.ts.width(f, st);
        const Length x = recto ? hm.right() - fw : hm.x;
        add_text(page, ctx.ts, f, "folio", {x, base_y});
        // Running head (柱): book title and section, beside the folio.
        if (tmpl.get("running-head", "yes") == "yes") {
            std::string head = ctx.book.meta.title;
            if (section) head += "　｜　" + section->short_title;
            const auto& rh = ctx.ts.style("running-head");
            const Length hw = ctx.ts.width(head, rh);
            const Length gap = Length::from_mm(4);
            const Length hx = recto ? hm.right() - fw - gap - hw : hm.x + fw + gap;
            add_text(page, ctx.ts, head, "running-head", {hx, base_y});
        }
    }
}

}  // namespace shokuhon::compose::pages
