// finish/: facts read back from any PDF with qpdf, for preflight and for the tests that
// check the book from outside. Reads only; never modifies the file.
#pragma once
#include <qpdf/QPDF.hh>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace shokuhon::finish {

struct Box { double x0 = 0, y0 = 0, x1 = 0, y1 = 0; };  // in pt, as in the PDF

struct PageFacts {
    Box media;
    std::optional<Box> trim, bleed;
    std::string label;  // page label (/PageLabels), "" when none
};

struct FontFacts {
    std::string base_font;  // e.g. "ABCDEF+NotoSerifCJKjp-Regular"
    std::string subtype;    // Type0, Type1, TrueType, Type3 ...
    bool embedded = false;  // a FontFile/FontFile2/FontFile3 stream reached from the font
};

struct ImageFacts {
    std::string filter;           // "/DCTDecode" for passed-through JPEGs
    long long width = 0, height = 0;
    std::size_t raw_size = 0;     // bytes of the stream as stored (undecoded)
    std::size_t raw_hash = 0;     // std::hash of those bytes, to compare with source files
};

struct PdfFacts {
    std::string version;  // "1.5"
    std::vector<PageFacts> pages;
    std::vector<FontFacts> fonts;  // every distinct font object used by any page (incl. XObjects)
    std::vector<ImageFacts> images;  // every distinct image XObject used by any page
    std::vector<std::string> outline_titles;  // top-level outline entries in order (UTF-8)
    std::string info_title, info_author;       // Info dictionary (UTF-8)
};

// Throws std::runtime_error when the file cannot be opened as a PDF.
PdfFacts read_pdf_facts(const std::filesystem::path& pdf);
// The same for a PDF already open (qpdf's exceptions pass through).
PdfFacts read_pdf_facts(QPDF& pdf);

}  // namespace shokuhon::finish
