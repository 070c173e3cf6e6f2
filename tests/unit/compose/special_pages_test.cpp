// compose/pages: the matrix, index, products, recommendations and spots builders on a small
// book made by hand, with the real layouts and fonts. Checks what a reader relies on: every
// shop named with its page reference, links to the right page, nothing outside the type area,
// and what does not fit reported.
#include <catch2/catch.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "compose/pages/builders.h"
#include "shape/font_set.h"
#include "style/load.h"

using namespace shokuhon;
using namespace shokuhon::compose;

namespace {

// Layout, fonts and a typesetter, loaded once for all test cases.
struct Env {
    Diagnostics diags;
    style::LayoutSet layout = style::load_layout_set(SHOKUHON_SOURCE_DIR "/layouts", diags);
    shape::FontSet fonts =
        shape::FontSet::open(shape::read_font_lock(SHOKUHON_SOURCE_DIR "/fonts/fonts.lock", diags), diags);
    Typesetter ts{fonts, layout};
};

const Env& env() {
    static const Env e;
    return e;
}

content::Shop shop(const std::string& id, const std::string& name, const std::string& reading,
                   const std::string& time = {}, const std::string& theme = {},
                   const std::string& area = "紅谷町") {
    content::Shop s;
    s.id = id;
    s.section = "timetheme";
    s.name = name;
    s.reading = reading;
    s.genre = "喫茶";
    s.area = area;
    s.time = time;
    s.theme = theme;
    return s;
}

content::PlanPage plan_page(int folio, const std::string& tmpl, const std::string& section = {}) {
    content::PlanPage p;
    p.folio = folio;
    p.tmpl = tmpl;
    p.section = section;
    p.loc = {"plan.xml", folio, 3};
    return p;
}

// Pages: 1 matrix, 2–3 shop cards, 4–5 index, 6 area index, 7 products, 8 recommendations,
// 9 spots.
content::Book small_book() {
    content::Book b;
    b.meta.title = "テスト食本";
    content::PlanSection sec;
    sec.id = "timetheme";
    sec.title = "時間帯×テーマ";
    sec.short_title = "時間帯";
    sec.colour = "timetheme";
    sec.lead = "朝から夜まで、時間とテーマで選べる店。";
    sec.number = 6;
    b.plan.sections.push_back(sec);
    b.plan.pages = {plan_page(1, "matrix", "timetheme"), plan_page(2, "card4", "timetheme"),
                    plan_page(3, "card4", "timetheme"),  plan_page(4, "index"),
                    plan_page(5, "index"),               plan_page(6, "index-area"),
                    plan_page(7, "product4", "timetheme"), plan_page(8, "reco4", "timetheme"),
                    plan_page(9, "spot4", "timetheme")};
    b.shops = {shop("s1", "喫茶 あさ", "きっさあさ", "morning", "仲間と"),
               shop("s2", "定食 ひる", "ていしょくひる", "lunch", "ひとりで"),
               shop("s3", "カフェ 午後", "かふぇごご", "cafe", "デートで", "須賀"),
               shop("s4", "酒場 よる", "さかばよる", "dinner", "家族で", "須賀"),
               shop("s5", "屋台 深夜", "やたいしんや", "late", "ペットと"),
               shop("s6", "バー 夜更け", "ばーよふけ", "late", "ひとりで")};
    return b;
}

pages::PageMap page_map(const content::Book& b) {
    pages::PageMap m;
    for (std::size_t i = 0; i < b.plan.pages.size(); ++i) {
        m.page_index_of_folio[b.plan.pages[i].folio] = static_cast<int>(i) + 1;
    }
    for (std::size_t i = 0; i < b.shops.size(); ++i) {
        m.entry_folio[b.shops[i].id] = i < 4 ? 2 : 3;
    }
    return m;
}

struct Built {
    Page page;
    Diagnostics diags;
};

Built build(pages::Builder builder, const content::Book& b, const pages::PageMap& m,
            std::size_t plan_index, const std::vector<std::string>& entries = {}) {
    Built out;
    const auto& plan = b.plan.pages[plan_index];
    out.page.folio = plan.folio;
    const pages::PageContext ctx{b, env().layout, env().ts, m, out.diags, {}, nullptr};
    builder(ctx, plan, entries, out.page);
    return out;
}

std::vector<const GlyphRun*> runs(const Page& p) {
    std::vector<const GlyphRun*> out;
    for (const auto& it : p.items) {
        if (const auto* g = std::get_if<GlyphRun>(&it)) out.push_back(g);
    }
    return out;
}

std::string text_of(const Page& p) {
    std::string s;
    for (const auto* g : runs(p)) s += g->utf8 + "\n";
    return s;
}

const GlyphRun* find_run(const Page& p, const std::string& utf8) {
    for (const auto* g : runs(p)) {
        if (g->utf8 == utf8) return g;
    }
    return nullptr;
}

std::vector<int> link_targets(const Page& p) {
    std::vector<int> out;
    for (const auto& it : p.items) {
        if (const auto* l = std::get_if<LinkItem>(&it)) out.push_back(l->target_page);
    }
    return out;
}

// Reading order of the index: columns left to right, top to bottom within a column.
bool reads_before(const GlyphRun& a, const GlyphRun& b) {
    const Length col = Length::from_mm(10);
    if (a.origin.x + col < b.origin.x) return true;
    if (b.origin.x + col < a.origin.x) return false;
    return a.origin.y < b.origin.y;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// Every rectangle, image and text origin inside the page's type area.
void check_inside(const Page& p, const Rect& hm) {
    const Length eps = Length::from_pt(0.5);
    auto inside = [&](Rect r) {
        return r.x >= hm.x - eps && r.y >= hm.y - eps && r.right() <= hm.right() + eps &&
               r.bottom() <= hm.bottom() + eps;
    };
    for (const auto& it : p.items) {
        if (const auto* r = std::get_if<RectItem>(&it)) CHECK(inside(r->rect));
        if (const auto* im = std::get_if<ImageItem>(&it)) CHECK(inside(im->frame));
        if (const auto* g = std::get_if<GlyphRun>(&it)) {
            INFO(g->utf8);
            CHECK(inside({g->origin.x, g->origin.y, {}, {}}));
        }
    }
}

Rect hanmen_of(const content::Book& b, const pages::PageMap& m, int folio) {
    Diagnostics d;
    const pages::PageContext ctx{b, env().layout, env().ts, m, d, {}, nullptr};
    return ctx.hanmen(folio);
}

}  // namespace

TEST_CASE("the environment loads", "[compose][pages]") {
    INFO((env().diags.all().empty() ? "" : format(env().diags.all().front())));
    REQUIRE_FALSE(env().diags.has_errors());
}

TEST_CASE("the matrix names every shop of the section with its page reference and a link",
          "[compose][pages][matrix]") {
    const auto b = small_book();
    const auto m = page_map(b);
    const auto r = build(pages::build_matrix, b, m, 0);
    const std::string text = text_of(r.page);
    CHECK(contains(text, "時間帯×テーマで選ぶ"));
    for (const auto& s : b.shops) {
        INFO(s.name);
        CHECK(contains(text, s.name));
    }
    CHECK(contains(text, "→P.2"));
    CHECK(contains(text, "→P.3"));
    const auto links = link_targets(r.page);
    CHECK(std::count(links.begin(), links.end(), 2) == 4);  // shops on folio 2 = page index 2
    CHECK(std::count(links.begin(), links.end(), 3) == 2);
    check_inside(r.page, hanmen_of(b, m, 1));
    CHECK(r.diags.all().empty());
}

TEST_CASE("the matrix orders times by the day and themes by the editors' order",
          "[compose][pages][matrix]") {
    const auto b = small_book();
    const auto r = build(pages::build_matrix, b, page_map(b), 0);
    auto x_of = [&](const std::string& s) {
        const GlyphRun* g = find_run(r.page, s);
        REQUIRE(g);
        return g->origin.x;
    };
    auto y_of = [&](const std::string& s) {
        const GlyphRun* g = find_run(r.page, s);
        REQUIRE(g);
        return g->origin.y;
    };
    // Preferred themes first in their order; a theme the editors did not foresee comes last.
    CHECK(x_of("ひとりで") < x_of("家族で"));
    CHECK(x_of("家族で") < x_of("デートで"));
    CHECK(x_of("デートで") < x_of("仲間と"));
    CHECK(x_of("仲間と") < x_of("ペットと"));
    CHECK(y_of("朝") < y_of("ランチ"));
    CHECK(y_of("ランチ") < y_of("カフェタイム"));
    CHECK(y_of("カフェタイム") < y_of("ディナー"));
    CHECK(y_of("ディナー") < y_of("深夜"));
    // A shop sits in its time's row and its theme's column.
    CHECK(y_of("屋台 深夜") > y_of("ディナー"));
    CHECK(x_of("屋台 深夜") > x_of("仲間と"));
}

TEST_CASE("the index lists every shop under its 50音 row with its page number",
          "[compose][pages][index]") {
    const auto b = small_book();
    const auto m = page_map(b);
    const auto first = build(pages::build_index, b, m, 3);
    const std::string text = text_of(first.page);
    CHECK(contains(text, "さくいん"));
    for (const auto* row : {"か\n", "さ\n", "た\n", "は\n", "や\n"}) CHECK(contains(text, row));
    CHECK_FALSE(contains(text, "あ\n"));  // no shop reads with あ
    for (const auto& s : b.shops) CHECK(find_run(first.page, s.name));
    CHECK(find_run(first.page, "2"));
    CHECK(find_run(first.page, "3"));
    // In reading order: かふぇ < きっさ < さかば < ていしょく < ばー < やたい.
    const std::vector<std::string> order = {"カフェ 午後", "喫茶 あさ", "酒場 よる",
                                            "定食 ひる", "バー 夜更け", "屋台 深夜"};
    for (std::size_t i = 0; i + 1 < order.size(); ++i) {
        INFO(order[i] << " before " << order[i + 1]);
        CHECK(reads_before(*find_run(first.page, order[i]), *find_run(first.page, order[i + 1])));
    }
    const auto links = link_targets(first.page);
    CHECK(std::count(links.begin(), links.end(), 2) >= 4);
    check_inside(first.page, hanmen_of(b, m, 4));
    // The second index page has nothing left to show, and says so.
    const auto second = build(pages::build_index, b, m, 4);
    CHECK(runs(second.page).empty());
    REQUIRE(second.diags.all().size() == 1);
    CHECK(second.diags.all()[0].code == "N-COMPOSE-025");
}

TEST_CASE("one shop on two pages is one index entry with both numbers",
          "[compose][pages][index]") {
    auto b = small_book();
    b.shops.push_back(shop("s7", "喫茶 あさ", "きっさあさ", "", "", "紅谷町"));
    auto m = page_map(b);
    m.entry_folio["s7"] = 3;
    const auto r = build(pages::build_index, b, m, 3);
    const auto all = runs(r.page);
    const auto names = std::count_if(all.begin(), all.end(),
                                     [](const GlyphRun* g) { return g->utf8 == "喫茶 あさ"; });
    CHECK(names == 1);
    CHECK(find_run(r.page, "2, "));
    CHECK(find_run(r.page, "3"));
}

TEST_CASE("a long index flows over its pages, each page drawing its own slice",
          "[compose][pages][index]") {
    auto b = small_book();
    b.shops.clear();
    pages::PageMap m = page_map(b);
    for (int i = 0; i < 300; ++i) {
        const std::string id = "x" + std::to_string(i);
        b.shops.push_back(shop(id, "店" + std::to_string(1000 + i), "みせ" + std::to_string(1000 + i)));
        m.entry_folio[id] = 2;
    }
    const auto p1 = build(pages::build_index, b, m, 3);
    const auto p2 = build(pages::build_index, b, m, 4);
    int on1 = 0, on2 = 0;
    for (const auto& s : b.shops) {
        const bool a = find_run(p1.page, s.name) != nullptr, c = find_run(p2.page, s.name) != nullptr;
        CHECK(a != c);  // on exactly one of the two pages
        on1 += a ? 1 : 0;
        on2 += c ? 1 : 0;
    }
    CHECK(on1 > 150);  // the first page is filled before the second starts
    CHECK(on2 > 0);
    CHECK(p1.diags.all().empty());
    CHECK(p2.diags.all().empty());
    CHECK_FALSE(contains(text_of(p2.page), "さくいん"));  // the title is on the first page only
    check_inside(p1.page, hanmen_of(b, m, 4));
    check_inside(p2.page, hanmen_of(b, m, 5));
}

TEST_CASE("index entries that do not fit are reported on the last index page",
          "[compose][pages][index]") {
    auto b = small_book();
    b.shops.clear();
    pages::PageMap m = page_map(b);
    for (int i = 0; i < 1000; ++i) {
        const std::string id = "x" + std::to_string(i);
        b.shops.push_back(shop(id, "店" + std::to_string(1000 + i), "みせ" + std::to_string(1000 + i)));
        m.entry_folio[id] = 2;
    }
    const auto p1 = build(pages::build_index, b, m, 3);
    CHECK(p1.diags.all().empty());  // only the last page reports, once
    const auto p2 = build(pages::build_index, b, m, 4);
    REQUIRE(p2.diags.all().size() == 1);
    const auto& d = p2.diags.all()[0];
    CHECK(d.code == "W-COMPOSE-020");
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.loc.line == 5);
    CHECK(contains(d.message, "not fit"));
}

