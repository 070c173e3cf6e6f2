// tests/unit/typeset: the sample book's layouts and pinned fonts (fonts/fonts.lock, fixed by
// hash), loaded once for the typesetting tests.
#pragma once
#include <filesystem>
#include <string>

#include "compose/text.h"
#include "core/diagnostics.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace shokuhon::test {

struct Typeset {
    Diagnostics diags;
    style::LayoutSet layout;
    shape::FontSet fonts;
    Typeset() {
        const std::filesystem::path src = SHOKUHON_SOURCE_DIR;
        layout = style::load_layout_set(src / "layouts", diags);
        fonts = shape::FontSet::open(shape::read_font_lock(src / "fonts/fonts.lock", diags), diags);
    }
    compose::Typesetter setter(linebreak::Mode mode = linebreak::Mode::kOptimal) const {
        return compose::Typesetter(fonts, layout, mode);
    }
};

inline const Typeset& typeset() {
    static const Typeset t;
    return t;
}

}  // namespace shokuhon::test
