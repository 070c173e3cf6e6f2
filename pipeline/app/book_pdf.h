// app/: the book's PDF from its composed pages. The pages are cut into parts of kPartPages;
// each part is rendered by Cairo on its own (render::render_pdf_part), by several processes at
// once, or taken from the build cache when a previous build rendered the same pages; the parts
// are then joined into the book (finish::assemble_pdf).
//
// The parts are drawn with the fonts cut by HarfBuzz to their glyphs (shape/subset.h), glyph IDs
// kept, so a part's bytes do not depend on which other glyphs the subset holds: a subset kept
// from an earlier build that holds every glyph needed serves as well as a fresh one.
//
// A part's cache key is the SHA-256 of everything its bytes depend on: the pages' items (glyphs,
// positions, colours, shapes, links), the palette values of the colours, the photos' bytes (by
// their SHA-256), the fonts' hashes, the page geometry and the Cairo version. So the output is
// the same byte for byte whether a part was rendered now, by another process or a build ago.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/hash_cache.h"
#include "core/diagnostics.h"
#include "finish/assemble.h"
#include "render/render.h"

namespace shokuhon::app {

inline constexpr std::size_t kPartPages = 8;

struct BookPdfOptions {
    std::filesystem::path cache_dir;  // rendered parts by key; "" = no cache
    // Without a cache, the parts pass through files named `scratch` + "part-N.part": give the PDF's
    // temporary prefix (temp_path_for), so that the next build clears what a killed one left.
    std::filesystem::path scratch;
    int jobs = 1;                     // processes rendering parts (1 = this one only; 0 = one per core)
    std::string context;              // what else every part depends on (the fonts' hashes)
    HashCache* hashes = nullptr;      // photos' SHA-256; none = hashed afresh
    // Font subsets kept between builds (one file per font: the largest glyph set subset so far
    // and its program): a build whose glyphs it holds draws with it instead of subsetting.
    // "" = none. `font_keys`: role → what names the font file (its SHA-256 and face).
    std::filesystem::path subset_cache;
    std::map<std::string, std::string> font_keys;
};

struct BookPdfStats {
    int parts = 0, rendered = 0, from_cache = 0, processes = 1;
    int subsets = 0, subsets_cached = 0;  // font programs the parts were drawn with, and those kept from before
    double subset_s = 0, render_s = 0, assemble_s = 0;  // wall time of each step
    std::string sha256;  // of the PDF as written (hex), hashed while it was written
};

// The first two steps: the parts, in page order, prepared for joining (from the cache, or
// rendered with the fonts subset to the glyphs of the parts that are rendered, then prepared
// where they were rendered). They end up as files of their prepared form: in the cache, or in
// `scratch` files when there is none (the caller removes those). False with E-RENDER-* / E-FINISH-*
// diagnostics.
bool render_parts(const render::RenderInputs& in, const BookPdfOptions& opts, std::vector<std::filesystem::path>& parts,
                  BookPdfStats& stats, Diagnostics& diags);

// All of it: render_parts, then finish::assemble_pdf, a part at a time, into the file `out` (a
// cached part that turns out unreadable drops the cache and every part is rendered again). Only
// parts of this build stay in `cache_dir` afterwards (the folder never grows without bound).
// Returns false with E-RENDER-* / E-FINISH-* / E-OUTPUT-* diagnostics.
bool write_book_pdf(const render::RenderInputs& in, const finish::AssembleOptions& assemble,
                    const BookPdfOptions& opts, const std::filesystem::path& out, BookPdfStats& stats,
                    Diagnostics& diags);

}  // namespace shokuhon::app
