// compose/: the composed book, the one value every render backend draws (Typst's Frame).
// Items sit at fixed positions in trim coordinates (0,0 = top-left of the trimmed page, y down;
// negative or beyond-trim coordinates reach into the bleed). Colours are palette names.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/units.h"

namespace shokuhon::compose {

struct PositionedGlyph {
    std::uint32_t gid = 0;
    Length x, y;  // relative to the run's origin (baseline start)
};

// Byte and glyph counts of one cluster, in order (what cairo_show_text_glyphs needs so that
// the PDF's text is extractable).
struct ClusterSpan {
    std::uint32_t bytes = 0, glyphs = 0;
};

struct GlyphRun {
    std::string font;  // font role
    Length size;
    Point origin;      // baseline start
    std::string colour;
    std::vector<PositionedGlyph> glyphs;
    std::string utf8;
    std::vector<ClusterSpan> clusters;
    // Quarter turns clockwise about the origin: 1 for Latin in vertical text (縦組の欧文, JLREQ
    // 3.2.3), whose glyph positions are then along the rotated baseline.
    int quarter_turns = 0;
};

struct RectItem {
    Rect rect;
    std::string fill;    // "" = none
    std::string stroke;  // "" = none
    Length stroke_width;
    Length radius;
};

struct LineItem {
    Point a, b;
    Length width;
    std::string colour;
    bool dotted = false;
};

struct CircleItem {
    Point centre;
    Length radius;
    std::string fill, stroke;
    Length stroke_width;
};

// A photo scaled to cover its frame and cropped to it (never stretched).
struct ImageItem {
    Rect frame;
    std::string path;  // absolute path of a JPEG; "" = marked placeholder
    double focus_x = 0.5, focus_y = 0.5;
};

struct LinkItem {
    Rect rect;
    int target_page = 0;  // 1-based page index
};

using Placed = std::variant<GlyphRun, RectItem, LineItem, CircleItem, ImageItem, LinkItem>;

struct Page {
    int folio = 0;
    std::string label;    // page label as printed: "表1", "3", ...
    std::string section;  // section id or ""
    std::string tmpl;
    std::vector<Placed> items;
};

struct OutlineEntry {
    std::string title;
    int page = 0;  // 1-based
    int level = 0;
};

struct DocMeta {
    std::string title, author, subject, keywords, creator;
    std::string date_iso;  // "2027-03-25T00:00:00+09:00"
};

struct Document {
    Size trim;
    Length bleed;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    DocMeta meta;
};

}  // namespace shokuhon::compose
