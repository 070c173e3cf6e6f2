// Vertical text (JLREQ 3.2) and mixed scripts with the real fonts: 縦中横, rotated Latin,
// glyph positions down the column, script runs with their own features and fonts.
#include <catch2/catch.hpp>

#include "shape/shape.h"
#include "unit/typeset/golden_support.h"

using namespace shokuhon;

namespace {

const shape::Font& font(const char* role) { return *test::typeset().fonts.find(role); }

style::TextStyle vertical_body() {
    auto st = test::typeset().layout.style("body");
    st.writing = style::Writing::kVertical;
    st.indent = {};
    return st;
}

}  // namespace

TEST_CASE("text is itemised into Japanese and Latin runs", "[typeset][mixed]") {
    const auto runs = shape::itemize("平塚はWi-Fi OKのCafé、¥500。");
    REQUIRE(runs.size() == 7);  // 平塚は | Wi-Fi OK | の | Café | 、 | ¥500 | 。
    CHECK_FALSE(runs[0].latin);
    CHECK(runs[1].latin);  // "Wi-Fi OK": the space between Latin words belongs to them
    CHECK(std::string("平塚はWi-Fi OKのCafé、¥500。").substr(runs[1].begin, runs[1].end - runs[1].begin) == "Wi-Fi OK");
    CHECK(runs[3].latin);  // "Café"
    CHECK_FALSE(runs[4].latin);
    CHECK(runs[5].latin);
}

TEST_CASE("Latin runs get kerning and keep their proportional widths under palt", "[typeset][mixed]") {
    const auto& g = font("gothic");
    const Length size = Length::from_pt(20);
    const auto mixed = shape::shape_mixed(g, nullptr, size, "平塚To", {"palt"});
    REQUIRE(mixed.clusters.size() == 4);
    const auto plain_t = shape::shape(g, size, "T", {"-kern"});
    CHECK(mixed.clusters[2].advance < plain_t.clusters[0].advance);  // T kerned against o
    // palt narrows the kanji, never the Latin.
    const auto no_palt = shape::shape_mixed(g, nullptr, size, "平塚To");
    CHECK(mixed.clusters[0].advance <= no_palt.clusters[0].advance);
    CHECK(mixed.clusters[3].advance == no_palt.clusters[3].advance);
}

TEST_CASE("a style's Latin font sets the Latin runs", "[typeset][mixed]") {
    auto st = test::typeset().layout.style("body");  // mincho
    st.latin_font = "gothic";
    const auto b = test::typeset().setter().paragraph("平塚のCafe", st, Length::from_mm(80));
    REQUIRE(b.runs.size() == 2);
    CHECK(b.runs[0].font == "mincho");
    CHECK(b.runs[0].utf8 == "平塚の");
    CHECK(b.runs[1].font == "gothic");
    CHECK(b.runs[1].utf8 == "Cafe");
}

TEST_CASE("vertical shaping: upright forms, 縦中横 and rotated Latin", "[typeset][vertical]") {
    const auto& m = font("mincho");
    const Length em = Length::from_pt(10);
    const auto v = shape::shape_vertical(m, em, "第12回Ajiと2025年");
    REQUIRE(v.orientation.size() == v.clusters.size());
    // 第 [12] 回 A j i と 2 0 2 5 年
    REQUIRE(v.clusters.size() == 12);
    CHECK(v.orientation[0] == shape::Orientation::kUpright);
    CHECK(v.orientation[1] == shape::Orientation::kTateChuYoko);
    CHECK(v.clusters[1].kind == linebreak::ClusterKind::kTateChuYoko);
    CHECK(v.clusters[1].advance == em);  // two half-width digits across one em
    CHECK(v.orientation[3] == shape::Orientation::kRotated);
    CHECK(v.orientation[7] == shape::Orientation::kRotated);  // four digits: rotated, not 縦中横
    // Upright glyphs are centred on the column: their origin half an em left of it.
    CHECK(v.glyphs[0].x_offset == -em / 2);
    CHECK(v.glyphs[0].advance == em);
}

TEST_CASE("vertical paragraphs: columns right to left, glyphs down, Latin turned", "[typeset][vertical]") {
    const auto st = vertical_body();
    const auto b = test::typeset().setter().paragraph("平塚のAjiフライ、うまい。", st, st.size * 5);
    CHECK(b.vertical);
    REQUIRE(b.lines >= 2);
    CHECK(b.width == st.leading * b.lines);
    // The first column is the rightmost; its first glyph is at the top.
    const auto& first = b.runs.at(0);
    CHECK(first.origin.x == b.width - st.leading / 2);
    CHECK(first.quarter_turns == 0);
    REQUIRE(first.glyphs.size() >= 2);
    CHECK(first.glyphs[1].y > first.glyphs[0].y);
    int turned = 0;
    std::string text;
    for (const auto& r : b.runs) {
        turned += r.quarter_turns;
        text += r.utf8;
    }
    CHECK(turned == 1);  // "Aji"
    CHECK(text == "平塚のAjiフライ、うまい。");
}
