// finish/: the tokens of a PDF content stream (ISO 32000-1, 7.2 and 8.9.7), as views into the
// stream's bytes. The print pass rewrites colour operators with it and preflight walks pages
// with it: both only need operators and their plain operands, so nothing is built per token
// (qpdf's object parser allocates an object for every number of every TJ array).
// Never throws; malformed input gives kBad tokens and ends, it never reads past the data.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace shokuhon::finish {

struct ContentToken {
    enum Kind {
        kNumber,      // 12, -3.5, .25, +1
        kName,        // /F1 (text as written, with the slash and any #xx escapes)
        kString,      // (…) or <…>, delimiters included
        kArray,       // [ … ] as one operand, brackets included (nested arrays and dicts too)
        kDict,        // << … >> as one operand
        kKeyword,     // true, false, null: operands
        kOperator,    // anything else made of regular characters: rg, Tf, T*, ', "
        kInlineData,  // the bytes of an inline image, between ID and EI
        kBad,         // a stray ) > ] or an unterminated string; the lexer goes on after it
        kEnd,
    };
    Kind kind = kEnd;
    std::string_view text;
    std::size_t begin = 0, end = 0;  // offsets of text in the stream
    double number = 0;               // kNumber only
};

class ContentLexer {
public:
    explicit ContentLexer(std::string_view data) : data_(data) {}
    // The next token, after white space and comments; kEnd at the end, again and again.
    ContentToken next();

private:
    void skip_space();
    std::size_t string_end(std::size_t i) const;  // past the ( … ) starting at i; npos if open
    std::size_t hex_end(std::size_t i) const;     // past the < … > starting at i
    std::size_t compound_end(std::size_t i) const;  // past the [ … ] or << … >> starting at i
    std::size_t word_end(std::size_t i) const;
    ContentToken inline_data();

    std::string_view data_;
    std::size_t pos_ = 0;
    bool after_id_ = false;  // the last token was the ID operator: image bytes follow
};

// The name a kName token stands for, without the slash and with #xx decoded ("/F#201" → "F 1").
std::string name_value(std::string_view name_token);

}  // namespace shokuhon::finish
