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

struct Glyph {
    std::uint32_t gid = 0;
    std::uint32_t cluster = 0;  // index into Shaped::clusters
    Length advance, x_offset, y_offset;
};

struct Shaped {
    std::vector<Glyph> glyphs;
    std::vector<linebreak::Cluster> clusters;  // advance = sum of the cluster's glyph advances
};

Shaped shape(const Font& font, Length size, std::string_view utf8,
             const std::vector<std::string>& features = {});

// Width of a run as shaped (sum of advances), for one-line labels.
Length measure(const Font& font, Length size, std::string_view utf8,
               const std::vector<std::string>& features = {});

// Decodes one UTF-8 code point at `i` and advances `i` (invalid bytes yield U+FFFD).
char32_t decode_utf8(std::string_view s, std::size_t& i);

}  // namespace shokuhon::shape
