// linebreak/: JLREQ line breaking and justification with synthetic widths (1 zw = 10 pt for
// every full-width character, 5 pt for ASCII and Latin-1), so every width is exact arithmetic.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "linebreak/break.h"

namespace Catch {
template <>
struct StringMaker<shokuhon::Length> {
    static std::string convert(const shokuhon::Length& v) {
        return std::to_string(v.sp) + "sp (" + std::to_string(v.pt()) + "pt)";
    }
};
}  // namespace Catch

namespace {

namespace lb = shokuhon::linebreak;
using lb::Align;
using lb::Mode;
using lb::Rule;
using lb::Strictness;
using shokuhon::Length;
using shokuhon::min;
using Lines = std::vector<std::string>;

constexpr std::int64_t kPt = Length::kPerPt;
Length pt(double v) { return Length::from_pt(v); }

std::vector<lb::Cluster> clusters_of(const std::string& s) {
    std::vector<lb::Cluster> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c0 = static_cast<unsigned char>(s[i]);
        const std::size_t len = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c0 : c0 & (0x7Fu >> len);
        for (std::size_t k = 1; k < len; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        }
        lb::Cluster c;
        c.first_cp = c.last_cp = cp;
        c.advance = pt(cp < 0x2000 ? 5 : 10);
        c.text_begin = static_cast<std::uint32_t>(i);
        c.text_end = static_cast<std::uint32_t>(i + len);
        out.push_back(c);
        i += len;
    }
    return out;
}

struct Setup {
    double measure = 10;  // in zw
    double indent = 0;    // in zw
    Mode mode = Mode::kGreedy;
    Strictness strictness = Strictness::kStrict;
    Align align = Align::kJustify;
    bool hang = false;
};

struct Result {
    std::vector<lb::Cluster> clusters;
    std::vector<lb::GapInfo> gaps;
    std::vector<lb::Line> lines;
    Lines texts;  // each line's text, trailing spaces dropped
};

Result run(const std::string& text, const Setup& s) {
    Result r;
    r.clusters = clusters_of(text);
    lb::BreakParams p;
    p.measure = pt(10 * s.measure);
    p.em = pt(10);
    p.first_indent = pt(10 * s.indent);
    p.strictness = s.strictness;
    p.mode = s.mode;
    p.align = s.align;
    p.hang_punctuation = s.hang;
    r.lines = lb::break_paragraph(r.clusters, p);
    r.gaps = lb::describe_gaps(r.clusters, p);
    for (const auto& line : r.lines) {
        std::string t;
        if (line.begin < line.end) {
            const auto b = r.clusters[line.begin].text_begin;
            t = text.substr(b, r.clusters[line.end - 1].text_end - b);
        }
        while (!t.empty() && t.back() == ' ') t.pop_back();
        r.texts.push_back(t);
    }
    return r;
}

Lines break_text(const std::string& text, const Setup& s) { return run(text, s).texts; }

// Structural invariants every result must meet: the lines partition the paragraph, each x
// vector matches its range, and every justified line but the last ends exactly at the measure.
void check_invariants(const Result& r, const Setup& s) {
    std::size_t expect = 0;
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto& line = r.lines[i];
        REQUIRE(line.begin == expect);
        REQUIRE(line.end > line.begin);
        REQUIRE(line.x.size() == line.end - line.begin);
        expect = line.end;
        const bool last = i + 1 == r.lines.size();
        if (line.rule == Rule::kOverfull) continue;
        CHECK(line.width.sp <= pt(10 * s.measure).sp);
        INFO("line " << i << " rule " << lb::rule_name(line.rule) << " clusters " << line.begin
                     << "-" << line.end);
        // A line of one cluster (plus dropped spaces, or a sentence space after ！) has no gap to
        // stretch: a token too long to join it follows.
        std::size_t ink = 0;
        for (std::size_t k = line.begin; k < line.end; ++k) {
            ink += r.clusters[k].first_cp != U' ' && r.clusters[k].first_cp != U'\u3000';
        }
        // A line made only of a URL part is left short rather than letter-spaced.
        bool all_protected = true;
        for (std::size_t k = line.begin; k + 1 < line.end; ++k) {
            all_protected = all_protected && r.gaps[k].protected_token;
        }
        const bool single = ink - (line.rule == Rule::kHang ? 1 : 0) <= 1 || all_protected;
        if (s.align == Align::kJustify && !last && !single) CHECK(line.width == pt(10 * s.measure));
        if (last) CHECK(line.rule == (line.rule == Rule::kHang ? Rule::kHang : Rule::kLast));
    }
    CHECK(expect == r.clusters.size());
}

