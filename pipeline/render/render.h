// render/: draws a composed Document with Cairo. PDF parts of a few pages each (fonts embedded
// as subsets, text extractable through clusters, JPEGs passed through; finish/assemble.h joins
// them and adds outline, page labels and metadata) and PNG (for proofs and previews). Makes no
// layout decisions: never measures or breaks text.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compose/document.h"
#include "core/diagnostics.h"
#include "shape/font_set.h"
#include "style/layout_set.h"

namespace shokuhon::render {

// Font programs drawn instead of the files: role → OpenType bytes with the same glyph IDs
// (shape/subset.h). Roles not listed are drawn from their files.
using FontPrograms = std::map<std::string, std::shared_ptr<const std::string>>;

struct RenderInputs {
    const compose::Document& doc;
    const style::LayoutSet& layout;  // palette: colour names → CMYK (screen RGB here)
    const shape::FontSet& fonts;     // font roles → files and faces
    const FontPrograms* programs = nullptr;
};

// Pages [first, first + count) of the document as a PDF of their own, in memory: the parts
// finish::assemble_pdf joins into the book (and the build caches by content). MediaBox = trim
// plus bleed; links name their target page ("p<N>", 1-based over the whole document), which the
// assembled file's name tree resolves; no outline, page labels or metadata of its own. The
// bytes depend only on those pages, the layout's palette and the fonts.
bool render_pdf_part(const RenderInputs& in, std::size_t first, std::size_t count, std::string& pdf,
                     Diagnostics& diags);

class Painter;
// render_pdf_part for many parts: the fonts are opened once, so Cairo's glyph caches (keyed by
// font face) serve every part instead of loading each glyph again for each part. The bytes of a
// part are the same either way.
class PartRenderer {
public:
    explicit PartRenderer(const RenderInputs& in);
    ~PartRenderer();
    PartRenderer(const PartRenderer&) = delete;
    PartRenderer& operator=(const PartRenderer&) = delete;
    bool render(std::size_t first, std::size_t count, std::string& pdf, Diagnostics& diags);

private:
    const RenderInputs& in_;
    std::unique_ptr<Painter> painter_;
};

// Writes one page (0-based index) as a PNG at `dpi`, trim plus bleed.
bool render_png(const RenderInputs& in, std::size_t page_index, double dpi,
                const std::filesystem::path& out, Diagnostics& diags);

// A page as pixels, 0xRRGGBB each, rows top to bottom: previews, thumbnails, pixel diffs.
struct Raster {
    int width = 0, height = 0;
    std::vector<std::uint32_t> rgb;
};

// Renders one page (0-based, trim plus bleed) at `dpi` into `out`, in memory.
bool render_raster(const RenderInputs& in, std::size_t page_index, double dpi, Raster& out,
                   Diagnostics& diags);
// PNG bytes of a raster; and back (false when the bytes are not a readable PNG).
std::string encode_png(const Raster& r);
bool decode_png(std::string_view png, Raster& out);

// Part of a page of `in.doc` drawn onto a sheet (proof sheets for shops).
struct Inset {
    std::size_t page_index = 0;
    Rect source;  // trim coordinates of that page; may reach into the bleed
    Rect frame;   // where it lands on the sheet: scaled to fit, centred, never distorted
};
struct Sheet {
    Size size;                  // the sheet's page, no bleed
    std::vector<Inset> insets;
    compose::Page overlay;      // drawn over the insets in sheet coordinates: notes, marks
};
// Writes the sheets as a PDF, one page each, with the document's fonts and palette.
bool render_sheets_pdf(const RenderInputs& in, const std::vector<Sheet>& sheets,
                       const std::string& title, const std::filesystem::path& out,
                       Diagnostics& diags);

}  // namespace shokuhon::render
