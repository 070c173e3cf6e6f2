// The sample shops go out as the fact-check sheet and come back in through import without loss:
// export → import → load gives the same Book data, in UTF-8 and in Shift_JIS (CP932).
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "app/shop_import.h"
#include "app/shop_sheet.h"
#include "content/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kContent = fs::path(SHOKUHON_SOURCE_DIR) / "content";

const content::Loaded& sample() {
    static const content::Loaded loaded = [] {
        Diagnostics d;
        return content::load_book(kContent, d);
    }();
    return loaded;
}

// A content folder with the sample's other files and the imported shop files.
fs::path content_with_shops(const test::TempDir& tmp, const app::ImportPlan& plan) {
    const fs::path dir = tmp.path() / "content";
    fs::create_directories(dir / "shops");
    for (const char* f : {"book.xml", "plan.xml", "products.xml", "recommendations.xml", "spots.xml"}) {
        fs::copy_file(kContent / f, dir / f);
    }
    for (const auto& f : plan.files) test::write_file(dir / "shops" / f.path.filename(), f.xml);
    return dir;
}

void require_same_shop(const content::Shop& a, const content::Shop& b) {
    INFO(a.id);
    CHECK(a.id == b.id);
    CHECK(a.section == b.section);
    CHECK(a.name == b.name);
    CHECK(a.reading == b.reading);
    CHECK(a.genre == b.genre);
    CHECK(a.area == b.area);
    CHECK(a.time == b.time);
    CHECK(a.theme == b.theme);
    CHECK(a.headline == b.headline);
    CHECK(a.description == b.description);
    CHECK(a.short_description == b.short_description);
    CHECK(a.dish == b.dish);
    CHECK(a.dish_price == b.dish_price);
    CHECK(a.info.address == b.info.address);
    CHECK(a.info.phone == b.info.phone);
    CHECK(a.info.hours == b.info.hours);
    CHECK(a.info.closed == b.info.closed);
    CHECK(a.info.access == b.info.access);
    CHECK(a.info.cards == b.info.cards);
    CHECK(a.info.smoking == b.info.smoking);
    CHECK(a.info.parking == b.info.parking);
    CHECK(a.info.seats == b.info.seats);
    CHECK(a.info.budget_lunch == b.info.budget_lunch);
    CHECK(a.info.budget_dinner == b.info.budget_dinner);
    CHECK(a.icons == b.icons);
    CHECK(a.photo == b.photo);
    CHECK(a.map_x == b.map_x);
    CHECK(a.map_y == b.map_y);
}

void round_trip(app::csv::Encoding enc) {
    const auto& before = sample();
    REQUIRE(before.book.shops.size() == 156);
    Diagnostics ed;
    const std::string sheet = app::export_shops_csv(before.book, {enc}, ed);
    CHECK_FALSE(ed.has_errors());
    test::TempDir tmp;
    app::ImportOptions opts;
    opts.out_dir = tmp.path() / "none-yet";
    Diagnostics id;
    const auto plan = app::plan_import(sheet, opts, id);
    INFO([&] { std::ostringstream s; print_all(id, s); return s.str(); }());
    REQUIRE_FALSE(id.has_errors());
    CHECK(plan.encoding == enc);
    CHECK(plan.rows == 156);
    CHECK(plan.files.size() == 5);
    Diagnostics ld;
    const auto after = content::load_book(content_with_shops(tmp, plan), ld);
    for (const auto& d : ld.all()) CHECK(d.severity != Severity::kError);
    REQUIRE(after.book.shops.size() == before.book.shops.size());
    for (std::size_t i = 0; i < before.book.shops.size(); ++i) require_same_shop(before.book.shops[i], after.book.shops[i]);
}

}  // namespace

TEST_CASE("the sample shops round-trip through a UTF-8 sheet without loss", "[import]") {
    round_trip(app::csv::Encoding::kUtf8);
}

TEST_CASE("the sample shops round-trip through a Shift_JIS (CP932) sheet without loss", "[import]") {
    round_trip(app::csv::Encoding::kCp932);
    // ラ・ヴァーグ's reading has ゔ, which CP932 lacks: written as a reference, with a warning.
    Diagnostics d;
    const std::string sheet = app::export_shops_csv(sample().book, {app::csv::Encoding::kCp932}, d);
    CHECK(sheet.find("&#x3094;") != std::string::npos);
    REQUIRE(d.warning_count() == 1);
    CHECK(d.all()[0].code == "W-EXPORT-001");
    CHECK(d.all()[0].message.find("reading") != std::string::npos);
}

TEST_CASE("the fact-check sheet never carries the private editorial fields", "[import]") {
    Diagnostics d;
    const std::string sheet = app::export_shops_csv(sample().book, {}, d);
    REQUIRE(sample().notes.by_shop.size() > 100);
    for (const auto& [id, note] : sample().notes.by_shop) {
        for (const std::string* f : {&note.contact, &note.mobile, &note.email, &note.factcheck, &note.remarks}) {
            if (f->size() < 4) continue;
            INFO(id << ": " << *f);
            CHECK(sheet.find(*f) == std::string::npos);
        }
    }
    CHECK(sheet.rfind("\xEF\xBB\xBF" "ID,セクション,店名,よみ,", 0) == 0);  // BOM, then the labels
}