// clang-format off
const std::string kGuide =
    "平塚駅から徒歩五分、須賀漁港のそばにある「魚処なぎさ」は、"
    "朝どれのしらす丼（1,200円）が人気だ。営業は11:30〜14:00、"
    "電話は0463-00-1234。詳しくはhttps://example.jp/nagisaを見てほしい。"
    "ランチタイムは混雑するので、予約がおすすめ！　夜は居酒屋として営業しており、"
    "地酒も充実している。店主いわく「しらすは鮮度が命。朝のうちに食べてほしい」とのこと。"
    "Wi-Fi完備、カード払いOK。";
// clang-format on

// ---------------------------------------------------------------------------------------------

TEST_CASE("classify follows the JLREQ examples and ranges", "[linebreak][class]") {
    using C = lb::JisClass;
    // clang-format off
    const std::vector<std::pair<char32_t, C>> table = {
        {U'「', C::kOpeningBracket}, {U'（', C::kOpeningBracket}, {U'『', C::kOpeningBracket},
        {U'【', C::kOpeningBracket}, {U'」', C::kClosingBracket}, {U'）', C::kClosingBracket},
        {U'』', C::kClosingBracket}, {U'】', C::kClosingBracket}, {U'‐', C::kHyphen},
        {U'〜', C::kHyphen},         {U'゠', C::kHyphen},         {U'？', C::kDividingPunct},
        {U'！', C::kDividingPunct},  {U'・', C::kMiddleDot},      {U'：', C::kMiddleDot},
        {U'；', C::kMiddleDot},      {U'。', C::kFullStop},       {U'．', C::kFullStop},
        {U'、', C::kComma},          {U'，', C::kComma},          {U'—', C::kInseparable},
        {U'…', C::kInseparable},     {U'‥', C::kInseparable},     {U'々', C::kIterationMark},
        {U'ゝ', C::kIterationMark},  {U'ヾ', C::kIterationMark},  {U'ー', C::kProlongedSound},
        {U'っ', C::kSmallKana},      {U'ゃ', C::kSmallKana},      {U'ァ', C::kSmallKana},
        {U'ヶ', C::kSmallKana},      {U'ㇰ', C::kSmallKana},      {U'￥', C::kPrefixedAbbr},
        {U'¥', C::kPrefixedAbbr},    {U'＄', C::kPrefixedAbbr},   {U'％', C::kPostfixedAbbr},
        {U'%', C::kPostfixedAbbr},   {U'℃', C::kPostfixedAbbr},   {U'　', C::kIdeographicSpace},
        {U'あ', C::kHiragana},       {U'を', C::kHiragana},       {U'ア', C::kKatakana},
        {U'ン', C::kKatakana},       {U'＝', C::kMathSymbol},     {U'＋', C::kMathOperator},
        {U'漢', C::kIdeographic},    {U'〆', C::kIdeographic},    {U'Ａ', C::kIdeographic},
        {U'５', C::kIdeographic},    {U'ｚ', C::kIdeographic},    {U'A', C::kWestern},
        {U'z', C::kWestern},         {U'@', C::kWestern},         {U'-', C::kWestern},
        {U'7', C::kGroupedNumeral},  {U' ', C::kWesternSpace},    {U'𠮷', C::kIdeographic},
    };
    // clang-format on
    for (const auto& [cp, cls] : table) {
        INFO("U+" << std::hex << static_cast<std::uint32_t>(cp));
        CHECK(lb::classify(cp) == cls);
    }
}

