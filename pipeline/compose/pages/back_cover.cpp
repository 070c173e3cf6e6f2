// 表4 (back cover): the 書籍JANコード (ISBN and the 192 + C-code + price row as EAN-13, K100
// on a white box at the lower outer corner), the price line and the publisher.
#include <array>

#include "compose/pages/builders.h"
#include "compose/pages/ean13.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {
namespace {

// One EAN-13 symbol: bars from the module pattern, digits under it. Returns its width.
Length draw_ean(Page& page, const Typesetter& ts, const std::string& digits, Point at, Length module, Length h) {
    const std::string bars = ean13_modules(digits);
    for (std::size_t i = 0; i < bars.size();) {
        if (bars[i] != '1') { ++i; continue; }
        std::size_t j = i;
        while (j < bars.size() && bars[j] == '1') ++j;
        const bool guard = i < 3 || (i >= 45 && i < 50) || i >= 92;
        const Length bh = guard ? h + Length::from_mm(1.5) : h;
        add_rect(page, {at.x + module * static_cast<std::int64_t>(i), at.y, module * static_cast<std::int64_t>(j - i), bh}, "black");
        i = j;
    }
    const auto& st = ts.style("caption");
    const Length y = at.y + h + Length::from_mm(3.2);
    add_text(page, ts, digits.substr(0, 1), "caption", {at.x - Length::from_mm(2.6), y});
    add_text(page, ts, digits.substr(1, 6), "caption", {at.x + module * 6, y});
    add_text(page, ts, digits.substr(7, 6), "caption", {at.x + module * 52, y});
    (void)st;
    return module * static_cast<std::int64_t>(bars.size());
}

}  // namespace

void build_back_cover(const PageContext& ctx, const content::PlanPage& plan,
                      const std::vector<std::string>&, Page& page) {
    const auto& g = ctx.geo();
    const auto& m = ctx.book.meta;
    const auto& ts = ctx.ts;
    add_rect(page, {-g.bleed, -g.bleed, g.trim_w + g.bleed * 2, g.trim_h + g.bleed * 2}, "accent");
    const Rect hm = ctx.hanmen(plan.folio);
    add_text(page, ts, m.title, "cover-title", {hm.x, hm.y + Length::from_mm(40)});
    add_para(page, ts, m.subtitle, "cover-line", {hm.x, hm.y + Length::from_mm(52), hm.w, Length::from_mm(30)}, {"", true, 0});

    // 書籍JANコード: standard module 0.33 mm, quiet zones kept inside the white box.
    const Length module = Length::from_mm(0.33), bar_h = Length::from_mm(11);
    const std::string isbn = digits_of(m.isbn);
    const std::string jan2 = book_price_code(m.c_code, m.price);
    const Length box_w = Length::from_mm(52), box_h = Length::from_mm(58);
    const Rect box{g.trim_w - Length::from_mm(12) - box_w, g.trim_h - Length::from_mm(14) - box_h, box_w, box_h};
    add_rect(page, box, "white");
    const Length bx = box.x + Length::from_mm(6.5);
    Length y = box.y + Length::from_mm(5);
    const std::string isbn_line = "ISBN" + m.isbn;
    const std::string price_line = "C" + m.c_code + " ¥" + std::to_string(m.price) + "E";
    add_text(page, ts, isbn_line, "caption", {bx, y + Length::from_mm(2.5)});
    add_text(page, ts, price_line, "caption", {bx, y + Length::from_mm(6.5)});
    y += Length::from_mm(9);
    if (isbn.size() == 13) draw_ean(page, ts, isbn, {bx, y}, module, bar_h);
    y += bar_h + Length::from_mm(7);
    if (jan2.size() == 13) draw_ean(page, ts, jan2, {bx, y}, module, bar_h);

    const std::string price = "定価" + yen(m.price + m.price / 10) + "（本体" + yen(m.price) + "＋税10%）";
    add_text(page, ts, price, "cover-sub", {hm.x, g.trim_h - Length::from_mm(30)});
    add_text(page, ts, m.publisher, "cover-sub", {hm.x, g.trim_h - Length::from_mm(22)});
}

}  // namespace shokuhon::compose::pages
