// shokuhon import: every problem with its row and column; nothing overwritten without --force;
// the private notes of a replaced file are kept; the command line's --dry-run writes nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "app/shop_import.h"
#include "app/shop_sheet.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const std::string kHeader =
    "ID,セクション,店名,よみ,ジャンル,エリア,見出し,本文,おすすめ,おすすめ価格,住所,電話,営業時間,定休日,"
    "予算昼,交通,カード,喫煙,アイコン,写真,地図X,地図Y\n";

std::string row(const std::string& id, const std::string& price = "1650", const std::string& icons = "parking") {
    return id + ",fish,魚処 波まくら,うおどころなみまくら,定食,須賀,見出し,本文です。,波まくら定食," + price +
           ",平塚市須賀1-12-5,0463-00-2001,11:00〜14:00,月曜,1500,徒歩3分,不可,全席禁煙," + icons +
           ",photos/fish-001.jpg,0.81,0.76\n";
}

app::ImportPlan plan(const std::string& sheet, const fs::path& out, Diagnostics& d, bool force = false) {
    app::ImportOptions o;
    o.csv_name = "shops.csv";
    o.out_dir = out;
    o.force = force;
    return app::plan_import(sheet, o, d);
}

const Diagnostic* find(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all()) {
        if (x.code == code) return &x;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("import: a good sheet becomes a shop file that passes the schema", "[import]") {
    test::TempDir tmp;
    Diagnostics d;
    const auto p = plan(kHeader + row("fish-101") + row("fish-102", "\"1,200\"", ""), tmp.path(), d);
    INFO([&] { std::ostringstream s; print_all(d, s); return s.str(); }());
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(p.files.size() == 1);
    CHECK(p.files[0].path == tmp.path() / "fish.xml");
    CHECK(p.files[0].shops == 2);
    CHECK(p.files[0].xml.find("<dish price=\"1200\">波まくら定食</dish>") != std::string::npos);
    CHECK(p.files[0].xml.find("<budget lunch=\"1500\"/>") != std::string::npos);
}

TEST_CASE("import: wrong cells are reported with row, column and field", "[import]") {
    test::TempDir tmp;
    Diagnostics d;
    plan(kHeader + row("fish-101") + row("Fish_102", "千円", "wifi"), tmp.path(), d);
    CHECK(d.error_count() == 3);
    const auto& all = d.all();
    REQUIRE(all.size() == 3);
    CHECK(all[0].loc.file == "shops.csv");
    CHECK(all[0].loc.line == 3);
    CHECK(all[0].loc.col == 1);
    CHECK(all[0].message.rfind("row 3, column A (ID): \"Fish_102\" is not a valid id", 0) == 0);
    CHECK(all[1].loc.col == 10);
    CHECK(all[1].message.rfind("row 3, column J (おすすめ価格): \"千円\" is not a whole number", 0) == 0);
    CHECK(all[2].message.find("icon \"wifi\"") != std::string::npos);
}

TEST_CASE("import: a cell with line breaks or a long text is shown on one short line", "[import]") {
    // Found by fuzz_csv (tests/corpus/fuzz/csv/crash-a64a6a35-header-cell-with-newline).
    test::TempDir tmp;
    Diagnostics d;
    plan("ID,\"備\n考\r\x01\"\n" + std::string("x-1,") + std::string(300, 'z') + "\n", tmp.path(), d);
    REQUIRE(find(d, "E-IMPORT-005"));
    CHECK(find(d, "E-IMPORT-005")->message == "row 1, column B: \"備\\n考\\r\\x01\" is not a shop field");
    Diagnostics d2;
    plan(kHeader + row("fish-101", std::string(300, '9') + "x"), tmp.path(), d2);
    REQUIRE(find(d2, "E-IMPORT-010"));
    const std::string& m = find(d2, "E-IMPORT-010")->message;
    CHECK(m.find(std::string(60, '9') + "…\" is not a whole number") != std::string::npos);
    CHECK(m.size() < 200);
    for (const auto& x : d.all()) CHECK(x.message.find('\n') == std::string::npos);
}

TEST_CASE("import: header problems, empty required cells and duplicate ids", "[import]") {
    test::TempDir tmp;
    Diagnostics d;
    plan("ID,店名,備考\nx-1,名前,メモ\n", tmp.path(), d);
    REQUIRE(find(d, "E-IMPORT-005"));
    CHECK(find(d, "E-IMPORT-005")->message == "row 1, column C: \"備考\" is not a shop field");
    CHECK(find(d, "E-IMPORT-007"));  // no column for section, reading, …

    Diagnostics d2;
    std::string empty_name = row("fish-102");
    empty_name.replace(empty_name.find("魚処 波まくら"), std::string("魚処 波まくら").size(), "");
    plan(kHeader + row("fish-101") + empty_name + row("fish-101"), tmp.path(), d2);
    REQUIRE(find(d2, "E-IMPORT-011"));
    CHECK(find(d2, "E-IMPORT-011")->message == "row 3, column C (店名): name is empty");
    REQUIRE(find(d2, "E-IMPORT-017"));
    CHECK(find(d2, "E-IMPORT-017")->loc.line == 4);
    CHECK(find(d2, "E-IMPORT-017")->hints[0] == "first used in row 2");
}

TEST_CASE("import: an existing file is replaced only with --force, keeping private notes", "[import]") {
    test::TempDir tmp;
    Diagnostics d0;
    auto first = plan(kHeader + row("fish-101"), tmp.path(), d0);
    REQUIRE_FALSE(d0.has_errors());
    // The editors add a private note to the file by hand.
    std::string xml = first.files[0].xml;
    xml.insert(xml.find("  </shop>"), "    <editorial><mobile>090-0000-0000</mobile></editorial>\n");
    test::write_file(tmp.path() / "fish.xml", xml);

    Diagnostics d1;
    plan(kHeader + row("fish-101", "1800"), tmp.path(), d1);
    REQUIRE(find(d1, "E-IMPORT-020"));
    CHECK(find(d1, "E-IMPORT-020")->loc.line == 2);

    Diagnostics d2;
    const auto forced = plan(kHeader + row("fish-101", "1800"), tmp.path(), d2, true);
    REQUIRE_FALSE(d2.has_errors());
    CHECK(forced.files[0].replaces);
    CHECK(forced.files[0].notes_kept == 1);
    CHECK(forced.files[0].xml.find("<mobile>090-0000-0000</mobile>") != std::string::npos);
    CHECK(forced.files[0].xml.find("price=\"1800\"") != std::string::npos);
}

TEST_CASE("import: an id used by another shop file is an error", "[import]") {
    test::TempDir tmp;
    Diagnostics d0;
    auto p = plan(kHeader + row("fish-101"), tmp.path(), d0);
    test::write_file(tmp.path() / "gourmet.xml", p.files[0].xml);  // same id, other file
    Diagnostics d;
    plan(kHeader + row("fish-101"), tmp.path(), d);
    REQUIRE(find(d, "E-IMPORT-022"));
}

TEST_CASE("import command: --dry-run writes nothing, a real run writes, a second run refuses", "[import]") {
    const fs::path program = fs::path(SHOKUHON_BINARY_DIR) / "shokuhon";
    test::TempDir tmp;
    test::write_file(tmp.path() / "shops.csv", kHeader + row("fish-101"));
    const std::string cmd = test::quote(program) + " import " + test::quote(tmp.path() / "shops.csv") +
                            " --out " + test::quote(tmp.path() / "shops");
    auto r = test::run(cmd + " --dry-run");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("would write") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / "shops" / "fish.xml"));
    r = test::run(cmd);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tmp.path() / "shops" / "fish.xml"));
    const std::string written = test::read_file(tmp.path() / "shops" / "fish.xml");
    r = test::run(cmd);
    CHECK(r.exit_code == 65);
    CHECK(r.output.find("[E-IMPORT-020]") != std::string::npos);
    CHECK(test::read_file(tmp.path() / "shops" / "fish.xml") == written);
    r = test::run(cmd + " --force");
    CHECK(r.exit_code == 0);
}

TEST_CASE("import: ruby written ｜base《reading》 in a cell becomes <ruby> markup", "[import]") {
    test::TempDir tmp;
    Diagnostics d;
    std::string r = row("fish-101");
    r.replace(r.find("本文です。"), std::string("本文です。").size(), "｜須賀《す か》の｜厨房《ちゅう ぼう》へ。｜だけ、a<b");
    const auto p = plan(kHeader + r, tmp.path(), d);
    INFO([&] { std::ostringstream s; print_all(d, s); return s.str(); }());
    REQUIRE_FALSE(d.has_errors());
    CHECK(p.files[0].xml.find("<description><ruby rt=\"す か\">須賀</ruby>の<ruby rt=\"ちゅう ぼう\">厨房</ruby>へ。｜だけ、a&lt;b</description>") !=
          std::string::npos);
}
