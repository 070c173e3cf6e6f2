// Ruby (JLREQ 3.3) with the real fonts: the notation, complex widths and overhang, placement
// above the base, leading added only where the line feed is short, and text extraction.
#include <catch2/catch.hpp>

#include "compose/dump.h"
#include "compose/ruby.h"
#include "unit/typeset/golden_support.h"

using namespace shokuhon;

namespace {

const shape::Font& mincho() { return *test::typeset().fonts.find("mincho"); }

// The drawn text of a block without its ruby runs (those are half size).
std::string base_text(const compose::TextBlock& b, Length size) {
    std::string s;
    for (const auto& r : b.runs) {
        if (r.size == size) s += r.utf8;
    }
    return s;
}

}  // namespace

TEST_CASE("ruby notation: ｜base《reading》, spaces for mono-ruby", "[typeset][ruby]") {
    const auto a = compose::parse_ruby("｜平塚《ひら つか》の｜時化《しけ》と｜");
    CHECK(a.plain == "平塚の時化と｜");
    REQUIRE(a.ruby.size() == 2);
    CHECK(a.ruby[0].begin == 0);
    CHECK(a.ruby[0].end == 6);
    CHECK(a.ruby[0].mono);
    CHECK(a.ruby[0].readings == std::vector<std::string>{"ひら", "つか"});
    CHECK(a.ruby[1].begin == 9);
    CHECK_FALSE(a.ruby[1].mono);
    CHECK(a.ruby[1].readings == std::vector<std::string>{"しけ"});
    // A lone ｜, an empty base or reading: ordinary characters.
    CHECK(compose::plain_text("a｜b《》c") == "a｜b《》c");
    CHECK(compose::plain_text("｜《x》") == "｜《x》");
    CHECK(compose::ruby_from_markup("<ruby rt=\"す か\">須賀</ruby>の港") == "｜須賀《す か》の港");
    CHECK(compose::show_ruby("｜須賀《す か》の港") == "須賀《す か》の港");
}

TEST_CASE("a ruby complex is as wide as the longer of base and ruby, and overhangs kana by at most "
          "half a ruby character", "[typeset][ruby]") {
    const auto& st = test::typeset().layout.style("body");
    const auto ts = test::typeset().setter();
    const auto comp = ts.compose("あ｜心太《ところてん》も", st, Length::from_mm(80));
    REQUIRE(comp.shaped.clusters.size() == 3);
    const auto& cx = comp.shaped.clusters[1];
    CHECK(cx.kind == linebreak::ClusterKind::kRuby);
    const Length ruby = shape::measure(mincho(), st.size / 2, "ところてん");
    const Length base = shape::measure(mincho(), st.size, "心太");
    REQUIRE(ruby > base);
    CHECK(cx.advance == ruby);
    CHECK(cx.overhang_before == min((ruby - base) / 4, st.size / 4));  // group: ½ the base spread
    // Mid-line between kana the complex moves in by its overhang on both sides.
    const auto& x = comp.lines.at(0).x;
    CHECK(x[1] - x[0] == comp.shaped.clusters[0].advance - cx.overhang_before);
    CHECK(x[2] - x[1] == cx.advance - cx.overhang_after);
    // Next to kanji there is no overhang.
    const auto k = ts.compose("漢｜心太《ところてん》字", st, Length::from_mm(80));
    CHECK(k.lines.at(0).x[2] - k.lines.at(0).x[1] == k.shaped.clusters[1].advance);
}

TEST_CASE("a jukugo whose reading is longer keeps its base solid", "[typeset][ruby]") {
    const auto& st = test::typeset().layout.style("body");
    const auto comp = test::typeset().setter().compose("ま｜厨房《ちゅう ぼう》へ", st, Length::from_mm(80));
    REQUIRE(comp.shaped.clusters.size() == 3);
    REQUIRE(comp.ruby.size() == 1);
    CHECK(comp.ruby[0].utf8 == "ちゅうぼう");
    // 厨 and 房 sit next to each other at their own advances: nothing opened between them.
    const auto block = test::typeset().setter().paragraph("ま｜厨房《ちゅう ぼう》へ", st, Length::from_mm(80));
    const auto& base_run = block.runs.at(0);
    REQUIRE(base_run.glyphs.size() == 4);
    CHECK(base_run.glyphs[2].x - base_run.glyphs[1].x == shape::measure(mincho(), st.size, "厨"));
}

TEST_CASE("ruby sits on its base at half size and never splits from it", "[typeset][ruby]") {
    const auto& st = test::typeset().layout.style("body");
    const auto ts = test::typeset().setter();
    const std::string text = "港の｜魴鮄《ほう ぼう》と｜皮剥《かわ はぎ》と｜眼張《めばる》、どれも美味。";
    for (const double mm : {12.0, 15.0, 18.0, 25.0}) {
        const auto comp = ts.compose(text, st, Length::from_mm(mm));
        const std::string dump = compose::dump_lines(comp);
        INFO(dump);
        for (const char* word : {"魴鮄《ほうぼう》", "皮剥《かわはぎ》", "眼張《めばる》"}) {
            CHECK(dump.find(word) != std::string::npos);
        }
    }
    const auto block = ts.paragraph(text, st, Length::from_mm(80));
    CHECK(base_text(block, st.size) == compose::plain_text(text));
    int ruby_runs = 0;
    for (const auto& r : block.runs) {
        if (r.size != st.size / 2) continue;
        ++ruby_runs;
        // Its em box rests on the base's: baseline 0.88 em + 0.12 ruby em above the base's.
        CHECK(block.runs[0].origin.y - r.origin.y == st.size.scaled(0.88) + r.size.scaled(0.12));
    }
    CHECK(ruby_runs == 3);
}

TEST_CASE("ruby adds leading only where the line feed leaves it too little room", "[typeset][ruby]") {
    const auto ts = test::typeset().setter();
    // body: 12Q on 19H leaves 7H between lines, more than the 6Q ruby: nothing added.
    const auto& body = test::typeset().layout.style("body");
    const std::string two_lines = "あいうえおかきくけこさしすせそたちつてと｜平塚《ひら つか》の港";
    const auto b = ts.paragraph(two_lines, body, body.size * 20);
    REQUIRE(b.lines == 2);
    CHECK(b.height == body.leading * 2);
    // headline: 14Q on 19H leaves 5H, less than the 7Q ruby: the second line moves down by 2H.
    auto head = test::typeset().layout.style("headline");
    head.features.clear();
    const auto h = ts.paragraph(two_lines, head, head.size * 20);
    REQUIRE(h.lines == 2);
    CHECK(h.height == head.leading * 2 + (head.size / 2 - (head.leading - head.size)));
    // Ruby on the first line adds nothing: the block's top half line feed is its room.
    const auto first = ts.paragraph("｜平塚《ひら つか》の港あいうえおかきくけこさしすせそたちつてと", head, head.size * 20);
    CHECK(first.height == head.leading * 2);
}
