// app/: writes the proof report of a proof build beside its PDF: report.html, the page
// thumbnails (pages/pNNN.png) and the previous proof's thumbnails (previous/), which are
// kept so that the next proof can show what changed. report/ makes the HTML; this file
// renders, compares and writes.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/build.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

struct ProofReportOptions {
    std::filesystem::path pdf;  // the proof PDF; the report goes into its folder
    std::string round, made;    // 初校, 2026-11-26 14:05
    double thumb_dpi = 36;      // 306 × 429 pixels for an A4 page with bleed
    // Items per page before the proof marks were added: thumbnails are drawn without the
    // marks, whose time changes with every proof and would make every page "changed".
    std::shared_ptr<std::vector<std::size_t>> unmarked_items = std::make_shared<std::vector<std::size_t>>();
};

struct ProofReportResult {
    std::filesystem::path html;
    int changed_pages = 0;
    bool had_previous = false;
    std::string previous_round, previous_made;
};

// `build_diags` are the build's diagnostics (listed in the report); problems writing the
// report go to `diags`. Returns false when the report could not be written.
// `build --proof`: proof marks on every page (round, time of now), the book composed kept for
// the report, and, without -o, the proof PDF in out/proof/ so that it never replaces the
// PDF for print. Returns what write_proof_report needs.
ProofReportOptions prepare_proof_build(BuildOptions& opts, const std::string& round, bool output_given);

// "proof report: out/proof/report.html (3 pages changed since 初校 2026-11-26 10:00)"
std::string describe(const ProofReportResult& r);

bool write_proof_report(const Composed& c, const BuildResult& r, const Diagnostics& build_diags,
                        const ProofReportOptions& opts, ProofReportResult& out, Diagnostics& diags);

}  // namespace shokuhon::app
