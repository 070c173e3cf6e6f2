// linebreak/: protected tokens (URLs, e-mail addresses, handles, phone numbers) and the one-em
// space after a mid-paragraph ？！ (jlreq.md §3), with synthetic widths (1 zw = 10 pt, ASCII 5 pt).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "linebreak/break.h"
#include "linebreak/detail/tokens.h"

namespace {

namespace lb = shokuhon::linebreak;
using shokuhon::Length;

std::vector<lb::Cluster> clusters_of(const std::u32string& s) {
    std::vector<lb::Cluster> out;
    std::uint32_t pos = 0;
    for (const char32_t cp : s) {
        lb::Cluster c;
        c.first_cp = c.last_cp = cp;
        c.advance = Length::from_pt(cp < 0x2000 ? 5 : 10);
        c.text_begin = pos;
        c.text_end = ++pos;
        out.push_back(c);
    }
    return out;
}

lb::BreakParams params(double measure_zw) {
    lb::BreakParams p;
    p.measure = Length::from_pt(10 * measure_zw);
    p.em = Length::from_pt(10);
    return p;
}

}  // namespace

TEST_CASE("Western runs are classified as URL, e-mail, handle, phone or word", "[linebreak][tokens]") {
    using lb::detail::TokenKind;
    using lb::detail::classify_token;
    CHECK(classify_token(U"https://example.jp/a") == TokenKind::kUrl);
    CHECK(classify_token(U"www.hiratsuka.jp") == TokenKind::kUrl);
    CHECK(classify_token(U"info@nagisa.example.jp") == TokenKind::kEmail);
    CHECK(classify_token(U"@hiratsuka_good") == TokenKind::kHandle);
    CHECK(classify_token(U"#hiratsukagood") == TokenKind::kHandle);
    CHECK(classify_token(U"0463-00-1234") == TokenKind::kPhone);
    CHECK(classify_token(U"+81-463-00-1234") == TokenKind::kPhone);
    CHECK(classify_token(U"0120123456") == TokenKind::kPhone);
    CHECK(classify_token(U"1,200") == TokenKind::kWord);
    CHECK(classify_token(U"11:30") == TokenKind::kWord);
    CHECK(classify_token(U"Wi-Fi") == TokenKind::kWord);
    CHECK(classify_token(U"2024-25") == TokenKind::kWord);
}

TEST_CASE("URLs break only after a slash or before a dot, handles and phones never",
          "[linebreak][tokens]") {
    using lb::detail::TokenKind;
    using lb::detail::token_break_after;
    const std::u32string url = U"https://ex.jp/a/b";
    std::vector<std::size_t> at;
    for (std::size_t k = 0; k + 1 < url.size(); ++k) {
        if (token_break_after(url, k, TokenKind::kUrl)) at.push_back(k);
    }
    CHECK(at == std::vector<std::size_t>{7, 9, 13, 15});  // after //, before .jp, after / and /
    const std::u32string mail = U"a.b@ex.co.jp";
    at.clear();
    for (std::size_t k = 0; k + 1 < mail.size(); ++k) {
        if (token_break_after(mail, k, TokenKind::kEmail)) at.push_back(k);
    }
    CHECK(at == std::vector<std::size_t>{0, 5, 8});  // before each inner dot
    CHECK_FALSE(token_break_after(U"@a.b", 1, TokenKind::kHandle));
    // A word breaks after its hyphen with three letters or more on either side.
    CHECK(token_break_after(U"Châteauneuf-du-Pape", 11, TokenKind::kWord));
    CHECK(token_break_after(U"Châteauneuf-du-Pape", 14, TokenKind::kWord));  // "…du-|Pape"
    CHECK_FALSE(token_break_after(U"Wi-Fi", 1, TokenKind::kWord));
    CHECK_FALSE(token_break_after(U"2024-25", 3, TokenKind::kWord));
    CHECK_FALSE(token_break_after(U"0463-00-1234", 3, TokenKind::kPhone));
}

TEST_CASE("describe_gaps names every inter-character decision", "[linebreak][tokens]") {
    const auto cl = clusters_of(U"あ「い」ー、0463-00-1234");
    auto p = params(40);
    p.strictness = lb::Strictness::kVeryStrict;
    const auto g = lb::describe_gaps(cl, p);
    REQUIRE(g.size() == cl.size());
    CHECK(g[0].why == lb::BreakWhy::kAllowed);          // あ|「
    CHECK(g[1].why == lb::BreakWhy::kEndProhibited);    // 「|い
    CHECK(g[2].why == lb::BreakWhy::kStartProhibited);  // い|」
    CHECK(g[3].why == lb::BreakWhy::kStartProhibited);  // 」|ー (very strict)
    CHECK(g[6].why == lb::BreakWhy::kUnbreakable);      // inside the phone number
    CHECK(g[6].protected_token);
    CHECK(g[6].stretch == Length{});
    CHECK(g.back().why == lb::BreakWhy::kParagraphEnd);
}

TEST_CASE("a mid-paragraph ！ before Japanese gets one em of glue, not a character",
          "[linebreak][spacing]") {
    const auto cl = clusters_of(U"うまい！また来たい");
    const auto lines = lb::break_paragraph(cl, params(20));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].natural == Length::from_pt(90 + 10));
    CHECK(lines[0].x[4] == Length::from_pt(50));  // ま after ！ and its one em
    const auto g = lb::describe_gaps(cl, params(20));
    CHECK(g[3].sentence_space);
    // None before a closing bracket, after an explicit U+3000, or at a line end.
    CHECK(lb::break_paragraph(clusters_of(U"「うまい！」と"), params(20))[0].natural ==
          Length::from_pt(70));
    CHECK(lb::break_paragraph(clusters_of(U"うまい！　また"), params(20))[0].natural ==
          Length::from_pt(70));
    // Nor before the quoting particles と and って: the ？！ is inside the sentence.
    CHECK(lb::break_paragraph(clusters_of(U"うまい！と評判"), params(20))[0].natural ==
          Length::from_pt(70));
    CHECK(lb::break_paragraph(clusters_of(U"えっ！？って"), params(20))[0].natural ==
          Length::from_pt(60));
    const auto end = lb::break_paragraph(clusters_of(U"あいうえおかきくけ！こさ"), params(10));
    REQUIRE(end.size() == 2);
    CHECK(end[0].width == Length::from_pt(100));
    CHECK(end[1].x[0] == Length{});
}