TEST_CASE("line-start prohibitions follow the four strictness levels", "[linebreak][kinsoku]") {
    using S = Strictness;
    struct Row {
        char32_t cp;
        bool very_strict, strict, loose, very_loose;  // prohibited at this level?
    };
    // clang-format off
    const std::vector<Row> table = {
        {U'」', true, true, true, true},   {U'。', true, true, true, true},
        {U'、', true, true, true, true},   {U'）', true, true, true, true},
        {U'〜', true, true, false, false}, {U'！', true, true, true, false},
        {U'？', true, true, true, false},  {U'・', true, true, false, false},
        {U'：', true, true, true, false},  {U'々', true, false, false, false},
        {U'ゝ', true, true, true, false},  {U'ー', true, false, false, false},
        {U'ょ', true, false, false, false}, {U'ッ', true, false, false, false},
        {U'あ', false, false, false, false}, {U'「', false, false, false, false},
    };
    // clang-format on
    for (const Row& r : table) {
        INFO("U+" << std::hex << static_cast<std::uint32_t>(r.cp));
        const auto c = lb::classify(r.cp);
        CHECK(lb::line_start_prohibited(c, r.cp, S::kVeryStrict) == r.very_strict);
        CHECK(lb::line_start_prohibited(c, r.cp, S::kStrict) == r.strict);
        CHECK(lb::line_start_prohibited(c, r.cp, S::kLoose) == r.loose);
        CHECK(lb::line_start_prohibited(c, r.cp, S::kVeryLoose) == r.very_loose);
    }
    CHECK(lb::line_end_prohibited(lb::JisClass::kOpeningBracket));
    CHECK_FALSE(lb::line_end_prohibited(lb::JisClass::kClosingBracket));
}

TEST_CASE("a line that fills the measure exactly breaks there", "[linebreak]") {
    const auto r = run("あいうえおかきくけこさしすせそ", {});
    CHECK(r.texts == Lines{"あいうえおかきくけこ", "さしすせそ"});
    CHECK(r.lines[0].rule == Rule::kNone);
    CHECK(r.lines[0].width == pt(100));
    CHECK(r.lines[1].x == std::vector<Length>{pt(0), pt(10), pt(20), pt(30), pt(40)});
}

TEST_CASE("closing bracket is pushed out when it cannot be pushed in", "[linebreak][kinsoku]") {
    // measure 10 zw: "…けこ」" needs 10.5 zw even with 」 set solid, so こ moves down (追い出し)
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("あいうえおかきくけこ」さしす", {.mode = mode});
        CHECK(r.texts == Lines{"あいうえおかきくけ", "こ」さしす"});
        CHECK(r.lines[0].rule == Rule::kPushOut);
        CHECK(r.lines[0].ratio > 0);
        CHECK(r.lines[0].width == pt(100));
    }
}

TEST_CASE("a full stop is pushed in when the line can shrink (追い込み before 追い出し)",
          "[linebreak][kinsoku]") {
    // 。 does not fit after け; squeezing the ½ em after 、 and the one after 。 pulls it in.
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("あいうえお、かきくけ。さしすせそ", {.mode = mode});
        REQUIRE(r.texts == Lines{"あいうえお、かきくけ。", "さしすせそ"});
        CHECK(r.lines[0].rule == Rule::kPushIn);
        CHECK(r.lines[0].natural == pt(110));
        CHECK(r.lines[0].width == pt(100));
        CHECK(r.lines[0].ratio == Approx(-1.0));  // all 10 pt available
        // 、 keeps its pen x; か moves ½ em left onto 、's blank half; 。 ends flush.
        CHECK(r.lines[0].x[5] == pt(50));
        CHECK(r.lines[0].x[6] == pt(55));
        CHECK(r.lines[0].x[10] == pt(95));
    }
}

TEST_CASE("no line starts with closing punctuation, at any measure", "[linebreak][kinsoku]") {
    const std::u32string banned = U"。、」）』！？・ーっゃょ";
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        for (int w = 4; w <= 24; ++w) {
            const Setup s{.measure = static_cast<double>(w),
                          .mode = mode,
                          .strictness = Strictness::kVeryStrict};
            const auto r = run(kGuide, s);
            check_invariants(r, s);
            for (std::size_t i = 1; i < r.lines.size(); ++i) {
                const char32_t first = r.clusters[r.lines[i].begin].first_cp;
                INFO("measure " << w << " line " << i << ": " << r.texts[i]);
                CHECK(banned.find(first) == std::u32string::npos);
            }
            for (std::size_t i = 0; i + 1 < r.lines.size(); ++i) {
                const char32_t last = r.clusters[r.lines[i].end - 1].first_cp;
                INFO("measure " << w << " line " << i << ": " << r.texts[i]);
                CHECK(last != U'「');
                CHECK(last != U'（');
            }
        }
    }
}