TEST_CASE("the area index groups shops under their area", "[compose][pages][index]") {
    const auto b = small_book();
    const auto m = page_map(b);
    const auto r = build(pages::build_index_area, b, m, 5);
    CHECK(find_run(r.page, "エリア別さくいん"));
    const GlyphRun* suga = find_run(r.page, "須賀");
    const GlyphRun* beniya = find_run(r.page, "紅谷町");
    REQUIRE(suga);
    REQUIRE(beniya);
    for (const auto& s : b.shops) {
        const GlyphRun* g = find_run(r.page, s.name + "（喫茶）");
        INFO(s.name);
        REQUIRE(g);
        // Entries follow their own area's heading, before the next area's.
        const GlyphRun* head = s.area == "須賀" ? suga : beniya;
        const GlyphRun* other = s.area == "須賀" ? beniya : suga;
        CHECK(reads_before(*head, *g));
        if (reads_before(*head, *other)) CHECK(reads_before(*g, *other));
    }
    check_inside(r.page, hanmen_of(b, m, 6));
}

TEST_CASE("a recommendation links its shop line to the shop's page", "[compose][pages]") {
    auto b = small_book();
    content::Recommendation rec;
    rec.id = "rec-1";
    rec.shop_id = "s5";
    rec.person = "早瀬 蒼真";
    rec.reading = "はやせ そうま";
    rec.role = "FW";
    rec.number = 9;
    rec.comment = "練習が早く終わった日は、だいたいここでお昼を食べてます。";
    b.recommendations.push_back(rec);
    const auto m = page_map(b);
    const auto r = build(pages::build_recommendations, b, m, 7, {"rec-1"});
    const std::string text = text_of(r.page);
    CHECK(contains(text, "早瀬 蒼真"));
    CHECK(contains(text, "9"));
    CHECK(contains(text, "屋台 深夜"));
    CHECK(contains(text, "→P.3"));
    CHECK(contains(text, "「"));
    CHECK(contains(text, "」"));
    CHECK(link_targets(r.page) == std::vector<int>{3});
    bool circle = false;
    for (const auto& it : r.page.items) circle = circle || std::holds_alternative<CircleItem>(it);
    CHECK(circle);  // the portrait is drawn, not an image
    check_inside(r.page, hanmen_of(b, m, 8));
}

