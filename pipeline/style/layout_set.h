// style/: what designers own, loaded from layouts/*.xml: page geometry and 版面 (type area),
// a CMYK palette, named text styles and page templates. Values only; no drawing, no text.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/units.h"

namespace shokuhon::style {

// A palette colour, declared in CMYK (0–1 each); screen output uses rgb().
struct Colour {
    std::string name;
    double c = 0, m = 0, y = 0, k = 1;
    // > 0 when the naive RGB of this colour equals another palette colour's (black and rich
    // black are both 0 0 0): rgb() then shifts it by rgb_alias × 0.002, invisible on screen, so
    // that the print pass can map every RGB the renderer wrote back to exactly one CMYK.
    int rgb_alias = 0;
    SourceLoc loc;
    struct Rgb { double r, g, b; };
    Rgb rgb() const;  // naive conversion for screen proofs
    double total_ink() const { return c + m + y + k; }  // 1.0 = 100 %
};

enum class Align { kJustify, kStart, kCenter, kEnd };

// Line-breaking strictness (JLREQ Addendum, jlreq.md §2): which characters may start a line.
// very-strict also keeps small kana, ー and 々 off a line start (the house rule; what printers
// and ICU call "strict"); strict allows them (JLREQ's default for general publications).
enum class Kinsoku { kVeryStrict, kStrict, kLoose, kVeryLoose };
// Writing direction of a style: horizontal (横組) or vertical (縦組, top to bottom).
enum class Writing { kHorizontal, kVertical };

struct TextStyle {
    std::string name;
    std::string font;            // font role from fonts/fonts.lock: mincho, gothic, ...
    Length size;                 // type size
    Length leading;              // line feed (行送り), baseline to baseline
    Length tracking;             // extra space per character (may be negative)
    Length indent;               // first-line indent
    std::string colour = "black";
    Align align = Align::kJustify;
    std::vector<std::string> features;  // OpenType features, e.g. palt
    Kinsoku kinsoku = Kinsoku::kVeryStrict;  // <styles kinsoku> or the style's own kinsoku=
    bool hang = false;                       // ぶら下げ of 。、 past the measure (hang="yes")
    Writing writing = Writing::kHorizontal;  // writing="vertical": 縦組
    std::string latin_font;                  // font role for Latin runs ("" = the style's font)
    SourceLoc loc;
};

struct Geometry {
    Length trim_w = Length::from_mm(210), trim_h = Length::from_mm(297), bleed = Length::from_mm(3);
    // 版面: margins measured from the trim; inner is the binding side (ノド).
    Length top = Length::from_mm(15), bottom = Length::from_mm(17);
    Length inner = Length::from_mm(16), outer = Length::from_mm(12);
    int columns = 12;
    Length gutter = Length::from_mm(4);
    Length tab_width = Length::from_mm(7);     // thumb tab (ツメ) width inside the trim
    Length tab_height = Length::from_mm(22);   // thumb tab height; tabs step down by section
    Length tab_top = Length::from_mm(40);
};

// A template's grid (<grid> in templates.xml): columns × rows of cells in the 版面, the gutters
// between them, and the baseline grid the blocks inside a cell start on. Unset values fall back
// to the template's columns= and rows=, and to twice the 版面's gutter.
struct Grid {
    int columns = 0, rows = 0;           // 0: the template's columns= / rows=
    std::optional<Length> gutter;        // between columns
    std::optional<Length> row_gutter;    // between rows (default: gutter)
    Length baseline;                     // baseline grid step; 0 = no baseline grid
};

// A page template: a kind the compose stage knows how to fill, with the parameters a designer
// may change (cards per page, photo share, which styles to use ...). Named frames
// (<frame name="photo" share=…>) are folded into params under the attribute names they stand for.
struct Template {
    std::string id, kind;
    std::map<std::string, std::string> params;
    Grid grid;
    SourceLoc loc;

    std::string get(const std::string& key, const std::string& fallback = {}) const;
    int get_int(const std::string& key, int fallback) const;
    double get_double(const std::string& key, double fallback) const;
};

// <print>: what the print build (shokuhon build --print) needs from the designer. Paths are
// resolved against the layouts folder at load time.
struct PrintSettings {
    std::string pdfx = "X-4";                      // X-4 or X-1a
    std::string profile = "icc/FOGRA39L_coated.icc";  // CMYK output profile (OutputIntent)
    std::string rgb_profile = "icc/sRGB.icc";        // RGB photos in X-4 (ICCBased)
    std::string condition = "FOGRA39";               // OutputConditionIdentifier
    std::string condition_name =
        "Offset commercial printing, coated paper (ISO 12647-2:2004/Amd 1, FOGRA39)";
    std::string registry = "http://www.color.org";
    int ink_limit = 300;                   // total area coverage of any palette colour, %
    Length rich_black_min = Length::from_mm(10);  // smallest side of an area in rich black
    double ppi_warning = 300, ppi_error = 200;    // effective resolution of placed photos
    SourceLoc loc;
};

struct LayoutSet {
    Geometry geometry;
    PrintSettings print;
    std::map<std::string, Colour> colours;
    std::map<std::string, TextStyle> styles;
    std::map<std::string, Template> templates;

    // Lookups that never fail: an unknown name was already reported at load time.
    const TextStyle& style(const std::string& name) const;
    const Colour& colour(const std::string& name) const;
    const Template* find_template(const std::string& id) const;
};

// Parses a length with its unit: "12mm", "9pt", "13Q", "20H", "1zw" (zw needs `em`).
std::optional<Length> parse_length(const std::string& s, Length em = Length::from_pt(10));

}  // namespace shokuhon::style
