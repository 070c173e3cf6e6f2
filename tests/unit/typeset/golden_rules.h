// tests/unit/typeset: the rules every composed paragraph must obey, checked from its lines'
// text (as kinsoku-scan reads a PDF) rather than from the breaker's own model:
// - no line starts with a closing bracket, 、。，．, ！？ (and, at very-strict, small kana, ー, 々);
// - no line but the last ends with an opening bracket;
// - a paragraph of several lines ends with a line of at least three characters;
// - URLs and e-mail addresses break only after / or before ., handles and phone numbers never;
// - every justified line but the last ends at the measure (unless overfull or all URL).
#pragma once
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "compose/text.h"
#include "shape/shape.h"

namespace shokuhon::test {

inline std::u32string u32(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out += shape::decode_utf8(s, i);
    return out;
}

inline std::vector<std::u32string> line_texts(const compose::Composition& c) {
    std::vector<std::u32string> out;
    for (const auto& l : c.lines) {
        const auto b = c.shaped.clusters[l.begin].text_begin, e = c.shaped.clusters[l.end - 1].text_end;
        std::u32string t = u32(std::string_view(c.text).substr(b, e - b));
        while (!t.empty() && (t.back() == U' ' || t.back() == U'\u3000')) t.pop_back();
        out.push_back(t);
    }
    return out;
}

// Where the ASCII run [b, e) of the paragraph was broken: its positions after which a line ended.
inline void check_token(const std::u32string& run, const std::vector<std::size_t>& breaks_after) {
    const bool url = run.find(U"://") != run.npos || run.rfind(U"www.", 0) == 0;
    const bool mail = run.find(U'@') != run.npos && run.find(U'@') > 0 && run.find(U'.', run.find(U'@')) != run.npos;
    bool phone = run.size() >= 8;
    for (const char32_t c : run) phone = phone && ((c >= U'0' && c <= U'9') || c == U'-');
    const bool handle = run.size() > 1 && (run[0] == U'@' || run[0] == U'#');
    for (const std::size_t k : breaks_after) {
        INFO("token broken after index " << k);
        if (url || mail) CHECK((run[k] == U'/' || (k + 1 < run.size() && run[k + 1] == U'.')));
        else CHECK_FALSE((phone || handle));
    }
}

inline void check_tokens(const std::vector<std::u32string>& lines) {
    std::u32string all;
    std::vector<std::size_t> ends;  // index into `all` where each line ends
    for (const auto& l : lines) {
        all += l;
        ends.push_back(all.size());
    }
    for (std::size_t i = 0; i < all.size();) {
        if (all[i] <= U' ' || all[i] > U'~') {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < all.size() && all[e] > U' ' && all[e] <= U'~') ++e;
        std::vector<std::size_t> at;
        for (const std::size_t end : ends) {
            if (end > i && end < e) at.push_back(end - 1 - i);
        }
        check_token(all.substr(i, e - i), at);
        i = e;
    }
}

inline void check_rules(const compose::Composition& c, bool allow_short_last) {
    // JLREQ: ！？ may start a line only at the very loose level.
    const std::u32string hard = c.params.strictness == linebreak::Strictness::kVeryLoose
                                    ? U"、。，．）」』】〕〉》］｝"
                                    : U"、。，．）」』】〕〉》］｝！？";
    static const std::u32string strict = U"ーゃゅょっぁぃぅぇぉゎャュョッァィゥェォヮヵヶ々ゝゞヽヾ";
    static const std::u32string opening = U"「『（【〔〈《［｛";
    const auto lines = line_texts(c);
    const bool very_strict = c.params.strictness == linebreak::Strictness::kVeryStrict;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& t = lines[i];
        INFO("line " << i + 1);
        REQUIRE_FALSE(t.empty());
        if (i > 0) {
            CHECK(hard.find(t.front()) == std::u32string::npos);
            if (very_strict) CHECK(strict.find(t.front()) == std::u32string::npos);
        }
        if (i + 1 < lines.size()) CHECK(opening.find(t.back()) == std::u32string::npos);
        const auto& l = c.lines[i];
        const bool justify = c.params.align == linebreak::Align::kJustify;
        if (justify && i + 1 < lines.size() && l.rule != linebreak::Rule::kOverfull && !std::isinf(l.ratio)) {
            CHECK(l.width == c.params.measure);
        }
    }
    if (lines.size() > 1 && !allow_short_last) CHECK(lines.back().size() >= 3);
    check_tokens(lines);
}

}  // namespace shokuhon::test
