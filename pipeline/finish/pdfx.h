// finish/: the PDF/X identification of the print PDF: the OutputIntent with the CMYK profile,
// GTS_PDFXVersion (and GTS_PDFXConformance for X-1a) in Info and in an XMP metadata stream
// that agree, Trapped, Title and dates from the book's issue date (no wall clock), and the
// writer settings (PDF version, object streams, deterministic /ID). Internal to finish/.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

namespace shokuhon::finish {

enum class PdfX { kX4, kX1a };

// "X-4" / "X-1a" (case-insensitive, "PDF/X-4" also taken); false for anything else.
bool parse_pdfx(const std::string& s, PdfX& out);
const char* pdfx_name(PdfX x);            // "PDF/X-4", "PDF/X-1a:2003"
const char* pdfx_version_key(PdfX x);     // GTS_PDFXVersion: "PDF/X-4", "PDF/X-1:2003"
const char* pdfx_pdf_version(PdfX x);     // "1.6", "1.4"

struct PdfxInfo {
    PdfX standard = PdfX::kX4;
    std::string title, author, subject, keywords;
    std::string date;  // ISO date of issue "2027-03-25": creation = modification = metadata date
    std::string condition, condition_name, registry;  // OutputConditionIdentifier ...
    std::string profile;       // bytes of the CMYK output profile
    std::string profile_desc;  // the profile's own description, for /Info of the intent
    std::string document_key;  // stable name of the book (ISBN or title): xmpMM:DocumentID
};

// "D:20270325000000+09'00'" and "2027-03-25T00:00:00+09:00" for an ISO date (JST, the
// publisher's time zone). Empty when the date is not YYYY-MM-DD.
std::string pdf_date_of(const std::string& iso_date);
std::string xmp_date_of(const std::string& iso_date);

// Adds /OutputIntents and /Metadata to the catalog and completes Info.
void apply_pdfx(QPDF& pdf, const PdfxInfo& info);

// The XMP packet for `info` (exposed for the tests).
std::string pdfx_xmp(const PdfxInfo& info);

// PDF version, object streams and deterministic IDs for the standard.
void configure_writer(QPDFWriter& w, PdfX standard);

}  // namespace shokuhon::finish
