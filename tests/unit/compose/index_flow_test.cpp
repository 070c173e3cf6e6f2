// compose/pages/index.cpp, the pure parts: kana → 50音 row, the sort key, the flow of index
// items into columns and the balancing of the last page's columns.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/units.h"

// index.cpp gives these external linkage for tests; there is no header for them (they are
// internal to the index builder), so they are declared here exactly as defined there.
namespace shokuhon::compose::pages::index_detail {
int gojuon_row(std::string_view reading);
std::string sort_key(std::string_view reading);
std::vector<std::pair<int, Length>> flow_columns(const std::vector<Length>& heights,
                                                 const std::vector<bool>& heading, Length gap,
                                                 const std::vector<Length>& columns);
std::vector<std::pair<int, Length>> flow_columns(const std::vector<Length>& heights,
                                                 const std::vector<bool>& heading, Length gap,
                                                 const std::vector<Length>& columns,
                                                 std::vector<int>* continued);
std::vector<Length> balance_last_page(const std::vector<Length>& heights,
                                      const std::vector<bool>& heading, Length gap,
                                      std::vector<Length> columns, const std::vector<int>& page_of);
}  // namespace shokuhon::compose::pages::index_detail

using namespace shokuhon;
namespace idx = shokuhon::compose::pages::index_detail;

namespace {

// Whole points are exact in sp, so sums of heights compare exactly with column heights.
Length pt(int v) { return Length::from_pt(v); }

}  // namespace

TEST_CASE("the first kana of a reading decides its 50音 row", "[compose][index]") {
    const std::vector<std::pair<std::string, int>> table = {
        {"あさひ", 0},   {"おでん", 0},   {"ぁ", 0},         {"ゔぃーな", 0},
        {"かもめ", 1},   {"がっこう", 1}, {"ごはん", 1},     {"さかな", 2},
        {"じゅん", 2},   {"ぞう", 2},     {"たこ", 3},       {"だんご", 3},
        {"っ", 3},       {"どんぶり", 3}, {"なぎさ", 4},     {"の", 4},
        {"はま", 5},     {"ばー", 5},     {"ぱん", 5},       {"ぽると", 5},
        {"まつ", 6},     {"もつ", 6},     {"やき", 7},       {"ゃ", 7},
        {"よる", 7},     {"らーめん", 8}, {"ろばた", 8},     {"わしょく", 9},
        {"をん", 9},     {"ん", 9},       {"カフェ", 1},     {"ガレット", 1},
        {"パン", 5},     {"ヴィラ", 0},   {"ワイン", 9},     {"ヴァ", 0},
        {"ABC", 10},     {"123", 10},     {"", 10},          {"漢字", 10},
    };
    for (const auto& [reading, row] : table) {
        INFO(reading);
        CHECK(idx::gojuon_row(reading) == row);
    }
}

TEST_CASE("the sort key folds katakana into hiragana and keeps everything else",
          "[compose][index]") {
    CHECK(idx::sort_key("カフェ") == "かふぇ");
    CHECK(idx::sort_key("ぱんこうぼう") == "ぱんこうぼう");
    CHECK(idx::sort_key("BAR とうだいもり") == "BAR とうだいもり");
    CHECK(idx::sort_key("ラーメン") == "らーめん");  // ー is not katakana proper: kept
    // Byte order of the keys is 50音 order for plain and voiced kana.
    CHECK(idx::sort_key("かき") < idx::sort_key("ガム"));
    CHECK(idx::sort_key("がむ") < idx::sort_key("きく"));
    CHECK(idx::sort_key("はな") < idx::sort_key("バス"));
    CHECK(idx::sort_key("ぱん") < idx::sort_key("ひる"));
}

TEST_CASE("index items fill columns top to bottom, left to right", "[compose][index]") {
    // Five entries of 10 pt into two columns of 25 pt: two fit in each, the fifth has no room.
    const std::vector<Length> h(5, pt(10));
    const std::vector<bool> head(5, false);
    const auto out = idx::flow_columns(h, head, pt(3), {pt(25), pt(25)});
    const std::vector<std::pair<int, Length>> want = {
        {0, pt(0)}, {0, pt(10)}, {1, pt(0)}, {1, pt(10)}, {-1, pt(0)}};
    REQUIRE(out.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO("item " << i);
        CHECK(out[i].first == want[i].first);
        CHECK(out[i].second == want[i].second);
    }
}

TEST_CASE("a heading never stands alone at a column's foot", "[compose][index]") {
    // entry, entry, heading, entry into columns of 32 pt: the heading (5 pt + 3 pt gap) would
    // fit under the two entries (28 pt), but its first entry would not, so both move on.
    const std::vector<Length> h = {pt(10), pt(10), pt(5), pt(10)};
    const std::vector<bool> head = {false, false, true, false};
    const auto out = idx::flow_columns(h, head, pt(3), {pt(32), pt(32)});
    CHECK(out[0].first == 0);
    CHECK(out[1].first == 0);
    CHECK(out[2] == std::pair<int, Length>{1, pt(0)});  // at a column top: no gap above it
    CHECK(out[3] == std::pair<int, Length>{1, pt(5)});
}

