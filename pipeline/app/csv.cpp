#include "app/csv.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/c_handle.h"
#include "core/utf8.h"

namespace shokuhon::app::csv {
namespace {

using ConverterPtr = CHandle<UConverter, ucnv_close>;

// CP932 (Microsoft) and JIS X 0208 (what the book's text uses) map these seven Shift_JIS
// codes to different Unicode characters; the left column is what the book keeps.
constexpr std::pair<char16_t, char16_t> kJisVsCp932[] = {
    {u'\u301C', u'\uFF5E'},  // 〜 wave dash        0x8160
    {u'\u2016', u'\u2225'},  // ‖ double vertical   0x8161
    {u'\u2212', u'\uFF0D'},  // − minus             0x817C
    {u'\u00A2', u'\uFFE0'},  // ¢                   0x8191
    {u'\u00A3', u'\uFFE1'},  // £                   0x8192
    {u'\u00AC', u'\uFFE2'},  // ¬                   0x81CA
    {u'\u2014', u'\u2015'},  // — em dash           0x815C
};

// Length of the UTF-8 sequence at s[i], or 0 when it is not valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
    }
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return n;
}

std::size_t first_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

std::u16string to_utf16(std::string_view utf8) {
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(nullptr, 0, &n, utf8.data(), static_cast<int32_t>(utf8.size()), &e);
    std::u16string out(static_cast<std::size_t>(n), u'\0');
    e = U_ZERO_ERROR;
    u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), n, &n, utf8.data(), static_cast<int32_t>(utf8.size()), &e);
    return U_SUCCESS(e) ? out : std::u16string();
}

std::string to_utf8(std::u16string_view u) {
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(nullptr, 0, &n, reinterpret_cast<const UChar*>(u.data()), static_cast<int32_t>(u.size()), &e);
    std::string out(static_cast<std::size_t>(n), '\0');
    e = U_ZERO_ERROR;
    u_strToUTF8(out.data(), n, &n, reinterpret_cast<const UChar*>(u.data()), static_cast<int32_t>(u.size()), &e);
    return U_SUCCESS(e) ? out : std::string();
}

// &#xHHHH; and &#DDDD; → the character (only what encode_cp932 writes, so only for CP932).
std::string decode_references(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::size_t semi = s.substr(i, 12).find(';');
        if (s.substr(i, 2) == "&#" && semi != std::string_view::npos && semi > 2) {
            const bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            const std::string digits(s.substr(i + (hex ? 3 : 2), semi - (hex ? 3 : 2)));
            char* end = nullptr;
            const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && *end == '\0' && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                append_utf8(out, static_cast<char32_t>(cp));
                i += semi;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

int line_of(std::string_view bytes, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n' ? 1 : 0;
    return line;
}

}  // namespace

namespace {

Decoded from_cp932(std::string_view bytes) {
    Decoded d;
    d.encoding = Encoding::kCp932;
    UErrorCode e = U_ZERO_ERROR;
    ConverterPtr conv{ucnv_open("windows-31j", &e)};
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &e);
    if (U_FAILURE(e)) {
        d.ok = false;
        return d;
    }
    // Every CP932 character is one UTF-16 unit: the output never outgrows the input.
    std::u16string u(bytes.size() + 1, u'\0');
    UChar* target = reinterpret_cast<UChar*>(u.data());
    const char* source = bytes.data();
    ucnv_toUnicode(conv.get(), &target, target + u.size(), &source, bytes.data() + bytes.size(), nullptr,
                   true, &e);
    if (U_FAILURE(e)) {
        char bad[8];
        int8_t bad_len = sizeof bad;
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), bad, &bad_len, &e2);
        d.ok = false;
        d.bad_offset = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(std::max<int8_t>(bad_len, 0));
        d.bad_line = line_of(bytes, d.bad_offset);
        return d;
    }
    u.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(u.data())));
    for (auto& c : u) {
        for (const auto& [jis, cp932] : kJisVsCp932) {
            if (c == cp932) c = jis;
        }
    }
    d.utf8 = decode_references(to_utf8(u));
    return d;
}

}  // namespace