TEST_CASE("small kana and ー may start a line at strict but not at very strict",
          "[linebreak][kinsoku]") {
    const std::string text = "あいうえおかきくけきょうのコーヒー";
    CHECK(break_text(text, {.strictness = Strictness::kStrict}) ==
          Lines{"あいうえおかきくけき", "ょうのコーヒー"});
    CHECK(break_text(text, {.strictness = Strictness::kVeryStrict}) ==
          Lines{"あいうえおかきくけ", "きょうのコーヒー"});
    const std::string bar = "あいうえおかきくけコーヒー";
    CHECK(break_text(bar, {.strictness = Strictness::kStrict}) ==
          Lines{"あいうえおかきくけコ", "ーヒー"});
    CHECK(break_text(bar, {.strictness = Strictness::kVeryStrict}) ==
          Lines{"あいうえおかきくけ", "コーヒー"});
}

TEST_CASE("very loose lets ！ start a line, stricter levels push it out", "[linebreak][kinsoku]") {
    const std::string text = "あいうえおかきくけこ！さし";
    CHECK(break_text(text, {.strictness = Strictness::kVeryLoose}) ==
          Lines{"あいうえおかきくけこ", "！さし"});
    CHECK(break_text(text, {.strictness = Strictness::kLoose}) ==
          Lines{"あいうえおかきくけ", "こ！さし"});
}

TEST_CASE("two identical inseparables stay together except at loose", "[linebreak][kinsoku]") {
    const std::string text = "あいうえおかきくけ……と";
    CHECK(break_text(text, {}) == Lines{"あいうえおかきくけ", "……と"});
    CHECK(break_text(text, {.strictness = Strictness::kLoose}) ==
          Lines{"あいうえおかきくけ…", "…と"});
    // An em dash followed by an ellipsis is breakable.
    CHECK(break_text("あいうえおかきくけ—…と", {}) == Lines{"あいうえおかきくけ—", "…と"});
}

TEST_CASE("no line ends with an opening bracket", "[linebreak][kinsoku]") {
    // 「 fits line 1 but may not end it: it moves down (追い出し) and line 1 stretches.
    const auto r = run("あいうえおかきくけ「こさ」しす", {});
    CHECK(r.texts == Lines{"あいうえおかきくけ", "「こさ」しす"});
    // At a continuation-line start the opening bracket is set flush (天付き): its blank half
    // hangs before the line start.
    CHECK(r.lines[1].x[0] == pt(-5));
    CHECK(r.lines[1].x[1] == pt(5));
}

// Where a URL or e-mail address was broken in `joined` (lines joined with \n): only after a
// slash or before a dot, and the characters themselves unchanged.
void check_token_breaks(const std::string& joined, const std::string& token) {
    std::string flat;
    std::vector<std::size_t> breaks;  // index into flat of the character after each break
    const auto start = joined.find(token.substr(0, 4));
    REQUIRE(start != std::string::npos);
    for (std::size_t i = start; i < joined.size() && flat.size() < token.size(); ++i) {
        if (joined[i] == '\n') breaks.push_back(flat.size());
        else flat += joined[i];
    }
    CHECK(flat == token);
    for (const std::size_t b : breaks) {
        INFO(token << " broken before index " << b);
        CHECK((token[b - 1] == '/' || token[b] == '.'));
    }
}

TEST_CASE("numbers, prices, phone numbers, URLs and words are never split", "[linebreak][words]") {
    const std::vector<std::string> tokens = {"¥1,200",
                                             "50%",
                                             "0463-00-1234",
                                             "11:30",
                                             "3,000円",
                                             "Wi-Fi",
                                             "（１，５００円）"};
    const std::string text =
        "価格は¥1,200で、割引は50%です。電話は0463-00-1234、開店は11:30。"
        "https://example.jp/nagisaを参照。問い合わせはinfo@nagisa.example.jpまで。"
        "お会計は3,000円ほど。Wi-Fiあり。定食（１，５００円）もある。";
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        for (int w = 3; w <= 20; ++w) {
            const Setup s{.measure = static_cast<double>(w), .mode = mode};
            const auto r = run(text, s);
            check_invariants(r, s);
            std::string joined;
            for (const auto& t : r.texts) joined += t + "\n";
            INFO("measure " << w << ": " << joined);
            for (const auto& tok : tokens) CHECK(joined.find(tok) != std::string::npos);
            // URLs and e-mail addresses break, if they must, only after / or before .
            check_token_breaks(joined, "https://example.jp/nagisa");
            check_token_breaks(joined, "info@nagisa.example.jp");
        }
    }
}