TEST_CASE("a heading inside a column has its gap above it", "[compose][index]") {
    const std::vector<Length> h = {pt(5), pt(10), pt(5), pt(10)};
    const std::vector<bool> head = {true, false, true, false};
    const auto out = idx::flow_columns(h, head, pt(3), {pt(100)});
    CHECK(out[0] == std::pair<int, Length>{0, pt(0)});
    CHECK(out[1] == std::pair<int, Length>{0, pt(5)});
    CHECK(out[2] == std::pair<int, Length>{0, pt(18)});
    CHECK(out[3] == std::pair<int, Length>{0, pt(23)});
}

TEST_CASE("columns of different heights are honoured in order", "[compose][index]") {
    // The first page's columns are shorter (the title); an item too tall for one column moves on.
    const std::vector<Length> h = {pt(10), pt(20), pt(10)};
    const std::vector<bool> head(3, false);
    const auto out = idx::flow_columns(h, head, pt(3), {pt(15), pt(40)});
    CHECK(out[0].first == 0);
    CHECK(out[1] == std::pair<int, Length>{1, pt(0)});
    CHECK(out[2] == std::pair<int, Length>{1, pt(20)});
}

TEST_CASE("no columns, nothing placed", "[compose][index]") {
    const auto out = idx::flow_columns({pt(1)}, {false}, pt(1), {});
    REQUIRE(out.size() == 1);
    CHECK(out[0].first == -1);
}

TEST_CASE("the last page's columns are balanced", "[compose][index]") {
    // Ten 10 pt entries; two pages of two 100 pt columns. Unbalanced, all ten go in the first
    // column; balanced, the first page's two columns take five each and page two stays empty.
    const std::vector<Length> h(10, pt(10));
    const std::vector<bool> head(10, false);
    const std::vector<Length> cols(4, pt(100));
    const std::vector<int> page_of = {0, 0, 1, 1};
    const auto bal = idx::balance_last_page(h, head, pt(3), cols, page_of);
    REQUIRE(bal.size() == 4);
    CHECK(bal[0] == bal[1]);
    CHECK(bal[0] == pt(50));
    CHECK(bal[2] == pt(100));  // later pages untouched
    const auto out = idx::flow_columns(h, head, pt(3), bal);
    int in_first = 0;
    for (const auto& p : out) in_first += p.first == 0 ? 1 : 0;
    CHECK(in_first == 5);
    for (const auto& p : out) CHECK((p.first == 0 || p.first == 1));
}

TEST_CASE("balancing keeps earlier pages as they are", "[compose][index]") {
    // Page one (one 30 pt column) is full; page two's two columns share what is left.
    const std::vector<Length> h(7, pt(10));
    const std::vector<bool> head(7, false);
    const std::vector<Length> cols = {pt(30), pt(100), pt(100)};
    const auto bal = idx::balance_last_page(h, head, pt(3), cols, {0, 1, 1});
    CHECK(bal[0] == pt(30));
    const auto out = idx::flow_columns(h, head, pt(3), bal);
    int c1 = 0, c2 = 0;
    for (const auto& p : out) {
        c1 += p.first == 1 ? 1 : 0;
        c2 += p.first == 2 ? 1 : 0;
    }
    CHECK(c1 == 2);
    CHECK(c2 == 2);
}

TEST_CASE("balancing never drops what fitted before", "[compose][index]") {
    // Too many items: the last page stays full height, and the same number of items is placed.
    const std::vector<Length> h(12, pt(10));
    const std::vector<bool> head(12, false);
    const std::vector<Length> cols(2, pt(50));
    const auto bal = idx::balance_last_page(h, head, pt(3), cols, {0, 0});
    CHECK(bal == cols);
}

TEST_CASE("a column that opens mid-group repeats the group's heading above it", "[compose][index]") {
    // heading (5 pt) and four entries (10 pt) into columns of 30 pt: the third entry opens the
    // second column under the repeated heading (「洋食（続き）」), which takes its 5 pt.
    const std::vector<Length> h = {pt(5), pt(10), pt(10), pt(10), pt(10)};
    const std::vector<bool> head = {true, false, false, false, false};
    std::vector<int> continued;
    const auto out = idx::flow_columns(h, head, pt(3), {pt(30), pt(30)}, &continued);
    CHECK(out[2] == std::pair<int, Length>{0, pt(15)});
    CHECK(out[3] == std::pair<int, Length>{1, pt(5)});
    CHECK(out[4] == std::pair<int, Length>{1, pt(15)});
    REQUIRE(continued.size() == 2);
    CHECK(continued[0] == -1);
    CHECK(continued[1] == 0);
    // A column opened by a heading repeats nothing.
    const std::vector<Length> h2 = {pt(5), pt(10), pt(10), pt(5), pt(10)};
    const std::vector<bool> head2 = {true, false, false, true, false};
    const auto out2 = idx::flow_columns(h2, head2, pt(3), {pt(30), pt(30)}, &continued);
    CHECK(out2[3] == std::pair<int, Length>{1, pt(0)});
    CHECK(continued[1] == -1);
}
