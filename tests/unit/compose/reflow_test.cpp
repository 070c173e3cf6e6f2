// The book re-flows when the plan or the layout changes: page references, contents and the
// index follow the final pagination; designers change the book from layouts/ alone.
#include <catch2/catch.hpp>
#include <filesystem>

#include "compose/paginate.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;

struct Sample {
    Diagnostics diags;
    content::Loaded loaded = content::load_book(kSource / "content", diags);
    style::LayoutSet layout = style::load_layout_set(kSource / "layouts", diags);
    shape::FontSet fonts =
        shape::FontSet::open(shape::read_font_lock(kSource / "fonts/fonts.lock", diags), diags);

    compose::Document run() {
        compose::PaginateOptions opts;
        opts.content_dir = kSource / "content";
        return compose::paginate(loaded.book, layout, fonts, opts, diags, &report);
    }
    compose::FillReport report;
};

std::string text_of(const compose::Page& p) {
    std::string s;
    for (const auto& item : p.items) {
        if (const auto* r = std::get_if<compose::GlyphRun>(&item)) s += r->utf8 + "\n";
    }
    return s;
}

// The folio of the card page that sets `name` as a line of its own (the card's name line).
int card_folio(const compose::Document& doc, const std::string& name) {
    for (const auto& p : doc.pages) {
        if (p.tmpl.rfind("card", 0) != 0) continue;
        for (const auto& item : p.items) {
            const auto* r = std::get_if<compose::GlyphRun>(&item);
            if (r && r->utf8 == name) return p.folio;
        }
    }
    return 0;
}

int folio_of_template(const compose::Document& doc, const std::string& tmpl) {
    for (const auto& p : doc.pages) {
        if (p.tmpl == tmpl) return p.folio;
    }
    return 0;
}

// The recommendation for `shop_id` prints "→P.<folio of that shop's card>".
void check_recommendation_follows(const compose::Document& doc, const content::Book& book,
                                  const std::string& shop_id) {
    const auto* shop = book.find_shop(shop_id);
    REQUIRE(shop != nullptr);
    const int folio = card_folio(doc, shop->name);
    REQUIRE(folio > 0);
    std::string recos;
    for (const auto& p : doc.pages) {
        if (p.tmpl == "reco4") recos += text_of(p);
    }
    INFO(shop->name << " is on page " << folio);
    CHECK(recos.find("→P." + std::to_string(folio)) != std::string::npos);
}

}  // namespace

TEST_CASE("ten more shops in a section re-flow into its pages, index and references", "[compose][reflow]") {
    Sample s;
    REQUIRE_FALSE(s.diags.has_errors());
    auto& shops = s.loaded.book.shops;
    std::vector<content::Shop> extra;
    for (int i = 1; i <= 10; ++i) {
        content::Shop add = *s.loaded.book.find_shop("gourmet-001");
        add.id = "gourmet-extra-" + std::to_string(i);
        add.name = "追加の店" + std::to_string(i);
        add.reading = "ついかのみせ" + std::to_string(i);
        extra.push_back(add);
    }
    shops.insert(shops.end(), extra.begin(), extra.end());  // after the section's own shops
    // More cards per page in the section: its card2 and card4 pages become card6 pages.
    for (auto& pg : s.loaded.book.plan.pages) {
        if (pg.section == "gourmet" && (pg.tmpl == "card2" || pg.tmpl == "card4")) pg.tmpl = "card6";
    }
    const auto doc = s.run();
    CHECK(doc.pages.size() == 80);
    const auto& fill = s.report.sections[0];
    CHECK(fill.entries == 46);
    CHECK(fill.entries_placed == 46);
    CHECK(fill.not_placed.empty());
    const int folio = card_folio(doc, "追加の店7");
    CHECK(folio >= 6);
    const auto& index = doc.pages[static_cast<std::size_t>(folio_of_template(doc, "index") - 1)];
    CHECK(text_of(index).find("追加の店7") != std::string::npos);
    check_recommendation_follows(doc, s.loaded.book, "gourmet-024");
    check_recommendation_follows(doc, s.loaded.book, "fish-017");
}

TEST_CASE("moving a section moves its contents entry, outline and references", "[compose][reflow]") {
    Sample s;
    auto& pages = s.loaded.book.plan.pages;
    // Swap the fish section (pages 17–26) with the products section (27–33): 10 + 7 pages.
    std::vector<content::PlanPage> fish(pages.begin() + 16, pages.begin() + 26);
    std::vector<content::PlanPage> products(pages.begin() + 26, pages.begin() + 33);
    std::vector<content::PlanPage> moved = products;
    moved.insert(moved.end(), fish.begin(), fish.end());
    for (std::size_t i = 0; i < moved.size(); ++i) moved[i].folio = static_cast<int>(17 + i);
    std::copy(moved.begin(), moved.end(), pages.begin() + 16);
    const auto doc = s.run();
    REQUIRE_FALSE(s.diags.has_errors());
    CHECK(doc.pages[16].section == "products");
    CHECK(doc.pages[23].section == "fish");
    const std::string contents = text_of(doc.pages[2]);
    CHECK(contents.find("\n24\n") != std::string::npos);  // fish now opens on page 24
    bool outline = false;
    for (const auto& o : doc.outline) outline = outline || (o.title.find("魚のおいしい店") != std::string::npos && o.page == 24);
    CHECK(outline);
    check_recommendation_follows(doc, s.loaded.book, "fish-002");
}

TEST_CASE("a changed card variant re-flows the section and its references", "[compose][reflow]") {
    Sample s;
    for (auto& pg : s.loaded.book.plan.pages) {
        if (pg.folio == 18) pg.tmpl = "card4";  // two more slots at the head of the fish section
        if (pg.folio == 26) pg.tmpl = "card2";  // two fewer at its end
    }
    const auto doc = s.run();
    CHECK(s.report.sections[1].entries_placed == 28);
    check_recommendation_follows(doc, s.loaded.book, "fish-009");
    check_recommendation_follows(doc, s.loaded.book, "fish-017");
}

TEST_CASE("designers change the book from layouts alone", "[compose][layout]") {
    Sample base;
    const auto before = base.run();
    auto body_size = [](const compose::Document& d) {
        for (const auto& item : d.pages[9].items) {
            const auto* r = std::get_if<compose::GlyphRun>(&item);
            if (r && r->font == "mincho" && r->utf8.size() > 30) return r->size;
        }
        return Length{};
    };
    SECTION("body size") {
        Sample s;
        s.layout.styles.at("body").size = Length::from_q(13);
        CHECK(body_size(s.run()) == Length::from_q(13));
        CHECK(body_size(before) == Length::from_q(12));
    }
    SECTION("margins") {
        Sample s;
        s.layout.geometry.inner += Length::from_mm(5);
        const auto after = s.run();
        auto first_image_x = [](const compose::Page& p) {
            for (const auto& item : p.items) {
                if (const auto* i = std::get_if<compose::ImageItem>(&item)) return i->frame.x;
            }
            return Length{};
        };
        // Page 11 is a right-hand page: the inner margin is on its left.
        CHECK(first_image_x(after.pages[10]) == first_image_x(before.pages[10]) + Length::from_mm(5));
    }
    SECTION("cards per page") {
        Sample s;
        s.layout.templates.at("card4").params["columns"] = "1";
        s.run();
        CHECK(s.report.sections[0].entries_placed < 36);
        CHECK_FALSE(s.report.sections[0].not_placed.empty());
    }
}
