// Pagination against a small page plan: tests/data/mini (16 pages, 10 shops in one section).
#include <catch2/catch.hpp>
#include <filesystem>

#include "compose/paginate.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

struct Fixture {
    Diagnostics diags;
    content::Loaded loaded = content::load_book(fs::path(SHOKUHON_TEST_DATA) / "mini", diags);
    style::LayoutSet layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", diags);
    shape::FontSet fonts = shape::FontSet::open(
        shape::read_font_lock(fs::path(SHOKUHON_SOURCE_DIR) / "fonts/fonts.lock", diags), diags);

    compose::Document run(compose::FillReport& report) {
        compose::PaginateOptions opts;
        opts.content_dir = fs::path(SHOKUHON_TEST_DATA) / "mini";
        return compose::paginate(loaded.book, layout, fonts, opts, diags, &report);
    }
};

// All text set on a page, in item order.
std::string page_text(const compose::Page& p) {
    std::string s;
    for (const auto& item : p.items) {
        if (const auto* run = std::get_if<compose::GlyphRun>(&item)) s += run->utf8;
    }
    return s;
}

int count_warnings(const Diagnostics& d, const std::string& code) {
    int n = 0;
    for (const auto& x : d.all()) n += x.code == code ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("the plan's pages are filled in order and reported", "[compose][paginate]") {
    Fixture f;
    REQUIRE_FALSE(f.diags.has_errors());
    compose::FillReport report;
    const auto doc = f.run(report);
    REQUIRE(doc.pages.size() == 16);
    CHECK(doc.pages[0].label == "1");
    REQUIRE(report.sections.size() == 1);
    const auto& s = report.sections[0];
    CHECK(s.pages_planned == 4);
    CHECK(s.entries == 10);
    CHECK(s.entries_placed == 10);
    CHECK(s.pages_used == 3);  // 4 + 4 on the card4 pages, 2 on the first card2 page, one left empty
    CHECK(s.not_placed.empty());
    // card4 pages take four shops each, in file order.
    const std::string p2 = page_text(doc.pages[1]);
    CHECK(p2.find("テスト食堂あさひ") != std::string::npos);
    CHECK(p2.find("はなみずき") != std::string::npos);  // the fourth shop
    CHECK(p2.find("こまち") == std::string::npos);      // the fifth goes to the next page
    CHECK(page_text(doc.pages[2]).find("ゆうなぎ") != std::string::npos);
    CHECK(page_text(doc.pages[3]).find("ひばり") != std::string::npos);
    // The folio and running head are on content pages.
    CHECK(p2.find("平塚食本") != std::string::npos);
}

TEST_CASE("entries without a page are reported by id, never dropped silently", "[compose][paginate]") {
    Fixture f;
    // Turn the two card2 pages into contents pages: 8 slots for 10 shops.
    f.loaded.book.plan.pages[3].tmpl = "contents";
    f.loaded.book.plan.pages[4].tmpl = "contents";
    compose::FillReport report;
    f.run(report);
    const auto& s = report.sections[0];
    CHECK(s.entries_placed == 8);
    CHECK(s.not_placed == std::vector<std::string>{"main-009", "main-010"});
    CHECK(count_warnings(f.diags, "W-PLAN-010") == 2);
}

TEST_CASE("cards per page come from the layout", "[compose][paginate]") {
    Fixture f;
    f.layout.templates.at("card4").params["rows"] = "3";  // 6 per page
    compose::FillReport report;
    const auto doc = f.run(report);
    CHECK(report.sections[0].entries_placed == 10);
    CHECK(page_text(doc.pages[1]).find("ゆうなぎ") != std::string::npos);  // shop 6 on page 2
}

TEST_CASE("fixed placements are honoured and skipped by the fill", "[compose][paginate]") {
    Fixture f;
    f.loaded.book.plan.pages[1].entries = {"main-010"};
    compose::FillReport report;
    const auto doc = f.run(report);
    const std::string p2 = page_text(doc.pages[1]);
    CHECK(p2.find("ひばり") != std::string::npos);
    CHECK(p2.find("テスト食堂あさひ") == std::string::npos);
    CHECK(page_text(doc.pages[2]).find("テスト食堂あさひ") != std::string::npos);
    // A page with fixed entries holds exactly those: one slot fewer, so the last shop has no page.
    CHECK(report.sections[0].entries_placed == 9);
    CHECK(report.sections[0].not_placed == std::vector<std::string>{"main-009"});
}

TEST_CASE("an unknown template is an error with a suggestion", "[compose][paginate]") {
    Fixture f;
    f.loaded.book.plan.pages[1].tmpl = "crad4";
    compose::FillReport report;
    f.run(report);
    REQUIRE(f.diags.has_errors());
    bool found = false;
    for (const auto& d : f.diags.all()) {
        if (d.code == "E-PLAN-004") {
            found = true;
            REQUIRE_FALSE(d.hints.empty());
            CHECK(d.hints[0].find("\"card4\"") != std::string::npos);
        }
    }
    CHECK(found);
}

TEST_CASE("the document has the book's geometry and an outline", "[compose][paginate]") {
    Fixture f;
    compose::FillReport report;
    const auto doc = f.run(report);
    CHECK(doc.trim.w == Length::from_mm(210));
    CHECK(doc.bleed == Length::from_mm(3));
    REQUIRE_FALSE(doc.outline.empty());
    CHECK(doc.outline[0].page == 1);
}

TEST_CASE("an advertisement slot takes the artwork at the slot's exact size, or a marked placeholder",
          "[compose][paginate][ads]") {
    Fixture f;
    auto& pg = f.loaded.book.plan.pages[5];  // a contents page in the mini plan, made an ad page
    pg.tmpl = "ad";
    pg.ad_advertiser = "テスト商店";
    pg.ad_src = "ads/test-ad.jpg";
    test::TempDir dir;
    fs::create_directories(dir.path() / "ads");
    test::write_file(dir.path() / "ads/test-ad.jpg", "artwork");

    compose::FillReport report;
    compose::PaginateOptions opts;
    opts.content_dir = dir.path();
    auto doc = compose::paginate(f.loaded.book, f.layout, f.fonts, opts, f.diags, &report);
    const compose::ImageItem* art = nullptr;
    for (const auto& item : doc.pages[5].items) {
        if (const auto* img = std::get_if<compose::ImageItem>(&item)) art = img;
    }
    REQUIRE(art != nullptr);
    CHECK_FALSE(art->path.empty());
    CHECK(art->frame.x == -Length::from_mm(3));
    CHECK(art->frame.w == Length::from_mm(216));
    CHECK(art->frame.h == Length::from_mm(303));
    CHECK(count_warnings(f.diags, "W-PLAN-021") == 0);

    fs::remove(dir.path() / "ads/test-ad.jpg");
    doc = compose::paginate(f.loaded.book, f.layout, f.fonts, opts, f.diags, &report);
    CHECK(count_warnings(f.diags, "W-PLAN-021") == 1);
    CHECK(page_text(doc.pages[5]).find("広告入稿待ち") != std::string::npos);
}

namespace {

// Everything a page holds, as text: two documents with the same fingerprint draw the same.
std::string fingerprint(const compose::Document& doc) {
    std::string s;
    const auto len = [&](Length l) { s += std::to_string(l.sp) + ' '; };
    const auto pt = [&](Point p) { len(p.x), len(p.y); };
    const auto rect = [&](Rect r) { len(r.x), len(r.y), len(r.w), len(r.h); };
    for (const auto& page : doc.pages) {
        s += "page " + page.label + ' ' + page.section + ' ' + page.tmpl + '\n';
        for (const auto& item : page.items) {
            s += std::to_string(item.index()) + ' ';
            if (const auto* r = std::get_if<compose::GlyphRun>(&item)) {
                s += r->font + ' ' + r->colour + ' ' + r->utf8 + ' ';
                len(r->size), pt(r->origin);
                for (const auto& g : r->glyphs) s += std::to_string(g.gid) + ' ', len(g.x), len(g.y);
            } else if (const auto* b = std::get_if<compose::RectItem>(&item)) {
                rect(b->rect), s += b->fill + ' ' + b->stroke + ' ';
            } else if (const auto* l = std::get_if<compose::LineItem>(&item)) {
                pt(l->a), pt(l->b), s += l->colour + ' ';
            } else if (const auto* c = std::get_if<compose::CircleItem>(&item)) {
                pt(c->centre), len(c->radius);
            } else if (const auto* im = std::get_if<compose::ImageItem>(&item)) {
                rect(im->frame), s += im->path + ' ';
            } else if (const auto* k = std::get_if<compose::LinkItem>(&item)) {
                rect(k->rect), s += std::to_string(k->target_page);
            }
            s += '\n';
        }
    }
    return s;
}

std::string fill_text(const compose::FillReport& r) {
    std::string s;
    for (const auto& f : r.sections) {
        s += f.id + ' ' + std::to_string(f.pages_used) + ' ' + std::to_string(f.entries_placed) + ' ' +
             std::to_string(f.white_space_cm2) + ':';
        for (const auto& id : f.shortened) s += " s:" + id;
        for (const auto& id : f.overflowing) s += " o:" + id;
        for (const auto& id : f.not_placed) s += " n:" + id;
        s += '\n';
    }
    return s;
}

}  // namespace

TEST_CASE("pages built on several threads are the same as on one, diagnostics in the same order",
          "[compose][paginate]") {
    const fs::path content = fs::path(SHOKUHON_SOURCE_DIR) / "content";
    Diagnostics load;
    const auto loaded = content::load_book(content, load);
    const auto layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", load);
    const auto fonts = shape::FontSet::open(
        shape::read_font_lock(fs::path(SHOKUHON_SOURCE_DIR) / "fonts/fonts.lock", load), load);
    REQUIRE_FALSE(load.has_errors());
    std::vector<std::string> prints, diag_texts, fills;
    for (const int threads : {1, 2, 3}) {
        compose::PaginateOptions opts;
        opts.content_dir = content;
        opts.threads = threads;
        Diagnostics diags;
        compose::FillReport report;
        const auto doc = compose::paginate(loaded.book, layout, fonts, opts, diags, &report);
        REQUIRE(doc.pages.size() == 80);
        prints.push_back(fingerprint(doc));
        std::string d;
        for (const auto& x : diags.all()) d += format(x) + '\n';
        diag_texts.push_back(d);
        fills.push_back(fill_text(report));
    }
    // The sample book has notes (shortened descriptions) and a fill with white space: the
    // comparison below compares something.
    CHECK_FALSE(diag_texts[0].empty());
    CHECK(fills[0].find(" s:") != std::string::npos);
    CHECK(prints[0].size() > 100000);
    for (std::size_t i = 1; i < prints.size(); ++i) {
        CHECK(prints[i] == prints[0]);
        CHECK(diag_texts[i] == diag_texts[0]);
        CHECK(fills[i] == fills[0]);
    }
}
