#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "content/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kMini = fs::path(SHOKUHON_TEST_DATA) / "mini";

// A copy of the mini content in which `file` has `from` replaced by `to`.
struct Edited {
    test::TempDir dir;
    fs::path content = dir.path() / "content";
    Edited(const std::string& file, const std::string& from, const std::string& to) {
        fs::copy(kMini, content, fs::copy_options::recursive);
        std::string xml = test::read_file(content / file);
        const auto pos = xml.find(from);
        REQUIRE(pos != std::string::npos);
        xml.replace(pos, from.size(), to);
        test::write_file(content / file, xml);
    }
};

std::string all(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += format(x) + "\n";
    return s;
}

}  // namespace

TEST_CASE("the sample book's content loads without errors", "[content]") {
    Diagnostics diags;
    const auto loaded = content::load_book(fs::path(SHOKUHON_SOURCE_DIR) / "content", diags);
    INFO(all(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(loaded.book.shops.size() >= 150);
    CHECK(loaded.book.products.size() >= 24);
    CHECK(loaded.book.recommendations.size() >= 12);
    CHECK(loaded.book.spots.size() >= 12);
    CHECK(loaded.book.plan.pages.size() == 80);
    for (const auto& s : loaded.book.shops) {
        INFO(s.id);
        CHECK_FALSE(s.reading.empty());
        CHECK(s.info.phone.rfind("0463-00-", 0) == 0);
    }
}

TEST_CASE("private editorial fields are kept apart from the shop", "[content][privacy]") {
    Diagnostics diags;
    const auto loaded = content::load_book(kMini, diags);
    REQUIRE(loaded.notes.by_shop.count("main-001") == 1);
    CHECK(loaded.notes.by_shop.at("main-001").contact == "SENTINEL-CONTACT-1");
    const auto* shop = loaded.book.find_shop("main-001");
    REQUIRE(shop != nullptr);
    for (const std::string& field : {shop->name, shop->description, shop->headline, shop->info.phone}) {
        CHECK(field.find("SENTINEL") == std::string::npos);
    }
}

TEST_CASE("a missing required field names the file, the line and the shop", "[content]") {
    Edited e("shops/main.xml", "      <phone>0463-00-9001</phone>\n", "");
    Diagnostics diags;
    content::load_book(e.content, diags);
    REQUIRE(diags.has_errors());
    const std::string out = all(diags);
    INFO(out);
    CHECK(out.find("shops/main.xml:") != std::string::npos);
    CHECK(out.find("shop \"テスト食堂あさひ\" (main-001)") != std::string::npos);
    CHECK(out.find("phone") != std::string::npos);
    // The location is on the shop's <info> block or the element where phone was expected.
    const auto& d = diags.all().front();
    CHECK(d.loc.line >= 9);
    CHECK(d.loc.line <= 12);
    CHECK(d.loc.col > 1);
}

TEST_CASE("malformed XML reports line and column", "[content]") {
    Edited e("products.xml", "<producer>テスト農園</producer>", "<producer>テスト農園</produce>");
    Diagnostics diags;
    content::load_book(e.content, diags);
    REQUIRE(diags.has_errors());
    const auto& d = diags.all().front();
    CHECK(d.loc.file.find("products.xml") != std::string::npos);
    CHECK(d.loc.line == 5);
    CHECK(d.loc.col > 1);
}

TEST_CASE("a DOCTYPE is refused (no DTD, no entities)", "[content]") {
    Edited e("spots.xml", "<spots>", "<!DOCTYPE spots [<!ENTITY x \"y\">]>\n<spots>");
    Diagnostics diags;
    content::load_book(e.content, diags);
    CHECK(all(diags).find("DOCTYPE") != std::string::npos);
}

TEST_CASE("duplicate ids are errors that point at both places", "[content]") {
    Edited e("shops/main.xml", "id=\"main-002\"", "id=\"main-001\"");
    Diagnostics diags;
    content::load_book(e.content, diags);
    const std::string out = all(diags);
    INFO(out);
    CHECK(out.find("\"main-001\" is used twice") != std::string::npos);
    CHECK(out.find("first used at") != std::string::npos);
}

TEST_CASE("a wrong ISBN check digit is a content error", "[content]") {
    Edited e("book.xml", "978-4-908291-15-9", "978-4-908291-15-3");
    Diagnostics diags;
    content::load_book(e.content, diags);
    const std::string out = all(diags);
    INFO(out);
    CHECK(out.find("book.xml:") != std::string::npos);
    CHECK(out.find("wrong check digit") != std::string::npos);
    CHECK(out.find("is 9") != std::string::npos);
}

TEST_CASE("the plan's page count must be a multiple of the signature", "[content][plan]") {
    Edited e("plan.xml", "  <page folio=\"16\" template=\"back-cover\"/>\n", "");
    Diagnostics diags;
    content::load_book(e.content, diags);
    CHECK(all(diags).find("not a multiple of the signature of 16") != std::string::npos);
}

TEST_CASE("a recommendation must point at an existing shop", "[content]") {
    Edited e("recommendations.xml", "shop=\"main-001\"", "shop=\"main-404\"");
    Diagnostics diags;
    content::load_book(e.content, diags);
    CHECK(all(diags).find("shop \"main-404\" does not exist") != std::string::npos);
}

TEST_CASE("photo paths may not leave the content folder", "[content]") {
    Edited e("shops/main.xml", "photos/main-001.jpg", "../../etc/passwd");
    Diagnostics diags;
    content::load_book(e.content, diags);
    CHECK(all(diags).find("leaves the content folder") != std::string::npos);
}
