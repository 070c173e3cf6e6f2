// shape/detail: one HarfBuzz call over a run of a paragraph (private to shape/).
#pragma once
#include <hb.h>

#include "shape/shape.h"

namespace shokuhon::shape::detail {

struct RunSpec {
    hb_direction_t direction = HB_DIRECTION_LTR;
    hb_script_t script = HB_SCRIPT_HAN;
    const char* language = "ja";
    std::uint8_t face = 0;  // recorded on every glyph (Glyph::face)
};

// Shapes text[begin, end) and appends its glyphs and clusters to `out` (text offsets are
// offsets into `text`). Vertical runs store advances down the column (Glyph comment).
void shape_run(const Font& font, Length size, std::string_view text, std::size_t begin,
               std::size_t end, const std::vector<std::string>& features, const RunSpec& spec,
               Shaped& out);

// Fills first_cp, last_cp and text_end of every cluster from the text.
void finish_clusters(std::string_view text, Shaped& out);

Length scale(hb_position_t v, const Font& font, Length size);

}  // namespace shokuhon::shape::detail
