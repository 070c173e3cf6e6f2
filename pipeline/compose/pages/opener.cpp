// Section opener: a full-bleed photo, then the section's colour field with its number, title
// and lead. The page carries the thumb tab but no folio (a display page).
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {

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
    const Length th = add_para(page, ctx.ts, sec->title, "opener-title", {hm.x, y, hm.w, title.leading * 3});
    y += th + Length::from_mm(5);
    add_line(page, {hm.x, y}, {hm.x + Length::from_mm(30), y}, Length::from_pt(1.5), "white");
    y += Length::from_mm(6);
    add_para(page, ctx.ts, sec->lead, "opener-lead", {hm.x, y, hm.w.scaled(0.82), hm.bottom() - y});
}

}  // namespace shokuhon::compose::pages