TEST_CASE("an overlong URL breaks only after a slash or before a dot", "[linebreak][words]") {
    // 5 pt per Latin character: the measure of 10 zw holds 20 of them.
    const std::string text = "あいうhttps://example.jp/a/very/long/path/indeedえおか";
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run(text, {.measure = 10, .mode = mode});
        REQUIRE(r.texts.size() == 4);
        CHECK(r.texts[0] == "あいうhttps://");
        CHECK(r.texts[1] == "example.jp/a/very/");
        std::string joined;
        for (const auto& t : r.texts) joined += t + "\n";
        check_token_breaks(joined, "https://example.jp/a/very/long/path/indeed");
        for (const auto& line : r.lines) CHECK(line.width <= pt(100));
    }
    // A URL that fits is not broken when the lines around it set well without it.
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("漢字漢字漢字漢字漢字https://ex.jp/a漢字", {.measure = 10, .mode = mode});
        CHECK(r.texts == Lines{"漢字漢字漢字漢字漢字", "https://ex.jp/a漢字"});
    }
    // A token with no slash or dot (a handle, a phone number) overflows on its own line.
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("あいう@hiratsuka_good_food_clubえおか", {.measure = 10, .mode = mode});
        CHECK(r.texts == Lines{"あいう", "@hiratsuka_good_food_club", "えおか"});
        CHECK(r.lines[1].rule == Rule::kOverfull);
        CHECK(r.lines[2].rule == Rule::kLast);
    }
    // A measure narrower than one character: every cluster overflows alone, nothing loops.
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("あいう", {.measure = 0.5, .mode = mode});
        CHECK(r.texts == Lines{"あ", "い", "う"});
        CHECK(r.lines[0].rule == Rule::kOverfull);
    }
}

TEST_CASE("Western text breaks at spaces, dropping them at the line end", "[linebreak][words]") {
    // 5 pt per character; measure 6 zw = 12 characters.
    const auto r = run("This is a pen and that is a book", {.measure = 6});
    CHECK(r.texts == Lines{"This is a", "pen and that", "is a book"});
    CHECK(r.lines[0].width == pt(60));
    // The trailing space sits at the line end with no width; the words spread over 2 spaces.
    CHECK(r.lines[0].x.back() == pt(60));
    CHECK(r.lines[0].x[5] == pt(32.5));  // "is": 15 pt of stretch over two spaces
    CHECK(r.lines[1].x[0] == pt(0));     // no space at the line start
    CHECK(r.lines[2].width == pt(45));   // last line natural
    CHECK(r.lines[2].rule == Rule::kLast);
}

TEST_CASE("word spaces shrink to pull a word in", "[linebreak][words]") {
    // "a b c d e f g" is 65 pt; six spaces can give 1.25 pt each (⅓ → ¼ em), so g is pulled in.
    const auto r = run("a b c d e f g h", {.measure = 6});
    CHECK(r.texts == Lines{"a b c d e f g", "h"});
    CHECK(r.lines[0].rule == Rule::kPushIn);
    CHECK(r.lines[0].width == pt(60));
    CHECK(r.lines[0].x[12] == pt(55));
    CHECK(r.lines[0].ratio == Approx(-5.0 / 7.5));
}

TEST_CASE("a quarter em separates Japanese and a Western word", "[linebreak][spacing]") {
    const auto r = run("漢字ABC漢字", {.measure = 20});
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].natural == pt(20 + 2.5 + 15 + 2.5 + 20));
    CHECK(r.lines[0].x[2] == pt(22.5));
    CHECK(r.lines[0].x[5] == pt(40));
    // None at a line start or end: the Western word starts line 2 flush.
    const auto r2 = run("漢字漢字漢字漢字ABCD", {.measure = 8});
    CHECK(r2.texts == Lines{"漢字漢字漢字漢字", "ABCD"});
    CHECK(r2.lines[1].x[0] == pt(0));
    CHECK(r2.lines[1].width == pt(20));
}

