// finish/: the qpdf pass that turns Cairo's raw PDF into the delivered file.
// Input: a complete PDF written by render/ (MediaBox = trim + bleed on every side).
// Output: the same pages with TrimBox and BleedBox on every page, Info metadata completed,
// a repaired cross-reference table and deterministic IDs. Never draws, never lays out.
#pragma once
#include <filesystem>
#include <string>

#include "core/diagnostics.h"
#include "core/units.h"

namespace shokuhon::finish {

struct FinishOptions {
    Length bleed = Length::from_mm(3);  // MediaBox inset to TrimBox on every side
    std::string title, author, subject;  // Info dictionary (Cairo's values are replaced)
    std::string creation_date;           // PDF date "D:20261126000000+09'00'" (from SOURCE_DATE_EPOCH)
};

// Reads `in`, writes `out` (which must differ from `in`). Returns false and adds an
// E-FINISH-* diagnostic when qpdf cannot read or write the file.
bool finish_pdf(const std::filesystem::path& in, const std::filesystem::path& out,
                const FinishOptions& opts, Diagnostics& diags);

}  // namespace shokuhon::finish
