// この本の使い方: how to read a shop card, and the icon legend, so readers can use the book.
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {

void build_guide(const PageContext& ctx, const content::PlanPage& plan,
                 const std::vector<std::string>&, Page& page) {
    const Rect hm = ctx.hanmen(plan.folio);
    const auto& ts = ctx.ts;
    add_text(page, ts, "HOW TO USE", "toc-section", {hm.x, hm.y + Length::from_mm(4)}, "accent");
    add_text(page, ts, "この本の使い方", "page-title", {hm.x, hm.y + Length::from_mm(8) + ts.style("page-title").size});
    Length y = hm.y + Length::from_mm(26);
    add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(1), "black");
    y += Length::from_mm(8);
    y += add_para(page, ts,
                  "本書は、平塚のおいしい店と特産品を8つのテーマで紹介するガイドブックです。各店の紹介には、店の"
                  "ジャンルとエリア、編集部おすすめの一品、営業時間や定休日などの基本情報を掲載しています。"
                  "ページの端のツメの色でテーマを、巻末のさくいんで店名やエリアから掲載ページを探せます。",
                  "body-large", {hm.x, y, hm.w, hm.h}) + Length::from_mm(10);

    const std::pair<const char*, const char*> rows[] = {
        {"住所", "店舗の所在地（平塚市内）"}, {"TEL", "電話番号と席数"},
        {"営業", "営業時間（L.O.は各店にご確認ください）"}, {"休み", "定休日（年末年始・臨時休業を除く）"},
        {"予算", "昼・夜それぞれのおよその予算（1人あたり、税込）"}, {"交通", "最寄り駅・バス停からのアクセス"},
        {"ほか", "カード・電子マネーの利用、禁煙・喫煙、駐車場"}};
    add_text(page, ts, "基本情報の見方", "headline", {hm.x, y}, "accent");
    y += Length::from_mm(5);
    for (const auto& [label, text] : rows) {
        add_text(page, ts, label, "info-label", {hm.x, y + Length::from_mm(4)});
        add_text(page, ts, text, "info", {hm.x + Length::from_mm(14), y + Length::from_mm(4)});
        y += Length::from_mm(6.5);
    }
    y += Length::from_mm(8);
    add_text(page, ts, "アイコンの見方", "headline", {hm.x, y}, "accent");
    y += Length::from_mm(5);
    const std::pair<const char*, const char*> icons[] = {
        {"持", "テイクアウトできる"}, {"P", "駐車場がある"}, {"カ", "カードが使える"},
        {"個", "個室がある"}, {"子", "子ども連れ歓迎"}, {"禁", "全席禁煙"}};
    const Length d = Length::from_mm(5);
    const auto& lb = ts.style("label");
    int i = 0;
    for (const auto& [mark, text] : icons) {
        const Length x = hm.x + (hm.w / 3) * (i % 3);
        const Length yy = y + Length::from_mm(9) * (i / 3);
        page.items.emplace_back(CircleItem{{x + d / 2, yy + d / 2}, d / 2, "accent", "", {}});
        const Length tw = ts.width(mark, lb);
        add_text(page, ts, mark, "label", {x + (d - tw) / 2, yy + d / 2 + lb.size.scaled(0.36)});
        add_text(page, ts, text, "info", {x + d + Length::from_mm(2.5), yy + d / 2 + Length::from_mm(1.1)});
        ++i;
    }
    y += Length::from_mm(26);

    // ツメの見方: each section's tab, as it stands at the page edge, with its theme and first
    // page, in two columns; the legend for the colours the reader thumbs by.
    add_text(page, ts, "ツメ（ページの端の色）の見方", "headline", {hm.x, y}, "accent");
    y += Length::from_mm(5);
    const auto& plan_sections = ctx.book.plan.sections;
    const Length row_h = Length::from_mm(11), tab_w = Length::from_mm(8), tab_h = Length::from_mm(8);
    const auto& tab = ts.style("tab");
    const int per_col = static_cast<int>((plan_sections.size() + 1) / 2);
    const Length col_w = (hm.w - ctx.geo().gutter * 2) / 2;
    for (std::size_t k = 0; k < plan_sections.size(); ++k) {
        const auto& sec = plan_sections[k];
        const int c = static_cast<int>(k) / std::max(1, per_col), r = static_cast<int>(k) % std::max(1, per_col);
        const Length x = hm.x + (col_w + ctx.geo().gutter * 2) * c;
        const Length yy = y + row_h * r;
        add_rect(page, {x, yy, tab_w, tab_h}, ctx.section_colour(sec.id));
        const std::string n = std::to_string(sec.number);
        add_text(page, ts, n, "tab", {x + (tab_w - ts.width(n, tab)) / 2, yy + tab_h / 2 + tab.size.scaled(0.35)});
        const Length base = yy + tab_h / 2 + Length::from_mm(1.2);
        add_text(page, ts, sec.short_title, "toc-entry", {x + tab_w + Length::from_mm(3), base});
        auto it = ctx.map.section_first.find(sec.id);
        if (it != ctx.map.section_first.end()) {
            const std::string pg = "P." + std::to_string(it->second);
            add_text(page, ts, pg, "toc-entry", {x + col_w - ts.width(pg, ts.style("toc-entry")), base}, "grey");
        }
        add_line(page, {x, yy + row_h - Length::from_mm(1.5)}, {x + col_w, yy + row_h - Length::from_mm(1.5)},
                 Length::from_pt(0.5), "rule", true);
    }

    // The note stands at the 版面's foot.
    y = hm.bottom() - Length::from_mm(28);
    add_rect(page, {hm.x, y, hm.w, Length::from_mm(28)}, "paper-tint", Length::from_mm(1.5));
    add_para(page, ts,
             "掲載情報は取材時点のものです。営業時間や定休日、価格は変更になる場合があります。お出かけの前に"
             "各店へご確認ください。価格は特記のない限り税込です。",
             "body", {hm.x + Length::from_mm(5), y + Length::from_mm(5), hm.w - Length::from_mm(10), Length::from_mm(20)},
             {"", true, 0});
}

}  // namespace shokuhon::compose::pages
