// Mixed scripts and vertical text: the paragraph is itemised into Japanese and Latin runs, each
// shaped with what suits it (JLREQ 3.2 for vertical: upright, rotated, 縦中横).
#include <algorithm>

#include "shape/detail.h"

namespace shokuhon::shape {
namespace {

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

// Latin letters, digits and Western punctuation. Latin-1 symbols that Japanese fonts set full
// width (× ÷ ° ± § ¶ ¨ ´, all in JIS X 0208) stay with the Japanese text around them.
bool is_latin(char32_t cp) {
    constexpr std::u32string_view kJisSymbols = U"\u00D7\u00F7\u00B0\u00B1\u00A7\u00B6\u00A8\u00B4";
    if (cp > 0x20 && cp < 0x7F) return true;
    if (cp >= 0xA1 && cp <= 0x24F) return kJisSymbols.find(cp) == kJisSymbols.npos;
    return cp == U'\u2019';  // the apostrophe of "don’t" (proportional; see linebreak/model.cpp)
}

struct Char {
    std::size_t begin = 0;
    char32_t cp = 0;
};

std::vector<Char> decode_all(std::string_view s) {
    std::vector<Char> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t b = i;
        out.push_back({b, decode_utf8(s, i)});
    }
    return out;
}

// Latin runs own the spaces between Latin characters ("New York"); others are Japanese.
std::vector<bool> latin_flags(const std::vector<Char>& cs) {
    std::vector<bool> f(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) f[i] = is_latin(cs[i].cp);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (cs[i].cp != U' ') continue;
        std::size_t j = i;
        while (j < cs.size() && cs[j].cp == U' ') ++j;
        const bool both = i > 0 && f[i - 1] && j < cs.size() && f[j];
        for (std::size_t k = i; k < j; ++k) f[k] = both;
        i = j;
    }
    return f;
}

// The features a Latin run gets: 'kern' and those of the style that are not CJK-only.
std::vector<std::string> latin_features(const std::vector<std::string>& style) {
    static constexpr std::string_view kCjkOnly[] = {"palt", "vpal", "halt", "vhal", "chws",
                                                    "vchw", "fwid", "hwid", "pwid", "twid"};
    std::vector<std::string> out{"kern"};
    for (const auto& f : style) {
        const std::string_view tag = std::string_view(f).substr(f[0] == '+' || f[0] == '-' ? 1 : 0, 4);
        if (std::find(std::begin(kCjkOnly), std::end(kCjkOnly), tag) == std::end(kCjkOnly)) {
            out.push_back(f);
        }
    }
    return out;
}

detail::RunSpec latin_spec(std::uint8_t face) {
    return {HB_DIRECTION_LTR, HB_SCRIPT_LATIN, "en", face};
}

}  // namespace

std::vector<ScriptRun> itemize(std::string_view utf8) {
    const std::vector<Char> cs = decode_all(utf8);
    const std::vector<bool> latin = latin_flags(cs);
    std::vector<ScriptRun> runs;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (runs.empty() || runs.back().latin != latin[i]) {
            if (!runs.empty()) runs.back().end = cs[i].begin;
            runs.push_back({cs[i].begin, utf8.size(), latin[i]});
        }
    }
    return runs;
}

Shaped shape_mixed(const Font& font, const Font* latin, Length size, std::string_view utf8,
                   const std::vector<std::string>& features) {
    Shaped out;
    const std::vector<std::string> lf = latin_features(features);
    for (const ScriptRun& r : itemize(utf8)) {
        if (r.latin) {
            detail::shape_run(latin ? *latin : font, size, utf8, r.begin, r.end, lf,
                              latin_spec(latin ? 1 : 0), out);
        } else {
            detail::shape_run(font, size, utf8, r.begin, r.end, features, {}, out);
        }
    }
    detail::finish_clusters(utf8, out);
    return out;
}

namespace {

// 縦中横 (JLREQ 3.2.2): one or two digits set across the column, half-width forms centred on it,
// as one cluster one em long. The glyphs sit on the baseline 0.88 em below the cell's top.
void shape_tate_chu_yoko(const Font& font, Length size, std::string_view text, const ScriptRun& r,
                         Shaped& out) {
    const std::size_t first_glyph = out.glyphs.size(), first_cluster = out.clusters.size();
    detail::shape_run(font, size, text, r.begin, r.end, {"hwid"}, latin_spec(0), out);
    Length width;
    for (std::size_t g = first_glyph; g < out.glyphs.size(); ++g) width += out.glyphs[g].advance;
    Length pen = -width / 2;
    for (std::size_t g = first_glyph; g < out.glyphs.size(); ++g) {
        Glyph& gl = out.glyphs[g];
        gl.x_offset += pen;
        gl.y_offset = size.scaled(0.88) - gl.y_offset;
        pen += gl.advance;
        gl.advance = g + 1 == out.glyphs.size() ? size : Length{};
        gl.cluster = static_cast<std::uint32_t>(first_cluster);
    }
    out.clusters.resize(first_cluster + 1);
    out.clusters.back().advance = size;
    out.clusters.back().kind = linebreak::ClusterKind::kTateChuYoko;
    out.orientation.resize(out.clusters.size(), Orientation::kTateChuYoko);
}

bool all_digits(const std::vector<Char>& cs, std::string_view, const ScriptRun& r) {
    std::size_t n = 0;
    for (const Char& c : cs) {
        if (c.begin < r.begin || c.begin >= r.end) continue;
        if (!is_ascii_digit(c.cp)) return false;
        ++n;
    }
    return n >= 1 && n <= 2;
}

// A style names its features for horizontal text; vertical text takes their vertical
// counterparts (palt → vpal, halt → vhal, chws → vchw, kern → vkrn).
std::vector<std::string> vertical_features(const std::vector<std::string>& style) {
    static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
        {"palt", "vpal"}, {"halt", "vhal"}, {"chws", "vchw"}, {"kern", "vkrn"}};
    std::vector<std::string> out;
    for (std::string f : style) {
        for (const auto& [h, v] : kMap) {
            const auto at = f.find(h);
            if (at != std::string::npos) f.replace(at, h.size(), v);
        }
        out.push_back(f);
    }
    return out;
}

}  // namespace

Shaped shape_vertical(const Font& font, Length size, std::string_view utf8,
                      const std::vector<std::string>& features) {
    Shaped out;
    const std::vector<Char> cs = decode_all(utf8);
    for (const ScriptRun& r : itemize(utf8)) {
        if (r.latin && all_digits(cs, utf8, r)) {
            shape_tate_chu_yoko(font, size, utf8, r, out);
            continue;
        }
        const detail::RunSpec spec =
            r.latin ? latin_spec(0) : detail::RunSpec{HB_DIRECTION_TTB, HB_SCRIPT_HAN, "ja", 0};
        detail::shape_run(font, size, utf8, r.begin, r.end,
                          r.latin ? latin_features(features) : vertical_features(features), spec, out);
        out.orientation.resize(out.clusters.size(), r.latin ? Orientation::kRotated : Orientation::kUpright);
    }
    detail::finish_clusters(utf8, out);
    return out;
}

}  // namespace shokuhon::shape
