#include "linebreak/detail/tokens.h"

namespace shokuhon::linebreak::detail {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_alnum(char32_t c) {
    return is_digit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// A phone number: digits in groups joined by hyphens (0463-00-1234, 090-1234-5678,
// +81-463-00-1234) or a bare run of ten or more digits; a price (1,200) or a time (11:30) is not.
bool is_phone(std::u32string_view s) {
    std::size_t digits = 0, hyphens = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (is_digit(c)) ++digits;
        else if (c == U'-') ++hyphens;
        else if (!(c == U'+' && i == 0) && c != U'(' && c != U')') return false;
    }
    return digits >= 6 && (hyphens >= 2 || digits >= 10);
}

// Latin letters, also accented ones (Latin-1 and Latin Extended-A/B).
bool is_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

std::size_t count_letters(std::u32string_view s) {
    std::size_t n = 0;
    for (const char32_t c : s) n += is_letter(c) ? 1 : 0;
    return n;
}

}  // namespace

TokenKind classify_token(std::u32string_view s) {
    if (s.find(U"://") != s.npos || s.substr(0, 4) == U"www.") return TokenKind::kUrl;
    const std::size_t at = s.find(U'@');
    if (at != s.npos && at > 0 && s.find(U'.', at) != s.npos) return TokenKind::kEmail;
    if (s.size() > 1 && (s[0] == U'@' || s[0] == U'#') && is_alnum(s[1])) return TokenKind::kHandle;
    if (is_phone(s)) return TokenKind::kPhone;
    return TokenKind::kWord;
}

bool token_break_after(std::u32string_view s, std::size_t k, TokenKind kind) {
    if (k + 1 >= s.size()) return false;
    const char32_t a = s[k], b = s[k + 1];
    // A compound word breaks after its own hyphen, between letters ("Châteauneuf-|du-Pape"),
    // with nothing inserted: JLREQ 3.1.10 allows Western words to break at hyphenation points.
    // As TeX's \lefthyphenmin and \righthyphenmin: three letters at least on either side, so
    // that "Wi-Fi" stays whole.
    if (kind == TokenKind::kWord) {
        return a == U'-' && is_letter(b) && k > 0 && is_letter(s[k - 1]) &&
               count_letters(s.substr(0, k)) >= 3 && count_letters(s.substr(k + 1)) >= 3;
    }
    if (kind != TokenKind::kUrl && kind != TokenKind::kEmail) return false;  // handles, phones
    // After a slash, once the run of slashes is over ("https://" breaks after both).
    if (a == U'/' && b != U'/') return kind == TokenKind::kUrl;
    // Before a dot inside a name ("example" | ".jp"); a dot that ends the run is punctuation.
    return b == U'.' && is_alnum(a) && k + 2 < s.size() && is_alnum(s[k + 2]);
}

}  // namespace shokuhon::linebreak::detail
