#include "compose/ruby.h"

#include <algorithm>

#include "core/utf8.h"

namespace shokuhon::compose {
namespace {

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// "ひら つか" → {"ひら", "つか"}; ASCII and ideographic spaces separate mono-ruby readings.
std::vector<std::string> split_readings(std::string_view rt) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < rt.size();) {
        const char32_t cp = shape::decode_utf8(rt, i);
        if (cp == U' ' || cp == U'\u3000') {
            if (!out.back().empty()) out.emplace_back();
        } else {
            append_utf8(out.back(), cp);
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// One ruby: base text and readings, given the text right after ｜. Returns false (and leaves
// i) unless 《…》 follows a non-empty base, so a lone ｜ stays an ordinary character.
bool read_ruby(std::string_view text, std::size_t& i, std::string& base, std::string& rt) {
    std::size_t k = i;
    std::string* into = &base;
    while (k < text.size()) {
        const char32_t cp = shape::decode_utf8(text, k);
        if (cp == kRubyTerminator && into == &rt) {
            i = k;
            return !base.empty() && !rt.empty();
        }
        if (cp == kRubySeparator && into == &base) into = &rt;
        else if (cp == kRubyAnchor || cp == kRubySeparator || cp == kRubyTerminator) return false;
        else append_utf8(*into, cp);
    }
    return false;
}

}  // namespace

Annotated parse_ruby(std::string_view text) {
    Annotated a;
    a.plain.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t cp = shape::decode_utf8(text, i);
        std::string base, rt;
        if (cp != kRubyAnchor || !read_ruby(text, i, base, rt)) {
            a.plain.append(text.substr(at, i - at));
            continue;
        }
        RubyMark m;
        m.begin = static_cast<std::uint32_t>(a.plain.size());
        a.plain += base;
        m.end = static_cast<std::uint32_t>(a.plain.size());
        m.readings = split_readings(rt);
        m.mono = m.readings.size() > 1 && m.readings.size() == count_chars(base);
        if (!m.mono && m.readings.size() > 1) {  // a group reading written with spaces
            std::string joined;
            for (const auto& r : m.readings) joined += r;
            m.readings = {joined};
        }
        if (!base.empty() && !m.readings.empty()) a.ruby.push_back(std::move(m));
    }
    return a;
}

std::string plain_text(std::string_view text) { return parse_ruby(text).plain; }

std::string ruby_from_markup(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t open = text.find("<ruby rt=\"", i);
        const std::size_t q = open == text.npos ? open : text.find("\">", open + 10);
        const std::size_t close = q == text.npos ? q : text.find("</ruby>", q);
        if (close == text.npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        out += "｜";
        out.append(text.substr(q + 2, close - q - 2));
        out += "《";
        out.append(text.substr(open + 10, q - open - 10));
        out += "》";
        i = close + 7;
    }
    return out;
}

std::string show_ruby(std::string_view text) {
    const Annotated a = parse_ruby(text);
    std::string out;
    std::uint32_t pos = 0;
    for (const RubyMark& m : a.ruby) {
        out += a.plain.substr(pos, m.end - pos);
        out += "《";
        for (std::size_t k = 0; k < m.readings.size(); ++k) out += (k ? " " : "") + m.readings[k];
        out += "》";
        pos = m.end;
    }
    return out + a.plain.substr(pos);
}

}  // namespace shokuhon::compose
