// linebreak/detail: URLs, e-mail addresses, social handles and phone numbers inside a Western
// run. A guidebook prints hundreds of them; they are never hyphenated, spaced or altered. If one
// must break, it breaks only after a slash or before a dot, with nothing inserted (the issue's
// rule; JLREQ has none, it treats the run as one unbreakable Western word, 3.1.10).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shokuhon::linebreak::detail {

enum class TokenKind : std::uint8_t { kWord, kUrl, kEmail, kHandle, kPhone };

// What a Western run is, from its characters: "https://…" or "www.…" (URL), "a@b.c" (e-mail),
// "@name" or "#tag" (handle), "0463-00-1234" (phone). Anything else is a word or a number.
TokenKind classify_token(std::u32string_view run);

// Words and numbers are ordinary text; the other kinds are protected (never letter-spaced).
inline bool is_protected(TokenKind k) { return k != TokenKind::kWord; }

// May a URL or e-mail address break between run[k] and run[k + 1]? After a slash (but not
// inside "//"), or before a dot that follows a letter or digit; never elsewhere. A word may
// break after a hyphen between letters (Wi-|Fi); handles and phone numbers never break.
// All of these are last resorts: the breakers take them only to spare a line stretched past
// the JLREQ limits (greedy.cpp) or at a high penalty (optimal.cpp).
bool token_break_after(std::u32string_view run, std::size_t k, TokenKind kind);

}  // namespace shokuhon::linebreak::detail
