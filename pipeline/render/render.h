// render/: draws a composed Document with Cairo. PDF (fonts embedded as subsets, text
// extractable through clusters, JPEGs passed through once, outline, page labels, metadata)
// and PNG (for proofs and previews). Makes no layout decisions: never measures or breaks text.
#pragma once
#include <filesystem>
#include <string>

#include "compose/document.h"
#include "core/diagnostics.h"
#include "shape/font_set.h"
#include "style/layout_set.h"

namespace shokuhon::render {

struct RenderInputs {
    const compose::Document& doc;
    const style::LayoutSet& layout;  // palette: colour names → CMYK (screen RGB here)
    const shape::FontSet& fonts;     // font roles → files and faces
};

// Writes the whole document as a PDF. Returns false (with E-RENDER-* diagnostics) on failure.
bool render_pdf(const RenderInputs& in, const std::filesystem::path& out, Diagnostics& diags);

// Writes one page (0-based index) as a PNG at `dpi`, trim plus bleed.
bool render_png(const RenderInputs& in, std::size_t page_index, double dpi,
                const std::filesystem::path& out, Diagnostics& diags);

}  // namespace shokuhon::render
