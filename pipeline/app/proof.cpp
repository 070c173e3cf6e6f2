#include "app/proof.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "compose/text.h"

namespace shokuhon::app {
namespace {

using compose::Page;
using compose::Typesetter;

Length mm(double v) { return Length::from_mm(v); }

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The template's grid over the 版面 (as compose/pages/cards.cpp lays cards out), and the cell
// holding `at`. Left and right pages mirror: the binding side (inner) is left on odd pages.
Rect grid_cell(const style::Geometry& g, const style::Template& t, int folio, Point at) {
    const Length left = folio % 2 == 1 ? g.inner : g.outer;
    const Rect hm{left, g.top, g.trim_w - g.inner - g.outer, g.trim_h - g.top - g.bottom};
    const int cols = std::max(1, t.get_int("columns", 1)), rows = std::max(1, t.get_int("rows", 1));
    const Length gap = g.gutter * 2;
    const Length cw = (hm.w - gap * (cols - 1)) / cols, ch = (hm.h - gap * (rows - 1)) / rows;
    const auto index = [](Length offset, Length step, int n) {
        const auto i = step.sp > 0 ? offset.sp / step.sp : 0;
        return static_cast<int>(std::clamp<std::int64_t>(i, 0, n - 1));
    };
    const int c = index(at.x - hm.x, cw + gap, cols), r = index(at.y - hm.y, ch + gap, rows);
    return {hm.x + (cw + gap) * c, hm.y + (ch + gap) * r, cw, ch};
}

// Where on the page the shop's card starts: its photo's corner, else its name's baseline.
std::optional<Point> card_mark(const Page& page, const content::Shop& shop) {
    const std::string photo = shop.photo.empty() ? std::string() : "/" + shop.photo;
    std::optional<Point> by_name;
    for (const auto& item : page.items) {
        if (const auto* img = std::get_if<compose::ImageItem>(&item)) {
            if (!photo.empty() && ends_with(img->path, photo)) return Point{img->frame.x, img->frame.y};
        } else if (const auto* run = std::get_if<compose::GlyphRun>(&item)) {
            if (!by_name && run->utf8 == shop.name) by_name = run->origin;
        }
    }
    return by_name;
}

void put_line(Page& p, const Typesetter& ts, const std::string& text, const std::string& style, Point baseline,
              const std::string& colour = {}) {
    p.items.emplace_back(ts.line(text, ts.style(style), baseline, colour));
}

// A paragraph set in `box`; returns its height.
Length put_para(Page& p, const Typesetter& ts, const std::string& text, const std::string& style, Rect box) {
    compose::TextOptions o;
    o.no_indent = true;
    compose::TextBlock b = ts.paragraph(text, ts.style(style), box.w, o);
    for (auto& run : b.runs) {
        run.origin.x += box.x;
        run.origin.y += box.y;
        p.items.emplace_back(std::move(run));
    }
    return b.height;
}

void frame(Page& p, Rect r, const std::string& colour, double width_pt) {
    p.items.emplace_back(compose::RectItem{r, "", colour, Length::from_pt(width_pt), {}});
}

}  // namespace

std::optional<CardPlace> find_card(const Composed& c, const content::Shop& shop) {
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i) {
        const Page& page = c.doc.pages[i];
        const style::Template* t = c.layout.find_template(page.tmpl);
        if (!t || t->kind != "shop-cards" || page.section != shop.section) continue;
        if (const auto at = card_mark(page, shop)) return CardPlace{i, grid_cell(c.layout.geometry, *t, page.folio, *at)};
    }
    return std::nullopt;
}

std::map<std::string, CardPlace> find_all_cards(const Composed& c) {
    std::map<std::string, CardPlace> out;
    for (const auto& s : c.book.shops) {
        if (auto p = find_card(c, s)) out.emplace(s.id, *p);
    }
    return out;
}

std::string japanese_date(const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return {};
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return {};
    static const char* const kDays[] = {"日", "月", "火", "水", "木", "金", "土"};
    const std::chrono::weekday wd{std::chrono::sys_days{ymd}};
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日（" + kDays[wd.c_encoding()] + "）";
}

void stamp_proof_marks(compose::Document& doc, const style::LayoutSet& layout, const shape::FontSet& fonts,
                       const std::string& round, const std::string& time) {
    const Typesetter ts(fonts, layout);
    const auto& st = ts.style("caption");
    const std::string text = "校正　" + round + "　" + time;
    const Length pad = mm(1.2);
    const Length w = ts.width(text, st) + pad * 2, h = st.size + pad * 2;
    const auto& g = layout.geometry;
    for (auto& page : doc.pages) {
        // The outer side of the top margin: away from the binding, clear of the 版面.
        const Length x = page.folio % 2 == 1 ? g.trim_w - g.outer - w : g.outer;
        const Rect box{x, mm(4), w, h};
        page.items.emplace_back(compose::RectItem{box, "white", "accent", Length::from_pt(0.8), mm(0.8)});
        put_line(page, ts, text, "caption", {x + pad, box.y + pad + st.size.scaled(0.88)}, "accent");
    }
}

}  // namespace shokuhon::app

