// finish/: the print pass. Input: a PDF made by assemble_pdf (boxes, Info, clean xref) whose
// colours came from the layout's palette. Output: PDF/X-4 or PDF/X-1a for the printer:
//   - every RGB colour operator in pages and form XObjects replaced by the palette's exact CMYK
//     (black text and rules become 0 0 0 1 k); a colour the palette does not know is an error;
//   - total ink of every palette colour checked against the layout's limit;
//   - links removed (annotations have no place on a printing plate);
//   - needless transparency groups removed (X-1a: any transparency is an error);
//   - photos tagged with their ICC profile or converted to CMYK (X-1a);
//   - optional Japanese crop marks;
//   - OutputIntent, Info and XMP identification, PDF version, deterministic IDs.
// Never draws page content, never lays out.
#pragma once
#include <filesystem>
#include <string>

#include "core/diagnostics.h"
#include "finish/cmyk.h"
#include "finish/pdfx.h"
#include "finish/photos.h"
#include "finish/recolour.h"

namespace shokuhon::finish {

struct PrintOptions {
    PdfX standard = PdfX::kX4;
    bool marks = false;
    PrintPalette palette;
    int ink_limit = 300;                       // %
    std::filesystem::path cmyk_profile;        // ICC file: OutputIntent, X-1a photo conversion
    std::filesystem::path rgb_profile;         // ICC file: RGB photos without their own profile
    std::string condition, condition_name, registry;
    std::string title, author, subject, date;  // date: ISO "2027-03-25"
    std::string document_key;                  // stable name of the book (ISBN), for XMP IDs
    std::filesystem::path cache_dir;           // converted photos (X-1a); "" = no cache
    double bleed_pt = 8.50394;                 // for the crop marks: bleed line distance
    SourceLoc settings_loc;                    // where the print settings come from
};

struct PrintStats {
    int pages = 0;
    int links_removed = 0;
    int groups_removed = 0;
    RecolourLog colours;
    PhotoStats photos;
    double seconds = 0;
    std::string sha256;  // of `out`, hashed as it was written (hex)
};

// Reads `in`, writes `out` (which must differ). Returns false with E-PRINT-* diagnostics when
// the result would not be a correct print PDF; `out` is then not written.
bool print_pdf(const std::filesystem::path& in, const std::filesystem::path& out,
               const PrintOptions& opts, Diagnostics& diags, PrintStats& stats);

// The ICC profile's description ("FOGRA39L Coated"), "" when unreadable.
std::string icc_description(const std::string& profile);

}  // namespace shokuhon::finish
