// content/: load and validate the sample book's XML (RELAX NG schemas in content/schema/).
// Input: a content folder. Output: Book (public) and EditorialNotes (private), plus
// diagnostics naming file, line, column and entry. Never prints, never renders.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "content/model.h"
#include "core/diagnostics.h"

namespace shokuhon::content {

struct Loaded {
    Book book;
    EditorialNotes notes;
};

// Loads book.xml, plan.xml, shops/*.xml, products.xml, recommendations.xml and spots.xml
// from `dir`, each validated against its compiled-in schema, then cross-checked (unique ids,
// references, plan order and signature multiple, photo paths).
Loaded load_book(const std::filesystem::path& dir, Diagnostics& diags);

// The file that `src` (relative to `dir`) names, resolved, when it stays inside `dir`; nullopt
// for absolute paths, any "..", and symbolic links that lead outside the folder.
std::optional<std::filesystem::path> confined_path(const std::filesystem::path& dir, const std::string& src);

}  // namespace shokuhon::content
