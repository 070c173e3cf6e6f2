// compose/pages/: small formatting helpers shared by the page builders.
#pragma once
#include <string>

namespace shokuhon::compose::pages {

// 1500 → "1,500円"
inline std::string yen(int v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out + "円";
}

// Cross-reference to a page: "→P.34"
inline std::string page_ref(int folio) { return "→P." + std::to_string(folio); }

}  // namespace shokuhon::compose::pages
