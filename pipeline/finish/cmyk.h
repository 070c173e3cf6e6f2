// finish/: exact CMYK for the print PDF. Cairo writes only RGB; the renderer's RGB for a palette
// colour is deterministic (style::Colour::rgb()), so the palette gives the reverse table
// RGB → declared CMYK. A colour the table does not know is an error, never a guess.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "style/layout_set.h"

namespace shokuhon::finish {

struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;  // 0–1 each
    double total() const { return c + m + y + k; }
    // Dark neutral built from more than one ink: misregisters in text and thin lines.
    bool rich_black() const { return k >= 0.9 && (c > 0 || m > 0 || y > 0); }
};

struct PaletteColour {
    std::string name;
    double r = 0, g = 0, b = 0;  // what the renderer wrote
    Cmyk cmyk;                   // what the print PDF must say
    SourceLoc loc;
};

class PrintPalette {
public:
    PrintPalette() = default;
    explicit PrintPalette(std::vector<PaletteColour> colours);
    static PrintPalette from_layout(const style::LayoutSet& layout);

    // The palette colour whose renderer RGB is (r, g, b), compared at 1/10000.
    const PaletteColour* find(double r, double g, double b) const;
    const std::vector<PaletteColour>& colours() const { return colours_; }

    // E-PRINT-002 for every colour above `limit_percent` total ink; E-PRINT-003 when two
    // colours share one RGB (the reverse table would be ambiguous).
    bool check(int limit_percent, Diagnostics& diags) const;

private:
    using Key = std::array<long, 3>;
    static Key key(double r, double g, double b);
    std::vector<PaletteColour> colours_;
    std::map<Key, std::size_t> index_;
    std::vector<std::pair<std::size_t, std::size_t>> clashes_;
};

// "0.92 0.45 0 0": short, exact to 1/10000, no exponent (content-stream syntax).
std::string pdf_number(double v);

}  // namespace shokuhon::finish
