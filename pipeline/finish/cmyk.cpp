// finish/: the palette's reverse table (see cmyk.h).
#include "finish/cmyk.h"

#include <cmath>
#include <cstdio>

namespace shokuhon::finish {

PrintPalette::PrintPalette(std::vector<PaletteColour> colours) : colours_(std::move(colours)) {
    for (std::size_t i = 0; i < colours_.size(); ++i) {
        const auto& c = colours_[i];
        auto [it, fresh] = index_.emplace(key(c.r, c.g, c.b), i);
        if (!fresh) clashes_.emplace_back(it->second, i);
    }
}

PrintPalette PrintPalette::from_layout(const style::LayoutSet& layout) {
    std::vector<PaletteColour> out;
    for (const auto& [name, col] : layout.colours) {
        const auto rgb = col.rgb();  // the very function the painter calls
        out.push_back({name, rgb.r, rgb.g, rgb.b, {col.c, col.m, col.y, col.k}, col.loc});
    }
    return PrintPalette(std::move(out));
}

// Cairo prints colours with up to six decimals; palette values have four at most (percent ×
// percent), so 1/10000 separates every palette colour and absorbs printing noise.
PrintPalette::Key PrintPalette::key(double r, double g, double b) {
    return {std::lround(r * 1e4), std::lround(g * 1e4), std::lround(b * 1e4)};
}

const PaletteColour* PrintPalette::find(double r, double g, double b) const {
    auto it = index_.find(key(r, g, b));
    return it == index_.end() ? nullptr : &colours_[it->second];
}

bool PrintPalette::check(int limit_percent, Diagnostics& diags) const {
    bool ok = true;
    for (const auto& c : colours_) {
        const long total = std::lround(c.cmyk.total() * 100);
        if (total <= limit_percent) continue;
        diags.error("E-PRINT-002", c.loc,
                    "colour \"" + c.name + "\" has " + std::to_string(total) +
                        " % total ink, above the limit of " + std::to_string(limit_percent) + " %",
                    "lower C, M or Y (keep K), or raise ink-limit in <print> if the printer allows it");
        ok = false;
    }
    for (const auto& [a, b] : clashes_) {
        diags.error("E-PRINT-003", colours_[b].loc,
                    "colours \"" + colours_[a].name + "\" and \"" + colours_[b].name +
                        "\" render to the same RGB, so the print PDF cannot tell them apart");
        ok = false;
    }
    return ok;
}

std::string pdf_number(double v) {
    if (std::fabs(v) < 5e-5) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

}  // namespace shokuhon::finish
