// finish/ (internal): Cairo's xref table (see cairo_xref.h).
#include "finish/cairo_xref.h"

#include <cstdio>
#include <cstring>
#include <vector>

namespace shokuhon::finish {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The unsigned number of `n` digits at `p` (the caller checked they are digits).
std::size_t digits_value(std::string_view s, std::size_t p, std::size_t n) {
    std::size_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<std::size_t>(s[p + i] - '0');
    return v;
}

// Reads a run of digits at `p`; nullopt when there is none.
std::optional<std::size_t> number_at(std::string_view s, std::size_t& p) {
    const std::size_t start = p;
    while (p < s.size() && is_digit(s[p]) && p - start < 19) ++p;
    if (p == start) return std::nullopt;
    return digits_value(s, start, p - start);
}

bool skip_eol(std::string_view s, std::size_t& p) {
    if (p < s.size() && s[p] == '\r') ++p;
    if (p < s.size() && s[p] == '\n') {
        ++p;
        return true;
    }
    return p > 0 && s[p - 1] == '\r';
}

// True when the bytes at `offset` begin "obj gen obj" (how Cairo starts every object).
bool object_starts_at(std::string_view pdf, std::size_t offset, std::size_t obj, std::size_t gen) {
    if (offset >= pdf.size()) return false;
    std::size_t p = offset;
    const auto o = number_at(pdf, p);
    if (!o || *o != obj || p >= pdf.size() || pdf[p] != ' ') return false;
    ++p;
    const auto g = number_at(pdf, p);
    return g && *g == gen && pdf.substr(p, 4) == " obj";
}

void put_entry(std::string& pdf, std::size_t at, std::size_t field1, std::size_t gen, char type) {
    char buf[21];
    std::snprintf(buf, sizeof buf, "%010zu %05zu %c", field1, gen, type);
    // In place (the end of line stays as it was): the bytes before the table are being hashed
    // on another thread meanwhile, so the buffer must not move.
    std::memcpy(pdf.data() + at, buf, 18);
}

}  // namespace

std::optional<ClassicXref> find_classic_xref(std::string_view pdf) {
    const std::size_t tail = pdf.size() > 1024 ? pdf.size() - 1024 : 0;
    const std::size_t sx = pdf.rfind("startxref");
    if (sx == std::string_view::npos || sx < tail) return std::nullopt;
    std::size_t p = sx + 9;
    while (p < pdf.size() && (pdf[p] == '\r' || pdf[p] == '\n' || pdf[p] == ' ')) ++p;
    const auto at = number_at(pdf, p);
    if (!at || *at >= pdf.size() || pdf.substr(*at, 4) != "xref") return std::nullopt;
    ClassicXref x;
    x.xref_at = *at;
    p = *at + 4;
    if (!skip_eol(pdf, p)) return std::nullopt;
    const auto first = number_at(pdf, p);
    if (!first || *first != 0 || p >= pdf.size() || pdf[p] != ' ') return std::nullopt;
    ++p;
    const auto count = number_at(pdf, p);
    if (!count || *count == 0 || !skip_eol(pdf, p)) return std::nullopt;
    x.entries_at = p;
    x.count = *count;
    if (x.entries_at + x.count * 20 > pdf.size()) return std::nullopt;
    for (std::size_t i = 0; i < x.count; ++i) {
        const std::string_view e = pdf.substr(x.entries_at + i * 20, 20);
        for (std::size_t k : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15}) {
            if (!is_digit(e[k])) return std::nullopt;
        }
        if (e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f')) return std::nullopt;
        if (!((e[18] == ' ' && (e[19] == '\n' || e[19] == '\r')) || (e[18] == '\r' && e[19] == '\n'))) {
            return std::nullopt;
        }
    }
    if (pdf[x.entries_at + 17] != 'f') return std::nullopt;  // entry 0 heads the free list
    p = x.entries_at + x.count * 20;
    if (pdf.substr(p, 7) != "trailer") return std::nullopt;
    return x;
}

// Turns every in-use entry whose object is not where the entry says into a free entry, chained
// from entry 0 (the objects Cairo reserved and never wrote). Returns how many.
std::size_t free_unwritten_objects(std::string& pdf, const ClassicXref& x) {
    std::vector<std::size_t> unwritten;
    for (std::size_t i = 1; i < x.count; ++i) {
        const std::size_t at = x.entries_at + i * 20;
        if (pdf[at + 17] != 'n') continue;
        const std::size_t offset = digits_value(pdf, at, 10);
        const std::size_t gen = digits_value(pdf, at + 11, 5);
        if (!object_starts_at(pdf, offset, i, gen)) unwritten.push_back(i);
    }
    if (unwritten.empty()) return 0;
    // The free list: entry 0 → first freed → … → last freed → 0. Already free entries keep
    // their place in Cairo's table (it writes none but entry 0).
    put_entry(pdf, x.entries_at, unwritten.front(), 65535, 'f');
    for (std::size_t k = 0; k < unwritten.size(); ++k) {
        const std::size_t next = k + 1 < unwritten.size() ? unwritten[k + 1] : 0;
        put_entry(pdf, x.entries_at + unwritten[k] * 20, next, 1, 'f');
    }
    return unwritten.size();
}

std::optional<std::size_t> object_offset(std::string_view pdf, const ClassicXref& x, std::size_t obj) {
    if (obj == 0 || obj >= x.count) return std::nullopt;
    const std::size_t at = x.entries_at + obj * 20;
    if (pdf[at + 17] != 'n') return std::nullopt;
    const std::size_t offset = digits_value(pdf, at, 10);
    if (digits_value(pdf, at + 11, 5) != 0 || !object_starts_at(pdf, offset, obj, 0)) return std::nullopt;
    return offset;
}

std::optional<std::string_view> stream_data_at(std::string_view pdf, std::size_t offset, std::size_t length) {
    const std::size_t kw = pdf.find("stream", offset);
    if (kw == std::string_view::npos || kw == 0) return std::nullopt;
    const char before = pdf[kw - 1];
    if (before != '\n' && before != '\r' && before != ' ' && before != '>') return std::nullopt;
    std::size_t p = kw + 6;
    if (p < pdf.size() && pdf[p] == '\r') ++p;
    if (p >= pdf.size() || pdf[p] != '\n') return std::nullopt;
    ++p;
    if (pdf.size() - p < length) return std::nullopt;
    std::size_t e = p + length;
    if (e < pdf.size() && pdf[e] == '\r') ++e;
    if (e < pdf.size() && pdf[e] == '\n') ++e;
    if (pdf.substr(e, 9) != "endstream") return std::nullopt;
    return pdf.substr(p, length);
}

}  // namespace shokuhon::finish