namespace shokuhon::app {
namespace {

// Heading: what the sheet is, the shop, where it prints; returns the y below the rule.
Length sheet_heading(Page& p, const Typesetter& ts, const Composed& c, const content::Shop& shop,
                     const compose::Page& page, Length width) {
    const Length x = mm(15);
    put_line(p, ts, "掲載内容確認用（校正紙）", "headline", {x, mm(20)}, "accent");
    const std::string book = c.book.meta.title + "　" + c.book.meta.edition;
    const Length bw = ts.width(book, ts.style("caption"));
    put_line(p, ts, book, "caption", {x + width - bw, mm(20)}, "grey");
    put_line(p, ts, shop.name, "shop-name", {x, mm(31)});
    const std::string where = "掲載予定ページ　P." + page.label + "　（" + shop.id + "）";
    const Length ww = ts.width(where, ts.style("caption"));
    put_line(p, ts, where, "caption", {x + width - ww, mm(31)});
    p.items.emplace_back(compose::LineItem{{x, mm(35)}, {x + width, mm(35)}, Length::from_pt(0.5), "rule", false});
    return mm(40);
}

std::string note_text(const Composed& c, const content::Shop& shop, const ShopProofNote& note) {
    return "いつもお世話になっております。『" + c.book.meta.title + "』" + c.book.meta.edition + "に掲載する「" +
           shop.name + "」さまの記事ができあがりましたので、掲載される形のままお送りします。店名とよみがな、住所、"
           "電話番号、営業時間、定休日、席数、予算、おすすめ料理と価格、交通、カード・喫煙・駐車場の表記に誤りがないか、"
           "ご確認ください。修正がある場合はこの用紙に赤字でご記入のうえ、" +
           note.reply_by + "までにご返送ください。期日までにご連絡がない場合は、この内容で掲載いたします。";
}

// The note to the shop, boxed, at the foot of the sheet.
void sheet_note(Page& p, const Typesetter& ts, const Composed& c, const content::Shop& shop, const ShopProofNote& note,
                Rect box) {
    p.items.emplace_back(compose::RectItem{box, "info-tint", "", {}, mm(1)});
    const Length pad = mm(5);
    Length y = box.y + pad;
    put_line(p, ts, shop.name + "　ご担当者さま", "headline", {box.x + pad, y + mm(4)});
    y += mm(8);
    y += put_para(p, ts, note_text(c, shop, note), "colophon", {box.x + pad, y, box.w - pad * 2, box.h});
    y += mm(2);
    put_line(p, ts, "□店名・よみ　□住所　□電話　□営業時間　□定休日　□予算　□おすすめ・価格　□交通　□その他", "caption",
             {box.x + pad, y + mm(3)});
    const std::string from = c.book.meta.publisher + "　" + c.book.meta.editor;
    const Length fw = ts.width(from, ts.style("caption"));
    put_line(p, ts, from, "caption", {box.right() - pad - fw, box.bottom() - pad});
}

}  // namespace

render::Sheet shop_proof_sheet(const Composed& c, const content::Shop& shop, const CardPlace& where,
                               const ShopProofNote& note) {
    render::Sheet sheet;
    sheet.size = {mm(210), mm(297)};
    const Typesetter ts(c.fonts, c.layout);
    Page& p = sheet.overlay;
    const Length width = mm(180);
    const compose::Page& page = c.doc.pages[where.page_index];
    const Length top = sheet_heading(p, ts, c, shop, page, width);
    const Size trim = c.doc.trim;

    // The whole page, reduced, the card marked on it.
    const Rect thumb{mm(15), top, mm(48), mm(48).scaled(trim.h.pt() / trim.w.pt())};
    sheet.insets.push_back({where.page_index, {{}, {}, trim.w, trim.h}, thumb});
    frame(p, thumb, "rule", 0.5);
    const double s = thumb.w.pt() / trim.w.pt();
    frame(p, {thumb.x + where.card.x.scaled(s), thumb.y + where.card.y.scaled(s), where.card.w.scaled(s), where.card.h.scaled(s)},
          "accent", 1.2);
    put_line(p, ts, "掲載ページ全体（P." + page.label + "）", "caption", {thumb.x, thumb.bottom() + mm(5)}, "grey");

    // The card at print size, reduced only when it does not fit beside the page.
    const Rect card = {where.card.x - mm(1), where.card.y - mm(1), where.card.w + mm(2), where.card.h + mm(2)};
    const Rect room{mm(70), top, mm(125), mm(177)};
    const double k = std::min({1.0, room.w.pt() / card.w.pt(), room.h.pt() / card.h.pt()});
    const Rect at{room.x, room.y, card.w.scaled(k), card.h.scaled(k)};
    sheet.insets.push_back({where.page_index, card, at});
    frame(p, at, "rule", 0.5);
    char scale[64];
    std::snprintf(scale, sizeof scale, k > 0.999 ? "実寸" : "%.0f%% に縮小", k * 100);
    put_line(p, ts, scale, "caption", {at.x, at.bottom() + mm(5)}, "grey");

    sheet_note(p, ts, c, shop, note, {mm(15), mm(226), width, mm(54)});
    put_line(p, ts, "作成 " + note.made, "small", {mm(15), mm(288)}, "grey");
    return sheet;
}

}  // namespace shokuhon::app
