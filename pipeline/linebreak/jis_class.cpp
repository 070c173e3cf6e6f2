#include "linebreak/jis_class.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "linebreak/detail/western_punct.h"

namespace shokuhon::linebreak {
namespace {

using C = JisClass;

struct Entry {
    char32_t cp;
    JisClass cls;
};

// Single code points, sorted. Members as listed in JLREQ Appendix A (jlreq.md §1); the ranges
// (kana, kanji, full-width Latin) are in classify() below.
// clang-format off
constexpr Entry kSingles[] = {
    {U'\t', C::kWesternSpace},         {U' ', C::kWesternSpace},
    {U'%', C::kPostfixedAbbr},         {U'\u00A2', C::kPostfixedAbbr},    // ¢
    {U'\u00A3', C::kPrefixedAbbr},     {U'\u00A5', C::kPrefixedAbbr},     // £ ¥
    {U'\u00B0', C::kPostfixedAbbr},    {U'\u00B1', C::kMathOperator},     // ° ±
    {U'\u00D7', C::kMathOperator},     {U'\u00F7', C::kMathOperator},     // × ÷
    {U'\u2010', C::kHyphen},           {U'\u2013', C::kHyphen},           // ‐ –
    {U'\u2014', C::kInseparable},      {U'\u2015', C::kInseparable},      // — ―
    {U'\u2018', C::kOpeningBracket},   {U'\u2019', C::kClosingBracket},   // ‘ ’
    {U'\u201C', C::kOpeningBracket},   {U'\u201D', C::kClosingBracket},   // “ ”
    {U'\u2025', C::kInseparable},      {U'\u2026', C::kInseparable},      // ‥ …
    {U'\u2030', C::kPostfixedAbbr},    {U'\u2032', C::kPostfixedAbbr},    // ‰ ′
    {U'\u2033', C::kPostfixedAbbr},    {U'\u203C', C::kDividingPunct},    // ″ ‼
    {U'\u2047', C::kDividingPunct},    {U'\u2048', C::kDividingPunct},    // ⁇ ⁈
    {U'\u2049', C::kDividingPunct},    {U'\u2103', C::kPostfixedAbbr},    // ⁉ ℃
    {U'\u2212', C::kMathOperator},     {U'\u2229', C::kMathSymbol},       // − ∩
    {U'\u222A', C::kMathSymbol},       {U'\u2252', C::kMathSymbol},       // ∪ ≒
    {U'\u2260', C::kMathSymbol},       {U'\u2261', C::kMathSymbol},       // ≠ ≡
    {U'\u2266', C::kMathSymbol},       {U'\u2267', C::kMathSymbol},       // ≦ ≧
    {U'\u2286', C::kMathSymbol},       {U'\u2287', C::kMathSymbol},       // ⊆ ⊇
    {U'\u3000', C::kIdeographicSpace}, {U'\u3001', C::kComma},            // 　 、
    {U'\u3002', C::kFullStop},         {U'\u3005', C::kIterationMark},    // 。 々
    {U'\u3008', C::kOpeningBracket},   {U'\u3009', C::kClosingBracket},   // 〈 〉
    {U'\u300A', C::kOpeningBracket},   {U'\u300B', C::kClosingBracket},   // 《 》
    {U'\u300C', C::kOpeningBracket},   {U'\u300D', C::kClosingBracket},   // 「 」
    {U'\u300E', C::kOpeningBracket},   {U'\u300F', C::kClosingBracket},   // 『 』
    {U'\u3010', C::kOpeningBracket},   {U'\u3011', C::kClosingBracket},   // 【 】
    {U'\u3014', C::kOpeningBracket},   {U'\u3015', C::kClosingBracket},   // 〔 〕
    {U'\u3016', C::kOpeningBracket},   {U'\u3017', C::kClosingBracket},   // 〖 〗
    {U'\u3018', C::kOpeningBracket},   {U'\u3019', C::kClosingBracket},   // 〘 〙
    {U'\u301A', C::kOpeningBracket},   {U'\u301B', C::kClosingBracket},   // 〚 〛
    {U'\u301C', C::kHyphen},           {U'\u301D', C::kOpeningBracket},   // 〜 〝
    {U'\u301F', C::kClosingBracket},   {U'\u3033', C::kInseparable},      // 〟 〳
    {U'\u3034', C::kInseparable},      {U'\u3035', C::kInseparable},      // 〴 〵
    {U'\u303B', C::kIterationMark},    {U'\u309D', C::kIterationMark},    // 〻 ゝ
    {U'\u309E', C::kIterationMark},    {U'\u30A0', C::kHyphen},           // ゞ ゠
    {U'\u30FB', C::kMiddleDot},        {U'\u30FC', C::kProlongedSound},   // ・ ー
    {U'\u30FD', C::kIterationMark},    {U'\u30FE', C::kIterationMark},    // ヽ ヾ
    {U'\uFF01', C::kDividingPunct},    {U'\uFF03', C::kPrefixedAbbr},     // ！ ＃
    {U'\uFF04', C::kPrefixedAbbr},     {U'\uFF05', C::kPostfixedAbbr},    // ＄ ％
    {U'\uFF08', C::kOpeningBracket},   {U'\uFF09', C::kClosingBracket},   // （ ）
    {U'\uFF0B', C::kMathOperator},     {U'\uFF0C', C::kComma},            // ＋ ，
    {U'\uFF0D', C::kMathOperator},     {U'\uFF0E', C::kFullStop},         // － ．
    {U'\uFF1A', C::kMiddleDot},        {U'\uFF1B', C::kMiddleDot},        // ： ；
    {U'\uFF1C', C::kMathSymbol},       {U'\uFF1D', C::kMathSymbol},       // ＜ ＝
    {U'\uFF1E', C::kMathSymbol},       {U'\uFF1F', C::kDividingPunct},    // ＞ ？
    {U'\uFF3B', C::kOpeningBracket},   {U'\uFF3D', C::kClosingBracket},   // ［ ］
    {U'\uFF5B', C::kOpeningBracket},   {U'\uFF5D', C::kClosingBracket},   // ｛ ｝
    {U'\uFF5E', C::kHyphen},           {U'\uFF5F', C::kOpeningBracket},   // ～ ｟
    {U'\uFF60', C::kClosingBracket},   {U'\uFF61', C::kFullStop},         // ｠ ｡
    {U'\uFF62', C::kOpeningBracket},   {U'\uFF63', C::kClosingBracket},   // ｢ ｣
    {U'\uFF64', C::kComma},            {U'\uFF65', C::kMiddleDot},        // ､ ･
    {U'\uFF70', C::kProlongedSound},   {U'\uFFE0', C::kPostfixedAbbr},    // ｰ ￠
    {U'\uFFE1', C::kPrefixedAbbr},     {U'\uFFE5', C::kPrefixedAbbr},     // ￡ ￥
};
// clang-format on

// cl-11 inside the kana blocks (JLREQ Appendix A, cl-11).
constexpr char32_t kSmallKana[] = {
    U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ゕ', U'ゖ',
    U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ',
};

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool is_small_kana(char32_t cp) {
    return std::find(std::begin(kSmallKana), std::end(kSmallKana), cp) != std::end(kSmallKana) ||
           in(cp, 0x31F0, 0x31FF) || in(cp, 0xFF67, 0xFF6F);
}

// Ideograph-like blocks: kanji, CJK symbols, enclosed and squared forms, arrows, shapes,
// dingbats and emoji. They are set full width on the em grid like kanji (cl-19).
bool is_ideographic_block(char32_t cp) {
    return in(cp, 0x2E80, 0x303F) || in(cp, 0x3100, 0x9FFF) || in(cp, 0xF900, 0xFAFF) ||
           in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFFEF) || in(cp, 0x2100, 0x21FF) ||
           in(cp, 0x2200, 0x22FF) || in(cp, 0x2300, 0x23FF) || in(cp, 0x2460, 0x27BF) ||
           in(cp, 0x2B00, 0x2BFF) || in(cp, 0x1F000, 0x1FAFF) || in(cp, 0x20000, 0x3FFFF);
}

}  // namespace

