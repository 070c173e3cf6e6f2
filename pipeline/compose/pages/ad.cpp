// Advertisement pages: the advertiser's copy on a full-bleed colour field, marked 広告 as
// Japanese magazines must. (Placing the advertiser's own PDF or image comes with ad slots.)
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {

namespace {

// The advertiser's artwork fills the slot exactly: a full page is trim plus bleed. A missing
// file is a marked placeholder (the printer must never get a silently empty page) and a warning.
void place_artwork(const PageContext& ctx, const content::PlanPage& plan, Page& page) {
    const auto& g = ctx.geo();
    const Rect slot{-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, g.trim_h + g.bleed * 2};
    const std::string path = ctx.photo_path(plan.ad_src);
    if (!path.empty()) {
        page.items.emplace_back(ImageItem{slot, path, 0.5, 0.5});
        return;
    }
    ctx.diags.warning("W-PLAN-021", plan.loc,
                      "page " + std::to_string(plan.folio) + ": advertisement of " + plan.ad_advertiser +
                          " not found (" + plan.ad_src + "); a marked placeholder is printed",
                      "put the advertiser's artwork at content/" + plan.ad_src);
    page.items.emplace_back(ImageItem{slot, "", 0.5, 0.5});
    const Rect hm = ctx.hanmen(plan.folio);
    add_text(page, ctx.ts, "広告入稿待ち：" + plan.ad_advertiser, "ad-headline",
             {hm.x, hm.y + hm.h / 2}, "black");
    add_text(page, ctx.ts, plan.ad_src, "caption", {hm.x, hm.y + hm.h / 2 + Length::from_mm(12)}, "black");
}

}  // namespace

void build_ad(const PageContext& ctx, const content::PlanPage& plan, const std::vector<std::string>&,
              Page& page) {
    const auto& g = ctx.geo();
    const Rect hm = ctx.hanmen(plan.folio);
    // A section colour chosen by folio keeps neighbouring ads apart.
    const auto& secs = ctx.book.plan.sections;
    const std::string colour =
        secs.empty() ? "accent" : ctx.section_colour(secs[static_cast<std::size_t>(plan.folio) % secs.size()].id);
    if (!plan.ad_src.empty()) {
        place_artwork(ctx, plan, page);
        return;
    }
    add_rect(page, {-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, g.trim_h + g.bleed * 2}, "paper-tint");
    add_rect(page, {-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, g.trim_h.scaled(0.45) + g.bleed}, colour);
    if (plan.ad_headline.empty()) {
        ctx.diags.warning("W-PLAN-020", plan.loc, "page " + std::to_string(plan.folio) +
                          ": advertisement page without an advertisement; a placeholder is printed");
        add_text(page, ctx.ts, "広告スペース", "ad-headline", {hm.x, hm.y + Length::from_mm(40)}, "white");
        return;
    }
    add_text(page, ctx.ts, "広告", "small", {hm.right() - Length::from_mm(8), hm.y}, "white");
    const Length top = hm.y + Length::from_mm(45);
    TextOptions white{"white", true, 0};
    add_para(page, ctx.ts, plan.ad_headline, "ad-headline", {hm.x, top, hm.w, hm.h}, white);
    const auto& name = ctx.ts.style("page-title");
    const Length nw = ctx.ts.width(plan.ad_advertiser, name);
    const Length ny = hm.bottom() - Length::from_mm(20);
    const Length rule_y = ny - Length::from_mm(14);
    // The body stands in the middle of the paper below the colour field, above the rule.
    const Length field = g.trim_h.scaled(0.45);
    const Length body_w = hm.w - Length::from_mm(20);
    const TextBlock body = ctx.ts.paragraph(plan.ad_body, ctx.ts.style("ad-body"), body_w, {"", true, 0});
    const Length body_y = max(field + Length::from_mm(12), field + (rule_y - field - body.height) / 2);
    add_block(page, body, {hm.x + Length::from_mm(10), body_y});
    add_line(page, {hm.x, rule_y}, {hm.right(), rule_y}, Length::from_pt(0.75), colour);
    add_text(page, ctx.ts, plan.ad_advertiser, "page-title", {hm.x + (hm.w - nw) / 2, ny}, colour);
}

}  // namespace shokuhon::compose::pages
