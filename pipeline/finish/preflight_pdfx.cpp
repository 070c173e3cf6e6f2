// finish/: preflight of the PDF/X identification, colour spaces, transparency and images
// (see preflight.h; pages, boxes, fonts and the content scan are in preflight.cpp).
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdio>

#include "finish/preflight_checks.h"

namespace shokuhon::finish {
namespace {

bool rgb_family(const std::string& s) {
    return s == "DeviceRGB" || s == "CalRGB" || s == "ICCBased-3" || s == "Lab";
}

std::string num(double v, const char* fmt = "%.0f") {
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// PDF versions as numbers: "1.4" → 14.
int version_code(const std::string& v) {
    if (v.size() < 3 || v[1] != '.') return 0;
    return (v[0] - '0') * 10 + (v[2] - '0');
}

void check_intent(const PreflightReport& r, const std::string& x, Findings& f) {
    const OutputIntentFacts* intent = nullptr;
    int count = 0;
    for (const auto& oi : r.output_intents) {
        if (oi.subtype != "GTS_PDFX") continue;
        if (!intent) intent = &oi;
        ++count;
    }
    if (!intent) {
        f.add(Level::kError, "E-PREFLIGHT-062", 0, "no GTS_PDFX output intent: the printing condition is not declared");
        return;
    }
    if (count > 1) f.add(Level::kError, "E-PREFLIGHT-062", 0, "more than one GTS_PDFX output intent");
    if (intent->identifier.empty()) {
        f.add(Level::kError, "E-PREFLIGHT-062", 0, "the output intent has no OutputConditionIdentifier");
    }
    const bool registered = !intent->registry.empty();
    if (intent->profile_components == 0 && (x == "X-4" || !registered)) {
        f.add(Level::kError, "E-PREFLIGHT-063", 0, "the output intent embeds no ICC profile (DestOutputProfile)");
    } else if (intent->profile_components != 0 && intent->profile_components != 4) {
        f.add(Level::kWarning, "W-PREFLIGHT-063", 0, "the output profile is not CMYK (N = " +
              std::to_string(intent->profile_components) + ")");
    }
}

void check_info(const PreflightReport& r, const std::string& x, Findings& f) {
    if (r.xmp_pdfx_version.empty() && x == "X-4") {
        f.add(Level::kError, "E-PREFLIGHT-061", 0, "PDF/X-4 needs GTS_PDFXVersion in the XMP metadata too");
    } else if (!r.xmp_pdfx_version.empty() && r.xmp_pdfx_version != r.info_pdfx_version) {
        f.add(Level::kError, "E-PREFLIGHT-061", 0, "GTS_PDFXVersion differs: Info \"" + r.info_pdfx_version +
              "\", XMP \"" + r.xmp_pdfx_version + "\"");
    }
    if (r.trapped != "True" && r.trapped != "False") {
        f.add(Level::kError, "E-PREFLIGHT-064", 0, "Trapped must be True or False in PDF/X (is \"" + r.trapped + "\")");
    }
    if (r.title.empty()) f.add(Level::kError, "E-PREFLIGHT-065", 0, "no document Title");
    if (r.creation_date.empty() || r.mod_date.empty()) {
        f.add(Level::kError, "E-PREFLIGHT-066", 0, "CreationDate and ModDate are required in PDF/X");
    }
    const int max = x == "X-4" ? 16 : r.info_pdfx_version == "PDF/X-1:2001" ? 13 : x == "X-1a" ? 14 : 99;
    if (version_code(r.pdf_version) > max) {
        f.add(Level::kError, "E-PREFLIGHT-067", 0, "PDF " + r.pdf_version + " is newer than " + r.info_pdfx_version +
              " allows (" + std::to_string(max / 10) + "." + std::to_string(max % 10) + ")");
    }
    if (x == "X-1a" && r.info_pdfx_conformance.rfind("PDF/X-1a", 0) != 0) {
        f.add(Level::kError, "E-PREFLIGHT-068", 0, "PDF/X-1 needs GTS_PDFXConformance PDF/X-1a:…");
    }
}

// Annotations other than printer's marks and trap networks may not sit on the printed area.
void check_annotations(QPDF& pdf, bool pdfx, Findings& f) {
    int page = 0;
    for (QPDFPageObjectHelper& p : QPDFPageDocumentHelper(pdf).getAllPages()) {
        ++page;
        for (auto& a : p.getAnnotations()) {
            const std::string sub = a.getSubtype();
            if (sub == "/PrinterMark" || sub == "/TrapNet") continue;
            f.add(pdfx ? Level::kError : Level::kInfo, pdfx ? "E-PREFLIGHT-070" : "I-PREFLIGHT-070", page,
                  "annotation " + sub.substr(1) + " on the page (links and forms do not print)");
        }
    }
    if (pdf.getRoot().hasKey("/AcroForm") && pdfx) {
        f.add(Level::kError, "E-PREFLIGHT-070", 0, "interactive form (AcroForm) in a PDF/X file");
    }
}

void check_spaces(const PreflightReport& r, const std::string& x, Findings& f) {
    for (const auto& [space, n] : r.colour_spaces) {
        const std::string count = std::to_string(n) + " colour operator(s) in " + space;
        if (space == "DeviceRGB") {
            f.add(Level::kError, "E-PREFLIGHT-040", 0, count + ": RGB is converted by the printer with colour shifts");
        } else if (rgb_family(space) || space == "ICCBased-3") {
            f.add(x == "X-4" ? Level::kInfo : x.empty() ? Level::kWarning : Level::kError,
                  x == "X-4" ? "I-PREFLIGHT-040" : "E-PREFLIGHT-040", 0, count);
        } else if (space == "Pattern" || space == "?") {
            f.add(Level::kWarning, "W-PREFLIGHT-041", 0, count + ": check patterns and shadings by eye");
        }
    }
}

void check_transparency(QPDF& pdf, const std::string& x, Findings& f, const std::map<std::string, int>& found) {
    for (const auto& [kind, page] : found) {
        if (x == "X-1a") f.add(Level::kError, "E-PREFLIGHT-050", page, "transparency (" + kind + ") is forbidden in PDF/X-1a");
        else if (x.empty()) f.add(Level::kWarning, "W-PREFLIGHT-050", page, "transparency (" + kind + "): needs PDF/X-4");
        else f.add(Level::kInfo, "I-PREFLIGHT-050", page, "live transparency (" + kind + ")");
    }
    int page = 0;
    for (QPDFPageObjectHelper& p : QPDFPageDocumentHelper(pdf).getAllPages()) {
        ++page;
        QPDFObjectHandle g = p.getObjectHandle().getKey("/Group");
        if (!g.isDictionary() || !g.getKey("/S").isName() || g.getKey("/S").getName() != "/Transparency") continue;
        if (x == "X-1a") {
            f.add(Level::kError, "E-PREFLIGHT-051", page, "page transparency group: forbidden in PDF/X-1a");
        } else if (g.getKey("/CS").isName() && g.getKey("/CS").getName() == "/DeviceRGB") {
            f.add(Level::kWarning, "W-PREFLIGHT-051", page, "page transparency group blends in DeviceRGB");
        }
    }
}

void check_images(PreflightReport& r, const PreflightOptions& o, const std::string& x, Findings& f) {
    for (const ImageUse& img : r.images) {
        const std::string what = "image " + std::to_string(img.width) + "×" + std::to_string(img.height) +
                                 " px placed at " + num(img.placed_w_mm) + "×" + num(img.placed_h_mm) + " mm";
        if (img.space == "DeviceRGB") {
            f.add(Level::kError, "E-PREFLIGHT-041", img.page, "DeviceRGB image: the printer converts it with colour shifts");
        } else if (img.space == "ICCBased-3" && x != "X-4") {
            f.add(x.empty() ? Level::kWarning : Level::kError, "E-PREFLIGHT-041", img.page,
                  "ICC-based RGB image: allowed in PDF/X-4 only");
        }
        if (img.filter == "JPXDecode" || img.filter == "LZWDecode") {
            f.add(Level::kError, "E-PREFLIGHT-083", img.page, img.filter + " images are refused by printers' RIPs");
        }
        if (img.space.empty() || img.ppi <= 0 || img.width * img.height < 64 * 64) continue;  // masks, dots
        if (img.ppi < o.ppi_error) {
            f.add(Level::kError, "E-PREFLIGHT-080", img.page, what + ": " + num(img.ppi) + " ppi, under " + num(o.ppi_error));
        } else if (img.ppi < o.ppi_warning) {
            f.add(Level::kWarning, "W-PREFLIGHT-081", img.page, what + ": " + num(img.ppi) + " ppi, under " + num(o.ppi_warning));
        }
    }
}

}  // namespace

std::string claimed_pdfx(const PreflightReport& r) {
    const std::string& v = r.info_pdfx_version;
    if (v.rfind("PDF/X-4", 0) == 0) return "X-4";
    if (v.rfind("PDF/X-1", 0) == 0) return "X-1a";
    if (v.rfind("PDF/X-3", 0) == 0) return "X-3";
    if (v.rfind("PDF/X", 0) == 0) return v.substr(4);
    return {};
}

void check_pdfx(QPDF& pdf, const PreflightReport& r, Findings& f) {
    const std::string x = claimed_pdfx(r);
    if (pdf.isEncrypted()) f.add(Level::kError, "E-PREFLIGHT-069", 0, "the file is encrypted");
    check_annotations(pdf, !x.empty(), f);
    if (x.empty()) {
        f.add(Level::kError, "E-PREFLIGHT-060", 0,
              "not PDF/X (no GTS_PDFXVersion in Info): printers in Japan take PDF/X-1a or PDF/X-4");
        return;
    }
    check_intent(r, x, f);
    check_info(r, x, f);
}

void check_colour_and_images(QPDF& pdf, PreflightReport& r, const PreflightOptions& o, Findings& f,
                             const std::map<std::string, int>& transparency) {
    const std::string x = claimed_pdfx(r);
    check_spaces(r, x, f);
    check_transparency(pdf, x, f, transparency);
    check_images(r, o, x, f);
}

}  // namespace shokuhon::finish