TEST_CASE("consecutive punctuation collapses to a half em", "[linebreak][spacing]") {
    struct Row {
        std::string text;
        double natural;  // pt, last line at natural width
    };
    // clang-format off
    const std::vector<Row> table = {
        {"あ」「い", 35},   // 」「: ½ + ½ + ½ = 1.5 zw
        {"あ。」い", 35},   // 。」: the ½ em after 。 goes
        {"あ」。い", 35},   // 」。: the ½ em after 」 goes
        {"あ（「い", 35},   // （「: set solid, ½ em before the first
        {"あ」）い", 35},   // 」）: set solid, ½ em after the last
        {"あ、「い", 35},   // 、「: ½ em between
        {"あ。「い", 35},   // 。「: ½ em between
        {"あ・い", 30},     // ・: ¼ + ¼
        {"あ」・い", 35},   // 」・: ¼ em between
        {"あ・「い", 35},   // ・「: ¼ em between
        {"あ、・い", 40},   // 、・: ½ + ¼
        {"あ。", 20},       // 。 at the paragraph end keeps its ½ em
        {"あ」", 15},       // 」 at a line end is set solid
        {"あ、", 15},       // 、 at a line end is set solid
    };
    // clang-format on
    for (const Row& row : table) {
        INFO(row.text);
        const auto r = run(row.text, {.measure = 20});
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0].natural == pt(row.natural));
        CHECK(r.lines[0].width == pt(row.natural));
    }
    // Pen positions for 」「: 「's blank half overlaps the aki after 」.
    const auto r = run("あ」「い", {.measure = 20});
    CHECK(r.lines[0].x == std::vector<Length>{pt(0), pt(10), pt(15), pt(25)});
}

TEST_CASE("justified lines end exactly at the measure, the last line is natural",
          "[linebreak][justify]") {
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        for (const double w : {7.0, 9.3, 12.0, 13.7, 17.25, 21.0}) {
            const Setup s{.measure = static_cast<double>(w), .indent = 1, .mode = mode};
            const auto r = run(kGuide, s);
            INFO("measure " << w);
            check_invariants(r, s);
            // The last line is natural, unless it overflows and was squeezed to the measure.
            const auto& last = r.lines.back();
            CHECK(last.width == min(last.natural, pt(10 * w)));
            // The pen positions never go backwards by more than a squeezed blank half.
            for (const auto& line : r.lines) {
                for (std::size_t k = 1; k < line.x.size(); ++k) {
                    CHECK(line.x[k].sp >= line.x[k - 1].sp - 5 * kPt);
                }
            }
        }
    }
}

TEST_CASE("the first-line indent shortens line 1 only", "[linebreak][justify]") {
    const auto r = run("あいうえおかきくけこさしすせそたちつてと", {.indent = 1});
    CHECK(r.texts == Lines{"あいうえおかきくけ", "こさしすせそたちつて", "と"});
    CHECK(r.lines[0].x[0] == pt(10));
    CHECK(r.lines[0].width == pt(100));
    CHECK(r.lines[1].x[0] == pt(0));
    // An opening bracket at the paragraph start keeps its half em after the indent.
    const auto q = run("「あ」と", {.indent = 1});
    CHECK(q.lines[0].x[0] == pt(10));
    CHECK(q.lines[0].x[1] == pt(20));
}

TEST_CASE("shrinking follows the JLREQ order", "[linebreak][justify]") {
    // Line 1 needs 5 pt less: the line-end 。 gives its ½ em first; the mid-line 、 keeps its aki.
    const auto r = run("あいう、えおかきく」。さし", {});
    CHECK(r.texts == Lines{"あいう、えおかきく」。", "さし"});
    CHECK(r.lines[0].rule == Rule::kPushIn);
    CHECK(r.lines[0].natural == pt(105));
    CHECK(r.lines[0].x[4] == pt(40));  // え after a full-width 、
    CHECK(r.lines[0].x[10] == pt(95));
    CHECK(r.lines[0].ratio == Approx(-0.5));
    // ・ (¼ + ¼) goes before the ½ em after 、: line needs 5 pt.
    const auto d = run("あい・うえお、かきく」け", {});
    CHECK(d.texts == Lines{"あい・うえお、かきく」", "け"});
    CHECK(d.lines[0].rule == Rule::kPushIn);
    CHECK(d.lines[0].x[2] == pt(17.5));  // ・ pen moved ¼ em left
    CHECK(d.lines[0].x[3] == pt(25));
    CHECK(d.lines[0].x[7] == pt(65));  // 、 and か untouched
    // The ½ em after a mid-line 。 is never reduced: nothing else to shrink, so push out.
    const auto s = run("あいう。えおかきくけ」さし", {});
    CHECK(s.texts == Lines{"あいう。えおかきく", "け」さし"});
    CHECK(s.lines[0].rule == Rule::kPushOut);
}

