// Area maps: a drawn map of the town (sea, river, railway, station), each shop a numbered pin in
// its section's colour at its map coordinates, and a legend of number, shop and page. The pin
// numbers are fixed before any page is built (number_map_pins), so cards can print them.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {

MapWindow map_window(const style::Template& t) {
    MapWindow w;
    std::istringstream in(t.get("window", "0 0 1 1"));
    in >> w.x0 >> w.y0 >> w.x1 >> w.y1;
    if (!(w.x1 > w.x0) || !(w.y1 > w.y0)) w = MapWindow{};
    w.outside = t.get("window-mode", "inside") == "outside";
    return w;
}

void number_map_pins(const content::Book& book, const style::LayoutSet& layout, PageMap& map) {
    int next = 1;
    for (const auto& pg : book.plan.pages) {
        const style::Template* t = layout.find_template(pg.tmpl);
        if (!t || t->kind != "map") continue;
        const MapWindow w = map_window(*t);
        for (const auto& s : book.shops) {
            if (map.map_number.count(s.id) || !map.entry_folio.count(s.id)) continue;
            if (w.contains(s.map_x, s.map_y) == w.outside) continue;
            map.map_number[s.id] = next++;
            map.map_folio[s.id] = pg.folio;
        }
    }
}

namespace {

struct MapFrame {
    Rect r;
    MapWindow w;
    Point at(double x, double y) const {
        // Outside maps show the whole town; inside maps zoom to their window.
        const MapWindow v = w.outside ? MapWindow{} : w;
        return {r.x + r.w.scaled((x - v.x0) / (v.x1 - v.x0)), r.y + r.h.scaled((y - v.y0) / (v.y1 - v.y0))};
    }
};

std::string colour_or(const PageContext& ctx, const std::string& name, const std::string& fallback) {
    return ctx.layout.colours.count(name) ? name : fallback;
}

// The town as the shops' coordinates describe it: the sea to the south, the Sagami river to
// the east, the Tokaido line and Hiratsuka station across the middle.
void draw_ground(const PageContext& ctx, const MapFrame& f, Page& page) {
    add_rect(page, f.r, "paper-tint");
    const std::string sea = colour_or(ctx, "map-sea", "info-tint");
    const Point coast = f.at(0, 0.9);
    if (coast.y < f.r.bottom()) add_rect(page, {f.r.x, max(coast.y, f.r.y), f.r.w, f.r.bottom() - max(coast.y, f.r.y)}, sea);
    const Point r0 = f.at(0.9, 0), r1 = f.at(0.94, 1);
    if (r0.x < f.r.right()) {
        const Length x = max(r0.x, f.r.x);
        add_rect(page, {x, f.r.y, min(r1.x, f.r.right()) - x + Length::from_mm(1), f.r.h}, sea);
    }
    const Point a = f.at(0, 0.47), b = f.at(1, 0.47);
    if (a.y > f.r.y && a.y < f.r.bottom()) {
        add_line(page, {f.r.x, a.y}, {f.r.right(), b.y}, Length::from_pt(3), "grey");
        add_line(page, {f.r.x, a.y}, {f.r.right(), b.y}, Length::from_pt(1.6), "white", true);
        const Point st = f.at(0.5, 0.47);
        if (st.x > f.r.x && st.x < f.r.right()) {
            const Length w = Length::from_mm(16), h = Length::from_mm(5);
            add_rect(page, {st.x - w / 2, st.y - h / 2, w, h}, "black", Length::from_mm(1));
            const auto& lb = ctx.ts.style("label");
            const Length tw = ctx.ts.width("平塚駅", lb);
            add_text(page, ctx.ts, "平塚駅", "label", {st.x - tw / 2, st.y + lb.size.scaled(0.36)});
        }
    }
    add_frame(page, f.r, "rule", Length::from_pt(0.75));
}

// Area names at the centre of their shops, so the map needs no separate geography data.
void draw_area_names(const PageContext& ctx, const MapFrame& f, const std::vector<const content::Shop*>& shops,
                     Page& page) {
    std::map<std::string, std::pair<double, double>> sum;
    std::map<std::string, int> n;
    for (const auto* s : shops) {
        sum[s->area].first += s->map_x;
        sum[s->area].second += s->map_y;
        ++n[s->area];
    }
    const auto& st = ctx.ts.style("caption");
    for (const auto& [area, xy] : sum) {
        const Point p = f.at(xy.first / n[area], xy.second / n[area]);
        const Length w = ctx.ts.width(area, st);
        add_text(page, ctx.ts, area, "caption", {p.x - w / 2, p.y - Length::from_mm(3.5)}, "grey");
    }
}

// On the town map, the station area's frame points to its own, larger map.
void draw_inset(const PageContext& ctx, const content::PlanPage& plan, const MapFrame& f, Page& page) {
    const Point a = f.at(f.w.x0, f.w.y0), b = f.at(f.w.x1, f.w.y1);
    const Rect r{a.x, a.y, b.x - a.x, b.y - a.y};
    add_line(page, {r.x, r.y}, {r.right(), r.y}, Length::from_pt(0.8), "grey", true);
    add_line(page, {r.x, r.bottom()}, {r.right(), r.bottom()}, Length::from_pt(0.8), "grey", true);
    add_line(page, {r.x, r.y}, {r.x, r.bottom()}, Length::from_pt(0.8), "grey", true);
    add_line(page, {r.right(), r.y}, {r.right(), r.bottom()}, Length::from_pt(0.8), "grey", true);
    int folio = 0;
    for (const auto& [id, f2] : ctx.map.map_folio) {
        if (f2 != plan.folio) folio = f2;
    }
    if (folio > 0) {
        add_text(page, ctx.ts, "駅周辺の店は" + page_ref(folio), "caption", {r.x + Length::from_mm(2), r.bottom() - Length::from_mm(2)}, "grey");
    }
}

void draw_pin(const PageContext& ctx, Page& page, Point p, int number, const std::string& colour) {
    const Length r = Length::from_mm(2.1);
    page.items.emplace_back(CircleItem{p, r, colour, "white", Length::from_pt(0.6)});
    const auto& st = ctx.ts.style("small");
    const std::string n = std::to_string(number);
    const Length w = ctx.ts.width(n, st);
    add_text(page, ctx.ts, n, "small", {p.x - w / 2, p.y + st.size.scaled(0.36)}, "white");
}

void draw_legend(const PageContext& ctx, const std::vector<const content::Shop*>& shops, Rect box, Page& page) {
    const auto& st = ctx.ts.style("index-entry");
    const int cols = 4;
    const Length gap = Length::from_mm(4);
    const Length cw = (box.w - gap * (cols - 1)) / cols;
    const int per_col = std::max<int>(1, static_cast<int>((shops.size() + cols - 1) / cols));
    for (std::size_t i = 0; i < shops.size(); ++i) {
        const auto* s = shops[i];
        const int c = static_cast<int>(i) / per_col, r = static_cast<int>(i) % per_col;
        const Point at{box.x + (cw + gap) * c, box.y + st.leading * r};
        const Length base = at.y + Typesetter::baseline_offset(st);
        add_text(page, ctx.ts, std::to_string(ctx.map.map_number.at(s->id)), "info-label", {at.x, base},
                 ctx.section_colour(s->section));
        const int folio = ctx.map.entry_folio.at(s->id);
        const std::string pg = std::to_string(folio);
        const Length pw = ctx.ts.width(pg, st);
        add_text(page, ctx.ts, s->name, "index-entry", {at.x + Length::from_mm(6), base});
        add_text(page, ctx.ts, pg, "index-entry", {at.x + cw - pw, base});
        auto it = ctx.map.page_index_of_folio.find(folio);
        if (it != ctx.map.page_index_of_folio.end()) {
            page.items.emplace_back(LinkItem{{at.x, at.y, cw, st.leading}, it->second});
        }
    }
}

}  // namespace

