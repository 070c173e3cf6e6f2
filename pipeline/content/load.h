// content/: load and validate the sample book's XML (RELAX NG schemas in content/schema/).
// Input: a content folder. Output: Book (public) and EditorialNotes (private), plus
// diagnostics naming file, line, column and entry. Never prints, never renders.
#pragma once
#include <filesystem>

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

}  // namespace shokuhon::content
