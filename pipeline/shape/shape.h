// shape/: HarfBuzz shaping of one run of text in one font at one size.
// Input: UTF-8 text, a Font, a size, OpenType features. Output: positioned glyphs grouped
// into clusters (what linebreak/ measures). Never breaks lines, never draws.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/units.h"
#include "linebreak/break.h"
#include "shape/font_set.h"

namespace shokuhon::shape {

// Horizontal text: x_offset, y_offset as HarfBuzz gives them (y up), advance along the line.
// Vertical text (shape_vertical): advance is down the column. Upright and 縦中横 glyphs:
// x_offset across the column from its centre line (right positive), y_offset down from the pen
// (HarfBuzz's y-up turned y-down: y = pen_y − hb y_offset). Rotated glyphs
// (Orientation::kRotated) keep HarfBuzz's horizontal values, to be drawn turned 90° clockwise.
struct Glyph {
    std::uint32_t gid = 0;
    std::uint32_t cluster = 0;  // index into Shaped::clusters
    Length advance, x_offset, y_offset;
    std::uint8_t face = 0;      // 0: the main font, 1: the Latin font (see shape_mixed)
};

// How a cluster of vertical text stands in its column.
enum class Orientation : std::uint8_t {
    kUpright,       // CJK: vertical forms ('vert'/'vrt2'), centred on the column
    kRotated,       // Latin words: shaped horizontally, turned 90° clockwise (JLREQ 3.2.3)
    kTateChuYoko,   // 縦中横: two digits set side by side across the column (JLREQ 3.2.2)
};

struct Shaped {
    std::vector<Glyph> glyphs;
    std::vector<linebreak::Cluster> clusters;  // advance = sum of the cluster's glyph advances
    std::vector<Orientation> orientation;      // per cluster; empty for horizontal text
};

Shaped shape(const Font& font, Length size, std::string_view utf8,
             const std::vector<std::string>& features = {});

// A run of the text in one script: Japanese (kana, kanji, full-width forms, punctuation) or
// Latin (letters, digits and Western punctuation, with the spaces between them).
struct ScriptRun {
    std::size_t begin = 0, end = 0;  // UTF-8 byte range
    bool latin = false;
};
std::vector<ScriptRun> itemize(std::string_view utf8);

// Mixed scripts: Japanese runs shaped as Han with the style's features (palt, …); Latin runs
// shaped as Latin with 'kern' and the font's proportional widths, in `latin` when given (its
// glyphs carry face 1). Clusters come out in text order, one list for the whole paragraph.
Shaped shape_mixed(const Font& font, const Font* latin, Length size, std::string_view utf8,
                   const std::vector<std::string>& features = {});

// Vertical text (縦組): Japanese shaped top to bottom (HarfBuzz TTB applies 'vert'/'vrt2'),
// Latin runs shaped horizontally to be rotated, and a number of exactly two digits set 縦中横
// with half-width forms ('hwid'), as one cluster one em long.
Shaped shape_vertical(const Font& font, Length size, std::string_view utf8,
                      const std::vector<std::string>& features = {});

// Width of a run as shaped (sum of advances), for one-line labels.
Length measure(const Font& font, Length size, std::string_view utf8,
               const std::vector<std::string>& features = {});

// Decodes one UTF-8 code point at `i` and advances `i` (invalid bytes yield U+FFFD).
char32_t decode_utf8(std::string_view s, std::size_t& i);

}  // namespace shokuhon::shape
