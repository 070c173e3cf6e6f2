// style/: the RELAX NG schemas of layouts/*.xml, compiled into the program.
#pragma once
#include <string_view>

namespace shokuhon::style {
std::string_view schema_text(std::string_view name);  // "layout", "templates"
}  // namespace shokuhon::style
