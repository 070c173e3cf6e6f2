// finish/: Japanese-style crop marks (トンボ) for the print PDF. Each corner gets a double mark
// (角トンボ): one line pair on the trim, one on the bleed edge, `bleed` apart; each side gets a
// centre mark (センタートンボ, a cross). Lines are 0.25 pt in registration colour
// (/Separation /All: every plate). The page grows by the mark area on every side; the page
// content moves with it, so TrimBox and BleedBox still frame the same artwork.
// Internal to finish/.
#pragma once
#include <qpdf/QPDFPageObjectHelper.hh>

#include <string>

namespace shokuhon::finish {

struct MarkGeometry {
    double bleed = 8.50394;    // pt: distance between the trim line and the bleed line (3 mm)
    double length = 28.3465;   // pt: how far the marks reach beyond the bleed line (10 mm)
    double margin = 34.0157;   // pt: MediaBox beyond the BleedBox (12 mm)
    double line = 0.25;        // pt
};

// The marks' content stream for a page whose TrimBox is (x0, y0)–(x1, y1), in PDF
// coordinates, painting with the colour space resource `cs_name` (exposed for the tests).
std::string crop_marks_content(double x0, double y0, double x1, double y1, const MarkGeometry& g,
                               const std::string& cs_name);

// Enlarges the page, moves its content and boxes, and draws the marks. The page must have a
// TrimBox and a BleedBox.
void add_crop_marks(QPDFPageObjectHelper& page, const MarkGeometry& g);

}  // namespace shokuhon::finish
