// linebreak/: JLREQ character classes (cl-01 … cl-30) and the line-start / line-end
// prohibitions as data plus small pure functions (JLREQ §3.1 and Appendix A; JIS X 4051).
#pragma once
#include <cstdint>

namespace shokuhon::linebreak {

enum class JisClass : std::uint8_t {
    kOpeningBracket = 1,   // cl-01 「（『【
    kClosingBracket = 2,   // cl-02 」）』】
    kHyphen = 3,           // cl-03 ‐ 〜
    kDividingPunct = 4,    // cl-04 ？！
    kMiddleDot = 5,        // cl-05 ・：；
    kFullStop = 6,         // cl-06 。．
    kComma = 7,            // cl-07 、，
    kInseparable = 8,      // cl-08 — … ‥
    kIterationMark = 9,    // cl-09 々ゝゞヽヾ
    kProlongedSound = 10,  // cl-10 ー
    kSmallKana = 11,       // cl-11 ぁっゃ…
    kPrefixedAbbr = 12,    // cl-12 ￥＄
    kPostfixedAbbr = 13,   // cl-13 ％℃
    kIdeographicSpace = 14,// cl-14 U+3000
    kHiragana = 15,        // cl-15
    kKatakana = 16,        // cl-16
    kMathSymbol = 17,      // cl-17
    kMathOperator = 18,    // cl-18
    kIdeographic = 19,     // cl-19 kanji, full-width Latin and digits
    kGroupedNumeral = 24,  // cl-24 half-width digits (and their . , inside a number)
    kUnitSymbol = 25,      // cl-25
    kWesternSpace = 26,    // cl-26
    kWestern = 27,         // cl-27 proportional Latin and Western punctuation
};

enum class Strictness { kVeryStrict, kStrict, kLoose, kVeryLoose };

JisClass classify(char32_t cp);

// JLREQ §3.1.7 (行頭禁則): may a character of this class begin a line?
bool line_start_prohibited(JisClass c, char32_t cp, Strictness s);
// JLREQ §3.1.8 (行末禁則): may a character of this class end a line?
bool line_end_prohibited(JisClass c);

}  // namespace shokuhon::linebreak
