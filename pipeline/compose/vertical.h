// compose/: vertical text (縦組, JLREQ 3.2): columns top to bottom, right to left. The breaker
// sees a column as a line (its x are positions down the column); this draws it.
#pragma once
#include <string>

#include "compose/text.h"

namespace shokuhon::compose {

// Draws a composed vertical paragraph: column k's centre line is leading × (k + ½) left of the
// block's right edge; glyph positions are absolute within the block (render needs no notion of
// direction), Latin runs are turned 90° clockwise (GlyphRun::quarter_turns).
TextBlock set_vertical(const Composition& comp, const style::TextStyle& st,
                       const std::string& colour, int max_lines);

}  // namespace shokuhon::compose
