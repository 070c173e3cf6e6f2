// finish/: what goes to the printer. A delivery folder holds the print PDF, its preflight report
// (text and JSON) and a manifest (manifest.json) with the SHA-256 of every input file, font and
// output; a zip of the folder (Poco::Zip, entries dated with the book's issue date, so the
// same book gives the same zip) is what the printer receives. The folder holds no content XML,
// no photos and nothing private: only outputs and hashes.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "finish/preflight.h"

namespace shokuhon::finish {

struct ManifestEntry {
    std::string role;     // content, layout, font-lock, font, profile, output
    std::string path;     // as given to the build (relative paths stay relative)
    std::string sha256;   // "" when the file could not be read
    std::uintmax_t bytes = 0;
};

struct DeliveryInfo {
    std::string title, isbn, edition, issue_date;  // issue_date: ISO "2027-03-25"
    std::string pdfx, output_condition, profile;   // "PDF/X-4", "FOGRA39", "FOGRA39L Coated"
    std::vector<ManifestEntry> inputs;              // every input file, font and profile
    std::string pdf_sha256;                         // the PDF's, when known; "" = read and hashed
};

struct DeliveryResult {
    std::filesystem::path folder, zip;
    std::vector<ManifestEntry> outputs;  // the files in the folder (PDF, reports)
};

// Writes `folder` (replacing it) and `zip` (beside it, replaced atomically) for `pdf`.
// Returns false with E-DELIVERY-* diagnostics on failure.
bool write_delivery(const std::filesystem::path& pdf, const std::filesystem::path& folder,
                    const std::filesystem::path& zip, const DeliveryInfo& info,
                    const PreflightReport& report, Diagnostics& diags, DeliveryResult& result);

// SHA-256 of a file as 64 hex digits, "" when unreadable.
std::string sha256_of_file(const std::filesystem::path& p);

// The manifest for `info` and `outputs` (exposed for the tests).
std::string manifest_json(const DeliveryInfo& info, const std::vector<ManifestEntry>& outputs);

}  // namespace shokuhon::finish
