// libFuzzer target: the PDF content stream lexer (finish/content_lexer.h) that the print pass
// and preflight read every page with, including pages of PDFs from elsewhere (`shokuhon
// preflight`). Any bytes are a stream. Checked after each run: every token lies inside the
// data, tokens come in order without overlapping, the lexer ends, and a number token's text
// reads as that number.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "finish/content_lexer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using shokuhon::finish::ContentLexer;
    using shokuhon::finish::ContentToken;
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    ContentLexer lex(s);
    std::size_t last_end = 0, tokens = 0;
    for (ContentToken t = lex.next(); t.kind != ContentToken::kEnd; t = lex.next()) {
        if (t.begin < last_end || t.end < t.begin || t.end > s.size()) std::abort();
        if (t.text.data() != s.data() + t.begin || t.text.size() != t.end - t.begin) std::abort();
        if (t.kind != ContentToken::kInlineData && t.text.empty()) std::abort();  // no progress
        if (t.kind == ContentToken::kName) (void)shokuhon::finish::name_value(t.text);
        if (t.kind == ContentToken::kNumber) {
            std::string_view body = t.text.substr(t.text[0] == '+' ? 1 : 0);
            double again = 0;
            std::from_chars(body.data(), body.data() + body.size(), again);
            if (again != t.number) std::abort();
        }
        last_end = t.end;
        if (++tokens > size + 1) std::abort();  // every token but inline data takes a byte
    }
    if (lex.next().kind != ContentToken::kEnd) std::abort();  // the end stays the end
    return 0;
}