Decoded decode(std::string_view bytes) {
    Decoded d;
    std::string_view body = bytes;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        body.remove_prefix(3);
        d.bom = true;
    }
    if (first_invalid_utf8(body) == std::string_view::npos) {
        d.utf8 = std::string(body);
        return d;
    }
    if (d.bom) {  // a BOM promises UTF-8: do not guess another encoding behind it
        const std::size_t at = first_invalid_utf8(body) + 3;
        d.ok = false;
        d.bad_offset = at;
        d.bad_line = line_of(bytes, at);
        return d;
    }
    return from_cp932(bytes);
}

std::string encode_cp932(std::string_view utf8, std::vector<std::string>* missing) {
    UErrorCode e = U_ZERO_ERROR;
    ConverterPtr conv{ucnv_open("windows-31j", &e)};
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &e);
    if (U_FAILURE(e)) return {};
    std::u16string u = to_utf16(utf8);
    for (auto& c : u) {
        for (const auto& [jis, cp932] : kJisVsCp932) {
            if (c == jis) c = cp932;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < u.size();) {
        const std::size_t n = (u[i] >= 0xD800 && u[i] <= 0xDBFF && i + 1 < u.size()) ? 2 : 1;
        if (u[i] == u'&' && i + 1 < u.size() && u[i + 1] == u'#') {
            out += "&#x26;";  // a literal "&#" must not read back as a reference
            i += 1;
            continue;
        }
        char buf[8];
        e = U_ZERO_ERROR;
        ucnv_reset(conv.get());
        const int32_t len = ucnv_fromUChars(conv.get(), buf, sizeof buf, reinterpret_cast<const UChar*>(u.data() + i),
                                            static_cast<int32_t>(n), &e);
        if (U_SUCCESS(e)) {
            out.append(buf, static_cast<std::size_t>(len));
        } else {
            const std::string ch = to_utf8(std::u16string_view(u).substr(i, n));
            const char32_t cp = n == 2 ? 0x10000 + ((static_cast<char32_t>(u[i]) - 0xD800) << 10) + (u[i + 1] - 0xDC00) : u[i];
            char ref[16];
            std::snprintf(ref, sizeof ref, "&#x%X;", static_cast<unsigned>(cp));
            out += ref;
            if (missing && std::find(missing->begin(), missing->end(), ch) == missing->end()) missing->push_back(ch);
        }
        i += n;
    }
    return out;
}

Table parse(std::string_view s) {
    Table t;
    Row row{1, {}};
    std::string cell;
    bool quoted = false, was_quoted = false;
    int quote_row = 0;
    auto end_cell = [&] {
        row.cells.push_back(std::move(cell));
        cell.clear();
        was_quoted = false;
    };
    auto end_row = [&] {
        end_cell();
        const bool blank = row.cells.size() == 1 && row.cells[0].empty();
        if (!blank) t.rows.push_back(std::move(row));
        row = Row{row.number + 1, {}};
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c != '"') cell += c;
            else if (i + 1 < s.size() && s[i + 1] == '"') cell += s[++i];
            else quoted = false;
        } else if (c == '"' && cell.empty() && !was_quoted) {
            quoted = was_quoted = true;
            quote_row = row.number;
        } else if (c == ',') {
            end_cell();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            end_row();
        } else {
            cell += c;  // also text after a closing quote: kept, as spreadsheets do
        }
    }
    if (quoted) {
        t.error = "a quoted field is not closed";
        t.error_row = quote_row;
    }
    if (!cell.empty() || !row.cells.empty()) end_row();
    return t;
}

std::string format_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        const std::string& c = cells[i];
        const bool quote = c.find_first_of(",\"\r\n") != std::string::npos || (!c.empty() && (c.front() == ' ' || c.back() == ' '));
        if (!quote) {
            out += c;
            continue;
        }
        out += '"';
        for (char ch : c) {
            if (ch == '"') out += '"';
            out += ch;
        }
        out += '"';
    }
    out += "\r\n";
    return out;
}

std::string column_name(int col) {
    std::string name;
    for (int n = col; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

}  // namespace shokuhon::app::csv
