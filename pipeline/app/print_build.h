// app/: the print build (shokuhon build --print). After the screen pipeline has rendered and
// finished the book, the print pass turns it into PDF/X (finish/print.h), preflights the result
// (finish/preflight.h) and, only when it passes, moves it into place and writes the delivery
// folder and zip for the printer (finish/delivery.h). A file that fails preflight is kept as
// "<name>.rejected.pdf" for inspection; the last good print PDF stays as it was.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "app/build.h"
#include "content/model.h"
#include "shape/font_set.h"
#include "style/layout_set.h"

namespace shokuhon::app {

struct PrintInputs {
    const BuildOptions& opts;
    const content::Book& book;
    const style::LayoutSet& layout;
    const compose::Document& doc;
    const std::vector<shape::FontLockEntry>& lock;
};

// The PDF/X standard for this build: --pdfx, else the layout's <print pdfx=…>. False (with
// an error) when neither names X-4 or X-1a.
bool print_standard(const BuildOptions& opts, const style::LayoutSet& layout, std::string& out,
                    Diagnostics& diags);

// Effective resolution of every placed photo against the layout's thresholds (before render).
void check_print_photos(const PrintInputs& in, Diagnostics& diags);

// `finished`: the screen-finished PDF (a temporary file). Writes opts.output and the delivery.
// Returns an exit code; `report` gets the lines the command prints after the build summary.
int run_print_pass(const PrintInputs& in, const std::filesystem::path& finished, Diagnostics& diags,
                   std::vector<std::string>& report);

// out/hiratsuka-food-book-pdfx4.pdf or …-pdfx1a.pdf: print and screen PDFs never overwrite
// each other.
std::filesystem::path default_print_output(const std::string& standard);

}  // namespace shokuhon::app
