// linebreak/detail: Western punctuation that behaves like brackets at a break. Not in JLREQ,
// which treats a Western run as one word; without it "すごい!" could break before the "!" and
// "(注)" after the "(". Follows UAX #14 (classes OP, CL, EX, IS, QU).
#pragma once
#include <string_view>

namespace shokuhon::linebreak::detail {

// Never at a line end; no Japanese–Western aki after it.
inline constexpr std::u32string_view kWesternOpening = U"([{\u2018\u201C";
// Never at a line start; no Japanese–Western aki before it.
inline constexpr std::u32string_view kWesternClosing = U")]}!?,.:;\u2019\u201D";

inline bool contains(std::u32string_view set, char32_t cp) { return set.find(cp) != set.npos; }

}  // namespace shokuhon::linebreak::detail
