// #hiratsukagood spots, columns × rows to a page: a big photo with the hashtag chip on its
// foot, area, spot name, description, and the access line anchored at the cell's foot.
#include <algorithm>

#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {
namespace {

const content::Spot* find_spot(const content::Book& book, const std::string& id) {
    for (const auto& s : book.spots) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

// The hashtag chip sits on the photo's lower-left corner, as the campaign's stamp on it.
void draw_tag(Page& page, const Typesetter& ts, const Rect& photo, const std::string& colour) {
    const auto& st = ts.style("label");
    const std::string tag = "#hiratsukagood";
    const Length pad = Length::from_mm(1.6);
    const Length h = st.size + Length::from_mm(2.4);
    add_rect(page, {photo.x, photo.bottom() - h, ts.width(tag, st) + pad * 2, h}, colour);
    add_text(page, ts, tag, "label", {photo.x + pad, photo.bottom() - h / 2 + st.size.scaled(0.36)});
}

// A name on one line, shrunk by up to a fifth when it is a little too long (what a designer
// does by hand, rather than leave one character alone on a second line); a name still too long
// breaks before its parenthesis, or where the line breaker puts it. Returns the height used.
Length add_name(Page& page, const Typesetter& ts, const std::string& name, Rect box) {
    const style::TextStyle& base = ts.style("shop-name");
    for (int step = 0; step <= 4; ++step) {
        style::TextStyle st = base;
        st.size = base.size.scaled(1.0 - 0.05 * step);
        if (ts.width(name, st) <= box.w) {
            add_block(page, ts.paragraph(name, st, box.w, {"", true, 1}), {box.x, box.y});
            return base.leading;
        }
    }
    const auto paren = std::min(name.find('('), name.find("（"));
    if (paren != std::string::npos && paren > 0) {
        const Length h = add_name(page, ts, name.substr(0, paren), box);
        return h + add_name(page, ts, name.substr(paren), {box.x, box.y + h, box.w, box.h - h});
    }
    return add_para(page, ts, name, "shop-name", box);
}

// A map-pin dot and the area name in grey; returns the height used.
Length draw_area(Page& page, const Typesetter& ts, const std::string& area, Point at,
                 const std::string& colour) {
    const auto& st = ts.style("caption");
    const Length base = at.y + Typesetter::baseline_offset(st);
    const Length r = st.size.scaled(0.3);
    page.items.emplace_back(CircleItem{{at.x + r, base - st.size.scaled(0.36)}, r, colour, "", {}});
    add_text(page, ts, area, "caption", {at.x + r * 2 + Length::from_mm(1), base}, "grey");
    return st.leading;
}

struct Access {
    Length label_w, height;
};

Access measure_access(const Typesetter& ts, const std::string& access, Length w) {
    const Length label_w = ts.width("アクセス", ts.style("info-label")) + Length::from_mm(2);
    const auto& st = ts.style("caption");
    return {label_w, st.leading * std::max(1, ts.count_lines(access, st, w - label_w))};
}

void draw_access(Page& page, const Typesetter& ts, const std::string& access, Rect box,
                 const Access& a, const std::string& colour) {
    const auto& st = ts.style("caption");
    add_line(page, {box.x, box.y - Length::from_mm(1.5)}, {box.right(), box.y - Length::from_mm(1.5)},
             Length::from_pt(0.5), "rule", true);
    add_text(page, ts, "アクセス", "info-label", {box.x, box.y + Typesetter::baseline_offset(st)},
             colour);
    add_para(page, ts, access, "caption", {box.x + a.label_w, box.y, box.w - a.label_w, a.height},
             {"", true, 0});
}

void draw_description(const PageContext& ctx, const content::Spot& s, Rect box, Page& page) {
    const auto& body = ctx.ts.style("body");
    const int lines = ctx.ts.count_lines(s.description, body, box.w);
    const int fit = std::max(0, static_cast<int>(box.h.sp / std::max<std::int64_t>(1, body.leading.sp)));
    if (lines > fit) {
        if (ctx.fill) ctx.fill->overflowing.push_back(s.id);
        ctx.diags.warning("W-COMPOSE-023", s.loc,
                          "spot \"" + s.name + "\" (" + s.id + "): description needs " +
                              std::to_string(lines) + " lines but page " + std::to_string(page.folio) +
                              " has room for " + std::to_string(fit) + "; " +
                              std::to_string(lines - fit) + " line(s) not printed",
                          "shorten the description or lower photo-share in layouts/templates.xml");
    }
    add_para(page, ctx.ts, s.description, "body", box, {"", false, fit});
}

void draw_spot(const PageContext& ctx, const CellGrid& grid, double share, const content::Spot& s, Rect cell,
               const std::string& colour, Page& page) {
    const Typesetter& ts = ctx.ts;
    const Length gap = Length::from_mm(3), small = Length::from_mm(1.8);
    const Rect photo{cell.x, cell.y, cell.w, cell.h.scaled(share)};
    page.items.emplace_back(ImageItem{photo, ctx.photo_path(s.photo), 0.5, 0.5});
    draw_tag(page, ts, photo, colour);

    Length y = photo.bottom() + gap;
    if (!s.area.empty()) y += draw_area(page, ts, s.area, {cell.x, y}, colour);
    y += add_name(page, ts, s.name, {cell.x, y, cell.w, cell.h}) + small;

    const Access a = measure_access(ts, s.access, cell.w);
    const Rect access{cell.x, cell.bottom() - a.height, cell.w, a.height};
    if (!s.access.empty()) draw_access(page, ts, s.access, access, a, colour);
    // The description starts on the baseline grid, unless that costs it a line.
    const auto& body = ctx.ts.style("body");
    y = grid.snap_if_free(y, access.y - gap, ctx.ts.count_lines(s.description, body, cell.w), body.leading);
    draw_description(ctx, s, {cell.x, y, cell.w, access.y - gap - y}, page);
}

}  // namespace

void build_spots(const PageContext& ctx, const content::PlanPage& plan,
                 const std::vector<std::string>& entries, Page& page) {
    const style::Template* t = ctx.layout.find_template(plan.tmpl);
    if (!t) return;
    const double share = std::clamp(t->get_double("photo-share", 0.55), 0.1, 0.8);
    const CellGrid grid = cell_grid(ctx, *t, plan.folio);
    const Rect hm = grid.area;
    const int cols = grid.columns, rows = grid.rows;
    const std::string colour = ctx.section_colour(plan.section);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const content::Spot* s = find_spot(ctx.book, entries[i]);
        if (!s) continue;
        const int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        if (r >= rows) break;
        const Rect cell = grid.cell(c, r);
        draw_spot(ctx, grid, share, *s, cell, colour, page);
        if (r > 0 && c == 0) {
            const Length above = grid.cell(0, r - 1).bottom();
            const Length y = above + (cell.y - above) / 2;
            add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(0.5), "rule");
        }
    }
}

}  // namespace shokuhon::compose::pages
