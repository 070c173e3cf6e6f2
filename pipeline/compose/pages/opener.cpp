// Section opener: a full-bleed photo, then the section's colour field with its number, title
// and lead. The page carries the thumb tab but no folio (a display page).
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {
namespace {

// 縦組 title (JLREQ 3.2, layout.xml opener-title writing="vertical"): columns from the type
// area's right edge leftwards, each as long as the colour field allows, set by the same
// breaker (prohibitions, 縦中横, Latin rotated). Returns the width taken; a column that a
// token overflows is reported, never clipped silently.
Length vertical_title(const PageContext& ctx, const content::PlanSection& sec, Rect hm, Length top,
                      Page& page) {
    const auto& st = ctx.ts.style("opener-title");
    TextOptions opt;
    opt.no_indent = true;
    const TextBlock b = ctx.ts.paragraph(sec.title, st, hm.bottom() - top, opt);
    add_block(page, b, {hm.right() - b.width, top});
    if (b.overfull > 0) {
        ctx.diags.warning("W-COMPOSE-030", sec.loc,
                          "section \"" + sec.title + "\": " + std::to_string(b.overfull) +
                              " column(s) of the vertical title are longer than the colour field",
                          "shorten the title or make the opener-title style smaller");
    }
    return b.width;
}

}  // namespace

void build_opener(const PageContext& ctx, const content::PlanPage& plan,
                  const std::vector<std::string>&, Page& page) {
    const auto& g = ctx.geo();
    const auto* sec = ctx.book.find_section(plan.section);
    if (!sec) return;
    const std::string colour = ctx.section_colour(plan.section);
    const Rect hm = ctx.hanmen(plan.folio);
    const Length photo_h = g.trim_h.scaled(0.58);
    // Photo and colour field both run into the bleed on every edge they touch.
    page.items.emplace_back(ImageItem{{-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, photo_h + g.bleed},
                                      ctx.photo_path(sec->photo), 0.5, 0.5});
    add_rect(page, {-g.bleed, photo_h, g.trim_w + g.bleed * 2, g.trim_h - photo_h + g.bleed}, colour);

    const auto& num = ctx.ts.style("opener-number");
    const auto& title = ctx.ts.style("opener-title");
    Length y = photo_h + Length::from_mm(12);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", sec->number);
    add_text(page, ctx.ts, std::string("SECTION ") , "cover-sub", {hm.x, y});
    y += Length::from_mm(2);
    add_text(page, ctx.ts, buf, "opener-number", {hm.x, y + num.size.scaled(0.88)});
    y += num.leading + Length::from_mm(4);
    Length lead_w = hm.w.scaled(0.82);
    if (title.writing == style::Writing::kVertical) {
        // Its top level with the top of "SECTION", whose baseline is 12 mm into the field.
        const Length tw = vertical_title(ctx, *sec, hm, photo_h + Length::from_mm(8), page);
        lead_w = min(lead_w, hm.w - tw - Length::from_mm(10));
    } else {
        const Length th = add_para(page, ctx.ts, sec->title, "opener-title", {hm.x, y, hm.w, title.leading * 3});
        y += th + Length::from_mm(5);
    }
    add_line(page, {hm.x, y}, {hm.x + Length::from_mm(30), y}, Length::from_pt(1.5), "white");
    y += Length::from_mm(6);
    add_para(page, ctx.ts, sec->lead, "opener-lead", {hm.x, y, lead_w, hm.bottom() - y});
}

}  // namespace shokuhon::compose::pages
