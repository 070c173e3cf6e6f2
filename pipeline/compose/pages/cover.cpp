// 表1 (front cover): a colour field with the title, a full-bleed photo, the sections as a
// line-up, the edition and the price line. Nothing important within 5 mm of the trim.
#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {

void build_cover(const PageContext& ctx, const content::PlanPage&, const std::vector<std::string>&,
                 Page& page) {
    const auto& g = ctx.geo();
    const auto& m = ctx.book.meta;
    const Length safe = Length::from_mm(14);
    const Length band_h = g.trim_h.scaled(0.36);
    add_rect(page, {-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, band_h + g.bleed}, "accent");
    page.items.emplace_back(ImageItem{{-g.bleed, band_h, g.trim_w + g.bleed * 2, g.trim_h - band_h + g.bleed},
                                      ctx.photo_path(m.cover_photo), 0.5, 0.6});

    const auto& title = ctx.ts.style("cover-title");
    add_text(page, ctx.ts, m.title_reading.empty() ? "" : "HIRATSUKA SHOKUHON", "cover-sub",
             {safe, Length::from_mm(22)});
    add_text(page, ctx.ts, m.title, "cover-title", {safe, Length::from_mm(26) + title.size.scaled(0.88)});
    const Length sub_y = Length::from_mm(28) + title.size + Length::from_mm(8);
    add_para(page, ctx.ts, m.subtitle, "cover-line", {safe, sub_y, g.trim_w - safe * 2, Length::from_mm(20)},
             {"", true, 0});

    // Edition badge at the top right.
    const Length d = Length::from_mm(26);
    const Point c{g.trim_w - safe - d / 2, Length::from_mm(16) + d / 2};
    page.items.emplace_back(CircleItem{c, d / 2, "white", "", {}});
    const auto& sub = ctx.ts.style("toc-section");
    const Length ew = ctx.ts.width(m.edition, sub);
    add_text(page, ctx.ts, m.edition, "toc-section", {c.x - ew / 2, c.y + sub.size.scaled(0.36)}, "accent");

    // The line-up: one chip per section, in the section colours.
    Length y = g.trim_h - Length::from_mm(62);
    Length x = safe;
    const auto& chip = ctx.ts.style("cover-sub");
    for (const auto& s : ctx.book.plan.sections) {
        const Length w = ctx.ts.width(s.short_title, chip) + Length::from_mm(6);
        if (x + w > g.trim_w - safe) {
            x = safe;
            y += Length::from_mm(10);
        }
        add_rect(page, {x, y, w, Length::from_mm(8)}, ctx.section_colour(s.id), Length::from_mm(1));
        add_text(page, ctx.ts, s.short_title, "cover-sub", {x + Length::from_mm(3), y + Length::from_mm(5.6)});
        x += w + Length::from_mm(2.5);
    }
    const std::string price = "定価" + yen(m.price + m.price / 10) + "（本体" + yen(m.price) + "＋税10%）";
    add_rect(page, {-g.bleed, g.trim_h - Length::from_mm(20), g.trim_w + g.bleed * 2, Length::from_mm(20) + g.bleed},
             "rich-black");
    add_text(page, ctx.ts, m.publisher, "cover-sub", {safe, g.trim_h - Length::from_mm(8)});
    const Length pw = ctx.ts.width(price, chip);
    add_text(page, ctx.ts, price, "cover-sub", {g.trim_w - safe - pw, g.trim_h - Length::from_mm(8)});
}

}  // namespace shokuhon::compose::pages
