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
    struct Rgb { double r, g, b; };
    Rgb rgb() const;  // naive conversion for screen proofs
};

enum class Align { kJustify, kStart, kCenter, kEnd };

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

// A page template: a kind the compose stage knows how to fill, with the parameters a designer
// may change (cards per page, photo share, which styles to use ...).
struct Template {
    std::string id, kind;
    std::map<std::string, std::string> params;
    SourceLoc loc;

    std::string get(const std::string& key, const std::string& fallback = {}) const;
    int get_int(const std::string& key, int fallback) const;
    double get_double(const std::string& key, double fallback) const;
};

struct LayoutSet {
    Geometry geometry;
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