TEST_CASE("stretching uses word spaces, then Japanese–Western aki, then kana gaps",
          "[linebreak][justify]") {
    // か fills the line but 」 may not start the next: push-in would need 5 pt of 3.75, so お
    // ends line 1 (natural 90 pt). The 10 pt go: space +2.5 (to ½ em), the two Japanese–Western
    // gaps +2.5 each (to ½ em), then 2.5 pt over the three kana gaps, rounded to end flush.
    const auto r = run("あいABC DEFうえおか」きく", {});
    REQUIRE(r.texts.size() == 2);
    CHECK(r.texts[0] == "あいABC DEFうえお");
    CHECK(r.lines[0].natural == pt(90));
    CHECK(r.lines[0].rule == Rule::kPushOut);
    const auto& x = r.lines[0].x;
    const Length third = Length::from_sp(pt(2.5).sp / 3);  // 54613 sp
    CHECK(x[1] == pt(10) + third);
    CHECK(x[2] == x[1] + pt(15));   // い, then ¼ + ¼ em
    CHECK(x[5] == x[2] + pt(15));   // inside ABC nothing stretches
    CHECK(x[6] == x[5] + pt(7.5));  // the word space at ½ em
    CHECK(x[9] == x[6] + pt(20));   // DEF, then ½ em
    CHECK(x[10] == x[9] + pt(10) + third);
    CHECK(x[11] == x[10] + pt(10) + third + Length::from_sp(1));
    CHECK(x[11] + pt(10) == pt(100));
    CHECK(r.lines[0].width == pt(100));
}

TEST_CASE("hanging punctuation sits past the measure", "[linebreak][hang]") {
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        const auto r = run("あいうえおかきくけこ。さしすせそ", {.mode = mode, .hang = true});
        CHECK(r.texts == Lines{"あいうえおかきくけこ。", "さしすせそ"});
        CHECK(r.lines[0].rule == Rule::kHang);
        CHECK(r.lines[0].x[10] == pt(100));
        CHECK(r.lines[0].width == pt(100));
        const auto no = run("あいうえおかきくけこ。さしすせそ", {.mode = mode});
        CHECK(no.texts == Lines{"あいうえおかきくけ", "こ。さしすせそ"});
        CHECK(no.lines[0].rule == Rule::kPushOut);
    }
}

TEST_CASE("optimal breaking avoids a one- or two-character last line", "[linebreak][optimal]") {
    const std::string text = "あいうえおかきくけこさしすせそたちつてとな。";
    const auto g = run(text, {.mode = Mode::kGreedy});
    CHECK(g.texts == Lines{"あいうえおかきくけこ", "さしすせそたちつてと", "な。"});
    const auto o = run(text, {.mode = Mode::kOptimal});
    CHECK(o.texts == Lines{"あいうえおかきくけこ", "さしすせそたちつて", "とな。"});
    check_invariants(o, {.mode = Mode::kOptimal});
}

TEST_CASE("ragged (start-aligned) lines keep natural spacing", "[linebreak][align]") {
    const Setup s{.align = Align::kStart};
    const auto r = run("あいうえおかきくけこ」さしす", s);
    CHECK(r.texts == Lines{"あいうえおかきくけ", "こ」さしす"});
    CHECK(r.lines[0].width == pt(90));
    CHECK(r.lines[0].ratio == 0);
    CHECK(r.lines[0].rule == Rule::kPushOut);
    check_invariants(r, s);
}

TEST_CASE("a sentence space after ！ is dropped at a line edge", "[linebreak][spacing]") {
    const auto r = run("あいうえおかきくけ！　さしす", {});
    CHECK(r.texts == Lines{"あいうえおかきくけ！　", "さしす"});
    CHECK(r.lines[0].width == pt(100));
    CHECK(r.lines[0].rule == Rule::kNone);
    CHECK(r.lines[1].x[0] == pt(0));
}

