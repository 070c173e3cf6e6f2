// content/: the RELAX NG schemas of the content formats, compiled into the program.
#pragma once
#include <string_view>

namespace shokuhon::content {
// "book", "plan", "shops", "products", "recommendations", "spots"; empty when unknown.
std::string_view schema_text(std::string_view name);
}  // namespace shokuhon::content
