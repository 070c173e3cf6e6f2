// finish/: PDF content stream tokens (see content_lexer.h).
#include "finish/content_lexer.h"

#include <charconv>

namespace shokuhon::finish {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}

bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A PDF number: an optional sign, digits with at most one point, at least one digit.
bool parse_number(std::string_view w, double& out) {
    std::size_t i = 0;
    if (i < w.size() && (w[i] == '+' || w[i] == '-')) ++i;
    int digits = 0, points = 0;
    for (std::size_t j = i; j < w.size(); ++j) {
        if (w[j] >= '0' && w[j] <= '9') ++digits;
        else if (w[j] == '.') ++points;
        else return false;
    }
    if (digits == 0 || points > 1) return false;
    // from_chars takes no '+' and reads ".5" and "5." as strtod does (correctly rounded).
    std::string_view body = w.substr(w[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(body.data(), body.data() + body.size(), out);
    return r.ec == std::errc() && r.ptr == body.data() + body.size();
}

}  // namespace

void ContentLexer::skip_space() {
    while (pos_ < data_.size()) {
        const char c = data_[pos_];
        if (is_space(c)) {
            ++pos_;
        } else if (c == '%') {
            while (pos_ < data_.size() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
        } else {
            break;
        }
    }
}

std::size_t ContentLexer::string_end(std::size_t i) const {
    int depth = 0;
    for (; i < data_.size(); ++i) {
        const char c = data_[i];
        if (c == '\\') {
            ++i;  // the escaped character, whatever it is
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

std::size_t ContentLexer::hex_end(std::size_t i) const {
    const std::size_t close = data_.find('>', i + 1);
    return close == std::string_view::npos ? close : close + 1;
}

std::size_t ContentLexer::word_end(std::size_t i) const {
    while (i < data_.size() && is_regular(data_[i])) ++i;
    return i;
}

std::size_t ContentLexer::compound_end(std::size_t i) const {
    int depth = 0;
    while (i < data_.size()) {
        const char c = data_[i];
        if (c == '(') {
            i = string_end(i);
            if (i == std::string_view::npos) return i;
        } else if (c == '%') {
            while (i < data_.size() && data_[i] != '\n' && data_[i] != '\r') ++i;
        } else if (c == '[' || (c == '<' && i + 1 < data_.size() && data_[i + 1] == '<')) {
            ++depth;
            i += c == '[' ? 1 : 2;
        } else if (c == ']' || (c == '>' && i + 1 < data_.size() && data_[i + 1] == '>')) {
            i += c == ']' ? 1 : 2;
            if (--depth == 0) return i;
        } else if (c == '<') {
            i = hex_end(i);
            if (i == std::string_view::npos) return i;
        } else {
            ++i;
        }
    }
    return std::string_view::npos;
}

// After ID and one white-space byte: the image's bytes up to white space, "EI" and white space
// (or the end), which is how readers find the end of an image without a /Length.
ContentToken ContentLexer::inline_data() {
    after_id_ = false;
    std::size_t start = pos_ < data_.size() && is_space(data_[pos_]) ? pos_ + 1 : pos_;
    if (start >= data_.size()) {  // ID was the last thing in the stream
        pos_ = data_.size();
        return {ContentToken::kEnd, {}, data_.size(), data_.size()};
    }
    std::size_t at = start;
    while (true) {
        const std::size_t ei = data_.find("EI", at);
        if (ei == std::string_view::npos) {
            ContentToken t{ContentToken::kBad, data_.substr(start), start, data_.size()};
            pos_ = data_.size();
            return t;
        }
        const bool before = ei > start && is_space(data_[ei - 1]);
        const bool after = ei + 2 == data_.size() || is_space(data_[ei + 2]) || is_delimiter(data_[ei + 2]);
        if (before && after) {
            const std::size_t end = ei - 1;  // the white space before EI is not data
            ContentToken t{ContentToken::kInlineData, data_.substr(start, end - start), start, end};
            pos_ = end;
            return t;
        }
        at = ei + 1;
    }
}

ContentToken ContentLexer::next() {
    if (after_id_) return inline_data();
    skip_space();
    if (pos_ >= data_.size()) return {ContentToken::kEnd, {}, data_.size(), data_.size()};
    const std::size_t start = pos_;
    const char c = data_[pos_];
    ContentToken t;
    t.begin = start;
    std::size_t end = start + 1;
    if (c == '/') {
        end = word_end(start + 1);
        t.kind = ContentToken::kName;
    } else if (c == '(') {
        end = string_end(start);
        t.kind = ContentToken::kString;
    } else if (c == '<' && start + 1 < data_.size() && data_[start + 1] == '<') {
        end = compound_end(start);
        t.kind = ContentToken::kDict;
    } else if (c == '<') {
        end = hex_end(start);
        t.kind = ContentToken::kString;
    } else if (c == '[') {
        end = compound_end(start);
        t.kind = ContentToken::kArray;
    } else if (is_delimiter(c)) {  // ) > ] { } on their own
        t.kind = ContentToken::kBad;
    } else {
        end = word_end(start);
        const std::string_view w = data_.substr(start, end - start);
        if (parse_number(w, t.number)) t.kind = ContentToken::kNumber;
        else if (w == "true" || w == "false" || w == "null") t.kind = ContentToken::kKeyword;
        else t.kind = ContentToken::kOperator;
        if (t.kind == ContentToken::kOperator && w == "ID") after_id_ = true;
    }
    if (end == std::string_view::npos) {  // unterminated: the rest is one bad token
        t.kind = ContentToken::kBad;
        end = data_.size();
    }
    t.text = data_.substr(start, end - start);
    t.end = end;
    pos_ = end;
    return t;
}

std::string name_value(std::string_view name) {
    std::string out;
    std::size_t i = !name.empty() && name[0] == '/' ? 1 : 0;
    for (; i < name.size(); ++i) {
        if (name[i] == '#' && i + 2 < name.size() && hex_digit(name[i + 1]) >= 0 && hex_digit(name[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(name[i + 1]) * 16 + hex_digit(name[i + 2]));
            i += 2;
        } else {
            out += name[i];
        }
    }
    return out;
}

}  // namespace shokuhon::finish
