// app/: fonts that open but cannot set text. HarfBuzz opens a truncated or damaged font file
// without complaint (its face just has no glyphs), and the failure would only surface while
// rendering; this check refuses such a font before any work is done.
#pragma once
#include <vector>

#include "core/diagnostics.h"
#include "shape/font_set.h"

namespace shokuhon::app {

// Adds E-FONT-007 (naming the lock line) for each opened face that has no glyphs.
void check_font_faces(const std::vector<shape::FontLockEntry>& lock, const shape::FontSet& fonts,
                      Diagnostics& diags);

}  // namespace shokuhon::app
