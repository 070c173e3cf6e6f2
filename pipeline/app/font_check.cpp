#include "app/font_check.h"

#include <hb.h>

namespace shokuhon::app {

void check_font_faces(const std::vector<shape::FontLockEntry>& lock, const shape::FontSet& fonts,
                      Diagnostics& diags) {
    for (const auto& e : lock) {
        const shape::Font* font = fonts.find(e.role);
        if (!font || hb_face_get_glyph_count(hb_font_get_face(font->hb())) > 0) continue;
        diags.error("E-FONT-007", e.loc,
                    "font file " + e.file.string() + " is damaged or cut short: face " + std::to_string(e.face) +
                        " has no glyphs",
                    "reinstall the font (apt-get install --reinstall fonts-noto-cjk) or point the lock at a good copy");
    }
}

}  // namespace shokuhon::app
