// Recommendations by players and staff, one row each (template rows): a portrait placeholder
// drawn as vectors, role and number, the person's name, their comment as a large quote, and
// the shop they recommend with a link to its page.
#include <algorithm>

#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {
namespace {

const content::Recommendation* find_recommendation(const content::Book& book,
                                                   const std::string& id) {
    for (const auto& r : book.recommendations) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

// A light tint of a palette colour, when the designer declared one ("<name>-tint").
std::string tint_of(const PageContext& ctx, const std::string& colour) {
    const std::string t = colour + "-tint";
    return ctx.layout.colours.count(t) ? t : "info-tint";
}

// Head and shoulders in the tint, inside a hairline frame: reads as "portrait to come"
// without pretending to be a photo.
void draw_portrait(Page& page, Rect f, const std::string& tint) {
    add_frame(page, f, tint, Length::from_pt(0.75), Length::from_mm(1.2));
    const Length head_r = f.w.scaled(0.19);
    page.items.emplace_back(
        CircleItem{{f.x + f.w / 2, f.y + f.h.scaled(0.40)}, head_r, tint, "", {}});
    // Shoulders: a rounded rectangle for the curve, a plain one over its lower corners so
    // that the figure stands flat on the frame's foot.
    const Rect body{f.x + f.w.scaled(0.17), f.y + f.h.scaled(0.40) + head_r + Length::from_mm(1.2),
                    f.w.scaled(0.66), Length{}};
    const Length h = f.bottom() - body.y;
    const Length rad = min(body.w / 2, h);
    add_rect(page, {body.x, body.y, body.w, h}, tint, rad);
    add_rect(page, {body.x, body.y + rad, body.w, h - rad}, tint);
}

// Role small and the shirt number large, both in the section colour, then the reading above
// the name, all on one baseline; returns the height used. Staff have a role and no number.
Length draw_person(Page& page, const Typesetter& ts, const content::Recommendation& r,
                   Point at, const std::string& colour) {
    const auto& ps = ts.style("person");
    const auto& ns = ts.style("shop-name-large");
    const Length base = at.y + Typesetter::baseline_offset(ns);
    Length x = at.x;
    add_text(page, ts, r.role, "person", {x, base}, colour);
    x += ts.width(r.role, ps) + Length::from_mm(1.5);
    if (r.number > 0) {
        const std::string num = std::to_string(r.number);
        add_text(page, ts, num, "shop-name-large", {x, base}, colour);
        x += ts.width(num, ns);
    }
    x += Length::from_mm(4);
    add_text(page, ts, r.reading, "reading", {x, base - ps.size - Length::from_mm(1.2)});
    add_text(page, ts, r.person, "person", {x, base});
    return ns.leading;
}

// The shop line: chip, name, genre and area, page reference; the whole line links to the
// shop's page. `base` is the baseline.
void draw_shop_line(const PageContext& ctx, const content::Shop& s, Point base, Length w,
                    const std::string& colour, Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& ls = ts.style("label");
    const auto& ds = ts.style("dish");
    const Length pad = Length::from_mm(1.4), chip_h = ls.size + Length::from_mm(1.8);
    const std::string chip = "オススメの店";
    const Length chip_w = ts.width(chip, ls) + pad * 2;
    const Length chip_y = base.y - ds.size.scaled(0.36) - chip_h / 2;
    add_rect(page, {base.x, chip_y, chip_w, chip_h}, colour, Length::from_mm(0.6));
    add_text(page, ts, chip, "label", {base.x + pad, chip_y + chip_h / 2 + ls.size.scaled(0.36)});
    const Length sp = Length::from_mm(2.5);
    const auto f = ctx.map.entry_folio.find(s.id);
    const std::string ref = f == ctx.map.entry_folio.end() ? "" : page_ref(f->second);
    const std::string sub = s.genre + "・" + s.area;
    Length x = base.x + chip_w + sp;
    add_text(page, ts, s.name, "dish", {x, base.y});
    x += ts.width(s.name, ds) + sp;
    // Genre and area are the first to go when a long name leaves no room for them.
    const Length sub_w = ts.width(sub, ts.style("caption")) + sp;
    if (x + sub_w + ts.width(ref, ds) <= base.x + w) {
        add_text(page, ts, sub, "caption", {x, base.y}, "grey");
        x += sub_w;
    }
    if (ref.empty()) return;
    add_text(page, ts, ref, "dish", {x, base.y}, colour);
    x += ts.width(ref, ds);
    const auto idx = ctx.map.page_index_of_folio.find(f->second);
    if (idx != ctx.map.page_index_of_folio.end()) {
        page.items.emplace_back(LinkItem{{base.x, chip_y, min(x - base.x, w), chip_h}, idx->second});
    }
}

// The comment between large quote marks, centred in the band it is given; lines that do not
// fit are cut and reported.
void draw_quote(const PageContext& ctx, const content::Recommendation& r, Rect band,
                const std::string& colour, Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& qs = ts.style("quote");
    const auto& mark = ts.style("page-title");
    const Length inset = mark.size;
    const Rect text{band.x + inset, band.y, band.w - inset * 2, band.h};
    const int lines = ts.count_lines(r.comment, qs, text.w);
    const int fit = std::max(1, static_cast<int>(band.h.sp / std::max<std::int64_t>(1, qs.leading.sp)));
    if (lines > fit) {
        ctx.diags.warning("W-COMPOSE-022", r.loc,
                          "recommendation " + r.id + " (" + r.person + "): comment needs " +
                              std::to_string(lines) + " lines but page " + std::to_string(page.folio) +
                              " has room for " + std::to_string(fit) + "; the rest is not printed",
                          "shorten the comment");
    }
    const int shown = std::min(lines, fit);
    const Length y = band.y + (band.h - qs.leading * shown) / 2;
    add_para(page, ts, r.comment, "quote", {text.x, y, text.w, band.h}, {"", true, fit});
    // The marks stand in the margins of the quote: the opening one at the first line, the
    // closing one flush right below the last line.
    add_text(page, ts, "「", "page-title", {band.x, y + mark.size.scaled(0.8)}, colour);
    const Length last_base = y + qs.leading * (shown - 1) + Typesetter::baseline_offset(qs);
    add_text(page, ts, "」", "page-title", {band.right() - ts.width("」", mark), last_base + qs.size / 2},
             colour);
}

void draw_row(const PageContext& ctx, const content::Recommendation& r, Rect row,
              const std::string& colour, Page& page) {
    const Rect portrait{row.x, row.y, row.h.scaled(0.74), row.h};
    draw_portrait(page, portrait, tint_of(ctx, colour));
    const Length x = portrait.right() + Length::from_mm(6);
    const Length w = row.right() - x;
    const Length person_h = draw_person(page, ctx.ts, r, {x, row.y}, colour);
    const Length line_h = ctx.ts.style("label").size + Length::from_mm(1.8);
    const Length shop_base = row.bottom() - Length::from_mm(1.2);
    const Length band_top = row.y + person_h + Length::from_mm(3);
    const Length band_bottom = shop_base - line_h - Length::from_mm(4);
    draw_quote(ctx, r, {x, band_top, w, band_bottom - band_top}, colour, page);
    const content::Shop* s = ctx.book.find_shop(r.shop_id);
    if (!s) return;
    add_line(page, {x, shop_base - line_h - Length::from_mm(1.5)},
             {row.right(), shop_base - line_h - Length::from_mm(1.5)}, Length::from_pt(0.5), "rule",
             true);
    draw_shop_line(ctx, *s, {x, shop_base}, w, colour, page);
}

}  // namespace

void build_recommendations(const PageContext& ctx, const content::PlanPage& plan,
                           const std::vector<std::string>& entries, Page& page) {
    const style::Template* t = ctx.layout.find_template(plan.tmpl);
    if (!t) return;
    // Rows (and columns, when a designer asks for them) from the template's grid.
    const CellGrid grid = cell_grid(ctx, *t, plan.folio);
    const Rect hm = grid.area;
    const std::string colour = ctx.section_colour(plan.section);
    for (std::size_t i = 0; i < entries.size() && static_cast<int>(i) < grid.columns * grid.rows; ++i) {
        const content::Recommendation* r = find_recommendation(ctx.book, entries[i]);
        if (!r) continue;
        const int c = static_cast<int>(i) % grid.columns, rw = static_cast<int>(i) / grid.columns;
        const Rect row = grid.cell(c, rw);
        draw_row(ctx, *r, row, colour, page);
        if (rw > 0 && c == 0) {
            const Length above = grid.cell(0, rw - 1).bottom();
            const Length y = above + (row.y - above) / 2;
            add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(0.5), "rule");
        }
    }
}

}  // namespace shokuhon::compose::pages
