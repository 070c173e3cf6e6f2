// The proof report stage: changed areas between two thumbnails and the report page; and the
// proof commands end to end on the mini book: build --proof twice with an edit between, and
// a shop's proof sheet (one page, the note, never the private fields).
#include <catch2/catch.hpp>

#include <filesystem>

#include "report/report.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

render::Raster blank(int w, int h) { return {w, h, std::vector<std::uint32_t>(static_cast<std::size_t>(w * h), 0xFFFFFFu)}; }

void paint(render::Raster& r, int x0, int y0, int w, int h, std::uint32_t c) {
    for (int y = y0; y < y0 + h; ++y) {
        for (int x = x0; x < x0 + w; ++x) r.rgb[static_cast<std::size_t>(y * r.width + x)] = c;
    }
}

const fs::path kProgram = fs::path(SHOKUHON_BINARY_DIR) / "shokuhon";

std::string cmd(const std::string& verb, const fs::path& content, const std::string& extra) {
    const fs::path src = SHOKUHON_SOURCE_DIR;
    return test::quote(kProgram) + " " + verb + " --content " + test::quote(content) + " --layouts " +
           test::quote(src / "layouts") + " --fonts " + test::quote(src / "fonts/fonts.lock") + " " + extra;
}

}  // namespace

TEST_CASE("report: identical thumbnails have no changed areas", "[report]") {
    auto a = blank(100, 140);
    paint(a, 10, 10, 30, 20, 0x202020);
    CHECK(report::changed_areas(a, a).empty());
}

TEST_CASE("report: two separate changes are two boxes that frame them", "[report]") {
    auto a = blank(100, 140), b = a;
    paint(b, 10, 10, 8, 6, 0xE00000);
    paint(b, 60, 100, 20, 4, 0x000000);
    paint(b, 50, 50, 1, 1, 0xF8F8F8);  // below the threshold: not a change
    const auto boxes = report::changed_areas(a, b);
    REQUIRE(boxes.size() == 2);
    CHECK(boxes[0].x <= 10);
    CHECK(boxes[0].y <= 10);
    CHECK(boxes[0].x + boxes[0].w >= 18);
    CHECK(boxes[0].y + boxes[0].h >= 16);
    CHECK(boxes[1].x <= 60);
    CHECK(boxes[1].x + boxes[1].w >= 80);
    CHECK(boxes[1].w < 40);
}

TEST_CASE("report: a page of another size changed everywhere", "[report]") {
    const auto boxes = report::changed_areas(blank(10, 10), blank(12, 10));
    REQUIRE(boxes.size() == 1);
    CHECK(boxes[0].w == 12);
}

TEST_CASE("report: the page lists changed pages, marks and diagnostics, escaped", "[report]") {
    report::ProofReport r;
    r.title = "平塚食本 2027年版";
    r.round = "再校";
    r.previous_round = "初校";
    r.previous_made = "2026-11-20 10:00";
    r.pages.push_back({1, "表1", "", "", "#d0d0d0", "cover", 0, 0, {}, "pages/p001.png", "", {}, 306, 429, true});
    r.pages.push_back({2, "2", "fish", "魚", "#1e88e5", "card4", 4, 3, {{"warning", "<b>x</b>"}}, "pages/p002.png",
                       "previous/p002.png", {{10, 20, 30, 40}}, 306, 429, false});
    r.diagnostics.push_back({"warning", "W-COMPOSE-002", "content/shops/fish.xml:24:3", "description needs 12 lines", {"shorten it"}, 2});
    const std::string html = report::report_html(r);
    CHECK(html.find("から変わったページ: <b>1</b>") != std::string::npos);
    CHECK(html.find("previous/p002.png") != std::string::npos);
    CHECK(html.find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<b>x</b>") == std::string::npos);
    CHECK(html.find("content/shops/fish.xml:24:3") != std::string::npos);
    CHECK(html.find("3/4") != std::string::npos);
    CHECK(html.find("left:3.27%;top:4.66%") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);  // nothing from the network
}

TEST_CASE("build --proof: marks, the report, and the pages changed by an edit", "[report]") {
    test::TempDir tmp;
    fs::copy(fs::path(SHOKUHON_TEST_DATA) / "mini", tmp.path() / "mini", fs::copy_options::recursive);
    const fs::path pdf = tmp.path() / "proof" / "mini.pdf";
    auto r = test::run(cmd("build", tmp.path() / "mini", "--proof --round 初校 -o " + test::quote(pdf)));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("the first proof") != std::string::npos);
    CHECK(fs::exists(tmp.path() / "proof" / "report.html"));
    CHECK(fs::exists(tmp.path() / "proof" / "pages" / "p016.png"));
    const auto text = test::run("pdftotext -f 2 -l 2 " + test::quote(pdf) + " -");
    CHECK(test::strip_space(text.output).find("校正初校") != std::string::npos);

    const fs::path shops = tmp.path() / "mini" / "shops" / "main.xml";
    std::string xml = test::read_file(shops);
    xml.replace(xml.find("みなと亭"), std::string("みなと亭").size(), "みなと亭本店");
    test::write_file(shops, xml);
    r = test::run(cmd("build", tmp.path() / "mini", "--proof --round 再校 --json -o " + test::quote(pdf)));
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("\"proof_report\"") != std::string::npos);
    CHECK(fs::exists(tmp.path() / "proof" / "previous" / "p002.png"));
    const std::string html = test::read_file(tmp.path() / "proof" / "report.html");
    CHECK(html.find("前回の校正（初校") != std::string::npos);
    CHECK(html.find("<span class=\"badge changed\">") != std::string::npos);
    CHECK(html.find("変わったページ: <b>0</b>") == std::string::npos);
}

TEST_CASE("proof --shop: one page with the card and the note, never the private fields", "[report]") {
    test::TempDir tmp;
    const fs::path pdf = tmp.path() / "main-002.pdf";
    const auto r = test::run(cmd("proof", fs::path(SHOKUHON_TEST_DATA) / "mini", "--shop main-002 --reply-by 2026-12-03 -o " + test::quote(pdf)));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto info = test::run("pdfinfo " + test::quote(pdf));
    CHECK(test::strip_space(info.output).find("Pages:1") != std::string::npos);
    const std::string text = test::strip_space(test::run("pdftotext " + test::quote(pdf) + " -").output);
    CHECK(text.find("みなと亭") != std::string::npos);
    CHECK(text.find("掲載内容確認用") != std::string::npos);
    CHECK(text.find("2026年12月3日（木）までに") != std::string::npos);
    CHECK(text.find("SENTINEL") == std::string::npos);
    CHECK(test::run(cmd("proof", fs::path(SHOKUHON_TEST_DATA) / "mini", "--shop no-such-shop -o " + test::quote(pdf))).exit_code == 64);
}
