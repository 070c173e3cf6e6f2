// shape/: a font cut down to the glyphs a book uses (HarfBuzz's subsetter). Glyph IDs stay as
// they are (what composition placed is drawn unchanged) and subroutines are expanded into the
// glyphs, so that a renderer subsetting it again (Cairo, once per PDF part) reads a small font
// and writes only the outlines it draws: Noto CJK's shared subroutines are ~0.5 MB per face.
// Layout tables and vertical metrics are left out: a renderer draws placed glyphs only.
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include "shape/font_set.h"

namespace shokuhon::shape {

struct GlyphUse {
    std::set<std::uint32_t> gids;        // glyphs drawn
    std::set<std::uint32_t> codepoints;  // characters kept in the cmap (none: an empty cmap)
};

// How subset_font cuts, in words: part of every cache key that covers a subset's bytes (the PDF's
// parts, the subsets kept per user), so that a change here never meets an old cached result.
inline constexpr const char* kSubsetRecipe =
    "retain-gids desubroutinize drop GSUB GPOS GDEF BASE JSTF MATH vhea vmtx VORG DSIG";

// The font program (an OpenType file) of `font` with `use`; "" when HarfBuzz cannot subset it.
std::string subset_font(const Font& font, const GlyphUse& use);

}  // namespace shokuhon::shape
