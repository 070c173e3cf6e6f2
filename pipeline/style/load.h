// style/: loads layouts/layout.xml (geometry, palette, styles) and layouts/templates.xml.
// Unknown elements and attributes, bad units and dangling names are errors with file:line.
#pragma once
#include <filesystem>

#include "core/diagnostics.h"
#include "style/layout_set.h"

namespace shokuhon::style {

LayoutSet load_layout_set(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace shokuhon::style