TEST_CASE("products and spots set their fields inside the type area", "[compose][pages]") {
    auto b = small_book();
    content::Product p;
    p.id = "product-1";
    p.category = "果物";
    p.name = "湘南ゴールド";
    p.reading = "しょうなんごーるど";
    p.producer = "吉沢の山ノ辺柑橘園";
    p.season = "3月〜4月";
    p.price = "1袋400円〜";
    p.where = "JA直売所「みのり市場ひらつか」";
    p.description = "神奈川県オリジナルの柑橘。";
    b.products.push_back(p);
    content::Spot s;
    s.id = "spot-1";
    s.area = "万田";
    s.name = "湘南平";
    s.description = "平塚と大磯の境にある丘。";
    s.access = "JR平塚駅北口からバス約20分";
    b.spots.push_back(s);
    const auto m = page_map(b);
    const auto pr = build(pages::build_products, b, m, 6, {"product-1"});
    for (const auto* t : {"湘南ゴールド", "果物", "生産者", "旬", "価格", "購入・味わえる店",
                          "吉沢の山ノ辺柑橘園", "JA直売所「みのり市場ひらつか」"}) {
        INFO(t);
        CHECK(find_run(pr.page, t));
    }
    check_inside(pr.page, hanmen_of(b, m, 7));
    const auto sp = build(pages::build_spots, b, m, 8, {"spot-1"});
    for (const auto* t : {"湘南平", "#hiratsukagood", "万田", "アクセス", "JR平塚駅北口からバス約20分"}) {
        INFO(t);
        CHECK(find_run(sp.page, t));
    }
    check_inside(sp.page, hanmen_of(b, m, 9));
    CHECK(pr.diags.all().empty());
    CHECK(sp.diags.all().empty());
}
