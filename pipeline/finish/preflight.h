// finish/: preflight of any PDF, the way a printer's prepress department checks a file before
// it goes to plates: page count and signatures, page boxes, fonts and embedding, colour spaces
// and operators, total ink, rich black, transparency, output intent and PDF/X keys (Info and
// XMP agreeing), images and their effective resolution at placed size, and text that is not
// single-ink black. Errors are what would stop the job at a printer; warnings are what a
// printer would ask about. Read-only.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "finish/pdf_facts.h"

namespace shokuhon::finish {

struct PreflightOptions {
    int signature = 16;            // pages per signature (折): 16 is usual, 8 on A4 magazines
    double ppi_warning = 300;      // effective resolution of photos at placed size
    double ppi_error = 200;
    int ink_limit = 300;           // total ink of any CMYK colour, %
    double rich_black_min_pt = 28.3465;  // smallest side of an area in rich black (10 mm)
};

enum class Level { kInfo, kWarning, kError };

struct Finding {
    Level level = Level::kError;
    std::string code;    // E-PREFLIGHT-0xx / W-PREFLIGHT-0xx
    int page = 0;        // first page (1-based), 0 = the whole file
    int count = 1;       // how many times (pages, operators, images)
    std::string message;
};

struct OutputIntentFacts {
    std::string subtype;  // GTS_PDFX, GTS_PDFA1 ...
    std::string identifier, condition, registry, info;
    int profile_components = 0;  // /N of DestOutputProfile, 0 = none embedded
    std::size_t profile_bytes = 0;
};

struct ImageUse {
    int page = 0;
    long long width = 0, height = 0;
    std::string space, filter;
    double placed_w_mm = 0, placed_h_mm = 0;
    double ppi = 0;  // effective: the lower of the two directions
};

struct PreflightReport {
    std::string file;
    bool readable = false;
    std::string pdf_version;
    int pages = 0;
    int signature = 16;
    std::vector<PageFacts> page_boxes;
    std::vector<FontFacts> fonts;
    std::map<std::string, long> operators;       // "rg" → count (colour operators)
    std::map<std::string, long> colour_spaces;   // "DeviceRGB" → uses (operators, images, shadings)
    std::map<std::string, long> text_colours;    // "K only", "rich black", "RGB", "colour", ...
    bool transparency = false;
    std::vector<OutputIntentFacts> output_intents;
    std::string info_pdfx_version, info_pdfx_conformance, xmp_pdfx_version, trapped;
    std::string title, creation_date, mod_date;
    std::vector<ImageUse> images;   // one per placement
    std::vector<Finding> findings;

    int errors() const;
    int warnings() const;
    bool passed() const { return readable && errors() == 0; }
};

// Never throws: an unreadable file is a report with readable = false and an error finding.
PreflightReport preflight(const std::filesystem::path& pdf, const PreflightOptions& opts);

std::string preflight_text(const PreflightReport& r);  // for people: summary, then findings
std::string preflight_json(const PreflightReport& r);  // for machines: everything, stable keys

}  // namespace shokuhon::finish