void build_map(const PageContext& ctx, const content::PlanPage& plan, const std::vector<std::string>&,
               Page& page) {
    const style::Template& t = *ctx.layout.find_template(plan.tmpl);
    const Rect hm = ctx.hanmen(plan.folio);
    std::vector<const content::Shop*> shops;
    for (const auto& s : ctx.book.shops) {
        auto it = ctx.map.map_folio.find(s.id);
        if (it != ctx.map.map_folio.end() && it->second == plan.folio) shops.push_back(&s);
    }
    std::sort(shops.begin(), shops.end(), [&](const auto* a, const auto* b) {
        return ctx.map.map_number.at(a->id) < ctx.map.map_number.at(b->id);
    });
    const std::string title = t.get("title", "エリアマップ");
    add_text(page, ctx.ts, "AREA MAP", "toc-section", {hm.x, hm.y + Length::from_mm(4)}, "accent");
    add_text(page, ctx.ts, title, "page-title", {hm.x, hm.y + Length::from_mm(8) + ctx.ts.style("page-title").size});
    const auto& st = ctx.ts.style("index-entry");
    const int per_col = static_cast<int>((shops.size() + 3) / 4);
    const Length legend_h = st.leading * per_col;
    const Length top = hm.y + Length::from_mm(22);
    const MapFrame f{{hm.x, top, hm.w, hm.bottom() - top - legend_h - Length::from_mm(6)}, map_window(t)};
    draw_ground(ctx, f, page);
    if (f.w.outside) draw_inset(ctx, plan, f, page);
    draw_area_names(ctx, f, shops, page);
    for (const auto* s : shops) {
        draw_pin(ctx, page, f.at(s->map_x, s->map_y), ctx.map.map_number.at(s->id), ctx.section_colour(s->section));
    }
    draw_legend(ctx, shops, {hm.x, f.r.bottom() + Length::from_mm(6), hm.w, legend_h}, page);
}

}  // namespace shokuhon::compose::pages
