// 目次: every section with its number chip, title, lead and first page; then the back matter.
// Page numbers come from the pagination (PageMap), never typed in; each row links to its page.
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {
namespace {

void link_row(const PageContext& ctx, Page& page, Rect r, int folio) {
    auto it = ctx.map.page_index_of_folio.find(folio);
    if (it != ctx.map.page_index_of_folio.end()) page.items.emplace_back(LinkItem{r, it->second});
}

}  // namespace

void build_contents(const PageContext& ctx, const content::PlanPage& plan,
                    const std::vector<std::string>&, Page& page) {
    const Rect hm = ctx.hanmen(plan.folio);
    const auto& ts = ctx.ts;
    const auto& title = ts.style("page-title");
    add_text(page, ts, "CONTENTS", "toc-section", {hm.x, hm.y + Length::from_mm(4)}, "accent");
    add_text(page, ts, "目次", "page-title", {hm.x, hm.y + Length::from_mm(8) + title.size});
    Length y = hm.y + Length::from_mm(26);
    add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(1), "black");
    y += Length::from_mm(6);

    const auto& sec_st = ts.style("toc-section");
    const auto& page_st = ts.style("toc-page");
    const Length chip = Length::from_mm(11);
    const Length text_x = hm.x + chip + Length::from_mm(5);
    const Length num_w = Length::from_mm(14);
    for (const auto& s : ctx.book.plan.sections) {
        auto it = ctx.map.section_first.find(s.id);
        if (it == ctx.map.section_first.end()) continue;
        const std::string colour = ctx.section_colour(s.id);
        add_rect(page, {hm.x, y, chip, chip}, colour, Length::from_mm(1));
        const std::string n = std::to_string(s.number);
        const Length nw = ts.width(n, ts.style("opener-title"));
        (void)nw;
        const Length w = ts.width(n, sec_st);
        add_text(page, ts, n, "toc-section", {hm.x + (chip - w) / 2, y + chip / 2 + sec_st.size.scaled(0.36)}, "white");
        add_text(page, ts, s.title, "toc-section", {text_x, y + sec_st.size});
        const std::string pg = std::to_string(it->second);
        const Length pw = ts.width(pg, page_st);
        add_text(page, ts, pg, "toc-page", {hm.right() - pw, y + sec_st.size}, colour);
        const Length lead_y = y + sec_st.leading + Length::from_mm(1);
        const Length lh = add_para(page, ts, s.lead, "toc-entry", {text_x, lead_y, hm.w - (text_x - hm.x) - num_w, hm.h},
                                   {"", true, 3});
        const Length row_h = max(chip, lead_y - y + lh) + Length::from_mm(5);
        link_row(ctx, page, {hm.x, y, hm.w, row_h}, it->second);
        y += row_h;
        add_line(page, {hm.x, y - Length::from_mm(2.5)}, {hm.right(), y - Length::from_mm(2.5)},
                 Length::from_pt(0.4), "rule");
    }
    // Back matter, from the templates that hold it.
    y += Length::from_mm(3);
    const std::pair<const char*, const char*> back[] = {
        {"index", "さくいん（50音順）"}, {"index-area", "エリア別さくいん"},
        {"index-genre", "ジャンル別さくいん"}, {"colophon", "奥付"}};
    for (const auto& [tmpl, label] : back) {
        auto it = ctx.map.template_first.find(tmpl);
        if (it == ctx.map.template_first.end()) continue;
        add_text(page, ts, label, "toc-entry", {text_x, y + sec_st.size});
        const std::string pg = std::to_string(it->second);
        const Length pw = ts.width(pg, page_st);
        add_text(page, ts, pg, "toc-page", {hm.right() - pw, y + sec_st.size});
        link_row(ctx, page, {hm.x, y, hm.w, sec_st.leading}, it->second);
        y += sec_st.leading + Length::from_mm(2);
    }
}

}  // namespace shokuhon::compose::pages