TEST_CASE("prices stay whole and take a quarter em from kana", "[linebreak][spacing]") {
    const auto r = run("しらす丼¥1,200です", {.measure = 20});
    REQUIRE(r.lines.size() == 1);
    // 40 + 2.5 + 30 (¥1,200) + 2.5 + 20
    CHECK(r.lines[0].natural == pt(95));
    CHECK(r.lines[0].x[4] == pt(42.5));
}

TEST_CASE("degenerate input", "[linebreak]") {
    CHECK(lb::break_paragraph({}, lb::BreakParams{}).empty());
    const auto one = run("あ", {});
    CHECK(one.texts == Lines{"あ"});
    CHECK(one.lines[0].rule == Rule::kLast);
    const auto spaces = run("   ", {});
    CHECK(spaces.lines.size() == 1);
    const auto lead = run("  あい", {});
    CHECK(lead.lines[0].x == std::vector<Length>{pt(0), pt(0), pt(0), pt(10)});
}

TEST_CASE("random paragraphs keep every invariant", "[linebreak][random]") {
    // clang-format off
    const std::vector<std::string> pieces = {
        "あ", "漢", "カ", "ー", "っ", "々", "。", "、", "「", "」", "（", "）", "・", "：", "！", "？",
        "〜", "…", "……", "——", "　", " ", "A", "word", "¥1,200", "50%", "https://x.jp/a", "3,000円",
        "１２", "％", "￥", "’", "“", "(", ")", ",", "!", "ｱ", "。」", "」「", "、「"};
    // clang-format on
    std::mt19937 rng(20240601);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    for (int round = 0; round < 400; ++round) {
        std::string text;
        const std::size_t len = 1 + pick(60);
        for (std::size_t k = 0; k < len; ++k) text += pieces[pick(pieces.size())];
        const Setup s{.measure = 1 + static_cast<double>(pick(120)) / 4,
                      .indent = static_cast<double>(pick(2)),
                      .mode = pick(2) ? Mode::kOptimal : Mode::kGreedy,
                      .strictness = static_cast<Strictness>(pick(4)),
                      .align = pick(4) ? Align::kJustify : Align::kStart,
                      .hang = pick(3) == 0};
        INFO(text << " measure " << s.measure);
        const auto r = run(text, s);
        check_invariants(r, s);
        for (std::size_t i = 1; i < r.lines.size(); ++i) {
            const char32_t cp = r.clusters[r.lines[i].begin].first_cp;
            INFO("line " << i << ": " << r.texts[i]);
            const auto why = r.gaps[r.lines[i].begin - 1].why;
            CHECK((why == lb::BreakWhy::kAllowed || why == lb::BreakWhy::kTokenBreak));
            if (why == lb::BreakWhy::kTokenBreak) continue;  // before a dot inside a URL
            CHECK_FALSE(lb::line_start_prohibited(lb::classify(cp), cp, s.strictness));
            std::size_t last = r.lines[i - 1].end - 1;  // the last cluster that is not a space
            while (last > r.lines[i - 1].begin && r.clusters[last].first_cp == U' ') --last;
            CHECK_FALSE(lb::line_end_prohibited(lb::classify(r.clusters[last].first_cp)));
        }
    }
}

TEST_CASE("optimal breaking of a long paragraph is fast", "[.bench][linebreak]") {
    std::string para;
    while (para.size() < 3 * 400) para += kGuide;
    auto clusters = clusters_of(para);
    clusters.resize(400);
    lb::BreakParams p;
    p.measure = pt(10 * 24);
    p.em = pt(10);
    p.first_indent = pt(10);
    for (const Mode mode : {Mode::kGreedy, Mode::kOptimal}) {
        p.mode = mode;
        constexpr int kRuns = 2000;
        std::size_t lines = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < kRuns; ++i) lines += lb::break_paragraph(clusters, p).size();
        const auto t1 = std::chrono::steady_clock::now();
        const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / kRuns;
        std::printf("%s: 400 clusters, %zu lines, %.1f us per paragraph\n",
                    mode == Mode::kGreedy ? "greedy " : "optimal", lines / kRuns, us);
    }
    SUCCEED();
}

}  // namespace