JisClass classify(char32_t cp) {
    const auto* it = std::lower_bound(std::begin(kSingles), std::end(kSingles), cp,
                                      [](const Entry& e, char32_t v) { return e.cp < v; });
    if (it != std::end(kSingles) && it->cp == cp) return it->cls;
    if (cp >= U'0' && cp <= U'9') return C::kGroupedNumeral;
    if (cp == U'\n' || cp == U'\r' || in(cp, 0x2002, 0x2006) || in(cp, 0x2008, 0x200B)) {
        return C::kWesternSpace;  // U+2007 (figure) and U+00A0 stay unbreakable: cl-27
    }
    if (in(cp, 0x3041, 0x309F)) return is_small_kana(cp) ? C::kSmallKana : C::kHiragana;
    if (in(cp, 0x30A0, 0x30FF) || in(cp, 0x31F0, 0x31FF) || in(cp, 0xFF66, 0xFF9F)) {
        return is_small_kana(cp) ? C::kSmallKana : C::kKatakana;
    }
    if (in(cp, 0x20A0, 0x20CF)) return C::kPrefixedAbbr;   // currency signs, like ￥ ＄
    if (is_ideographic_block(cp)) return C::kIdeographic;  // incl. full-width Latin FF10–FF5A
    return C::kWestern;  // ASCII letters and punctuation, Latin, Greek, Cyrillic, …
}

bool line_start_prohibited(JisClass c, char32_t cp, Strictness s) {
    // JLREQ 3.1.7 and the strictness levels of jlreq.md §2 (Addendum).
    switch (c) {
        case C::kClosingBracket:
        case C::kFullStop:
        case C::kComma: return true;  // prohibited at every level
        case C::kHyphen: return s < Strictness::kLoose;
        case C::kDividingPunct: return s < Strictness::kVeryLoose;
        case C::kMiddleDot:  // loose relaxes only ・; very loose all of cl-05
            if (s == Strictness::kVeryLoose) return false;
            return !(s == Strictness::kLoose && (cp == U'\u30FB' || cp == U'\uFF65'));
        case C::kIterationMark:  // strict and loose relax 々 only; very loose all of cl-09
            if (s == Strictness::kVeryLoose) return false;
            return !(s != Strictness::kVeryStrict && cp == U'\u3005');
        case C::kProlongedSound:
        case C::kSmallKana: return s == Strictness::kVeryStrict;
        case C::kWestern:  // deviation: Western closing punctuation (detail/western_punct.h)
            return detail::contains(detail::kWesternClosing, cp);
        default: return false;
    }
}

bool line_end_prohibited(JisClass c) {
    // JLREQ 3.1.8: cl-01 (and cl-28, warichu, which is not produced here).
    return c == C::kOpeningBracket;
}

}  // namespace shokuhon::linebreak
