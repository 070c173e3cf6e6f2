// finish/: preflight checks (see preflight.h). Report formatting is in preflight_report.cpp.
#include "finish/preflight.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <regex>

#include "finish/cmyk.h"
#include "finish/content_scan.h"
#include "finish/preflight_checks.h"

namespace shokuhon::finish {
namespace {

namespace fs = std::filesystem;

constexpr double kMmPerPt = 25.4 / 72.0;

std::string mm(double pt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pt * kMmPerPt);
    return buf;
}

bool is_rgb(const std::string& space) {
    return space == "DeviceRGB" || space == "CalRGB" || space == "ICCBased-3" || space == "Lab";
}

// Aggregates what the content scanner reports into the report and its findings.
class Collector : public ContentSink {
public:
    Collector(PreflightReport& r, const PreflightOptions& o) : r_(r), o_(o), f_(r.findings) {}

    void colour_operator(int, const std::string& op, const std::string& space) override {
        ++r_.operators[op];
        ++r_.colour_spaces[space];
    }

    void text(int page, const Paint& p) override {
        const std::string kind = classify(p);
        ++r_.text_colours[kind];
        if (kind == "rich black") {
            f_.add(Level::kError, "E-PREFLIGHT-043", page, "text in rich black (" + values(p) +
                   "): misregisters on press; body text must be single-ink black (0 0 0 1 k)");
        } else if (kind == "RGB black" || kind == "RGB grey") {
            f_.add(Level::kError, "E-PREFLIGHT-046", page, "text in " + kind + " (" + values(p) +
                   "): prints in four inks instead of black only");
        } else if (kind == "registration") {
            f_.add(Level::kError, "E-PREFLIGHT-047", page, "text in registration colour (all inks)");
        }
        ink(page, p);
    }

    void path(const PathPaint& p) override {
        ink(p.page, p.paint);
        if (classify(p.paint) != "rich black") return;
        if (p.stroke) {
            f_.add(Level::kError, "E-PREFLIGHT-044", p.page, "line stroked in rich black (" + values(p.paint) +
                   "): thin lines must be single-ink black");
        } else if (std::min(p.width_pt, p.height_pt) < o_.rich_black_min_pt) {
            f_.add(Level::kError, "E-PREFLIGHT-045", p.page, "an area in rich black narrower than " +
                   mm(o_.rich_black_min_pt) + " mm: rich black is for large areas only");
        }
    }

    void image(const ImagePaint& img) override {
        ImageUse u;
        u.page = img.page;
        u.width = img.width;
        u.height = img.height;
        u.space = img.space;
        u.placed_w_mm = img.placed_w_pt * kMmPerPt;
        u.placed_h_mm = img.placed_h_pt * kMmPerPt;
        QPDFObjectHandle image = img.image;  // qpdf's accessors are not const
        if (image.isStream()) {
            QPDFObjectHandle f = image.getDict().getKey("/Filter");
            if (f.isArray() && f.getArrayNItems() > 0) f = f.getArrayItem(0);
            if (f.isName()) u.filter = f.getName().substr(1);
            QPDFObjectHandle interpolate = image.getDict().getKey("/Interpolate");
            if (interpolate.isBool() && interpolate.getBoolValue()) {
                f_.add(Level::kWarning, "W-PREFLIGHT-082", img.page, "image with /Interpolate true (PDF/X forbids it)");
            }
        }
        if (img.placed_w_pt > 0 && img.placed_h_pt > 0) {
            u.ppi = std::min(static_cast<double>(img.width) / (img.placed_w_pt / 72.0),
                             static_cast<double>(img.height) / (img.placed_h_pt / 72.0));
        }
        r_.images.push_back(u);
    }

    void shading(int page, const std::string& space) override {
        ++r_.colour_spaces[space];
        ++r_.operators["sh"];
        (void)page;
    }

    void transparency(int page, const std::string& what) override {
        r_.transparency = true;
        transparency_.emplace(what, page);
    }

    std::map<std::string, int> transparency_;  // kind → first page

private:
    static std::string values(const Paint& p) {
        std::string s = p.space;
        for (double v : p.values) s += " " + pdf_number(v);
        return s;
    }

    static std::string classify(const Paint& p) {
        const auto& v = p.values;
        if (p.space == "Separation") return p.separation == "All" ? "registration" : "spot";
        if (p.space == "DeviceGray" || p.space == "ICCBased-1") return v.empty() || v[0] < 1 ? "K only" : "white";
        if ((p.space == "DeviceCMYK" || p.space == "ICCBased-4") && v.size() == 4) {
            if (v[0] + v[1] + v[2] + v[3] == 0) return "white";
            if (v[0] == 0 && v[1] == 0 && v[2] == 0) return "K only";
            return Cmyk{v[0], v[1], v[2], v[3]}.rich_black() ? "rich black" : "colour";
        }
        if (is_rgb(p.space) && p.space != "Lab" && v.size() == 3) {
            if (v[0] == v[1] && v[1] == v[2]) return v[0] >= 1 ? "white" : v[0] < 0.25 ? "RGB black" : "RGB grey";
            return "RGB colour";
        }
        return p.space;
    }

    void ink(int page, const Paint& p) {
        if (p.space != "DeviceCMYK" || p.values.size() != 4) return;
        const double total = (p.values[0] + p.values[1] + p.values[2] + p.values[3]) * 100;
        if (total > o_.ink_limit + 0.5) {
            f_.add(Level::kError, "E-PREFLIGHT-042", page, "CMYK colour " + values(p) + " has " +
                   std::to_string(std::lround(total)) + " % total ink, above " + std::to_string(o_.ink_limit) + " %");
        }
    }

    PreflightReport& r_;
    const PreflightOptions& o_;
    Findings f_;
};

std::string text_of(QPDFObjectHandle dict, const char* key) {
    QPDFObjectHandle v = dict.isDictionary() ? dict.getKey(key) : QPDFObjectHandle();
    if (v.isString()) return v.getUTF8Value();
    if (v.isName()) return v.getName().substr(1);
    return {};
}

// GTS_PDFXVersion from the XMP packet (pdfxid: for X-4, pdfx: for X-1a and X-3).
std::string xmp_pdfx_version(QPDF& pdf) {
    QPDFObjectHandle md = pdf.getRoot().getKey("/Metadata");
    if (!md.isStream()) return {};
    auto buf = md.getStreamData(qpdf_dl_generalized);
    const std::string xmp(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    static const std::regex kElement(R"re(pdfx(?:id)?:GTS_PDFXVersion>([^<]*)<)re");
    static const std::regex kAttribute(R"re(pdfx(?:id)?:GTS_PDFXVersion\s*=\s*"([^"]*)")re");
    std::smatch m;
    if (std::regex_search(xmp, m, kElement) || std::regex_search(xmp, m, kAttribute)) return m[1];
    return {};
}

void read_document(QPDF& pdf, PreflightReport& r) {
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    r.info_pdfx_version = text_of(info, "/GTS_PDFXVersion");
    r.info_pdfx_conformance = text_of(info, "/GTS_PDFXConformance");
    r.trapped = text_of(info, "/Trapped");
    r.title = text_of(info, "/Title");
    r.creation_date = text_of(info, "/CreationDate");
    r.mod_date = text_of(info, "/ModDate");
    r.xmp_pdfx_version = xmp_pdfx_version(pdf);
    QPDFObjectHandle intents = pdf.getRoot().getKey("/OutputIntents");
    for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
        QPDFObjectHandle oi = intents.getArrayItem(i);
        OutputIntentFacts f;
        f.subtype = text_of(oi, "/S");
        f.identifier = text_of(oi, "/OutputConditionIdentifier");
        f.condition = text_of(oi, "/OutputCondition");
        f.registry = text_of(oi, "/RegistryName");
        f.info = text_of(oi, "/Info");
        if (QPDFObjectHandle p = oi.getKey("/DestOutputProfile"); p.isStream()) {
            QPDFObjectHandle n = p.getDict().getKey("/N");
            f.profile_components = n.isInteger() ? static_cast<int>(n.getIntValue()) : 0;
            f.profile_bytes = p.getStreamData(qpdf_dl_generalized)->getSize();
        }
        r.output_intents.push_back(f);
    }
}

void check_pages(const PreflightReport& r, const PreflightOptions& o, Findings& f) {
    if (r.pages == 0) {
        f.add(Level::kError, "E-PREFLIGHT-010", 0, "the PDF has no pages");
        return;
    }
    if (r.pages % 4 != 0) {
        f.add(Level::kError, "E-PREFLIGHT-010", 0, std::to_string(r.pages) +
              " pages is not a multiple of 4: a book is printed on sheets of 4 pages at least");
    } else if (r.pages % o.signature != 0) {
        f.add(Level::kWarning, "W-PREFLIGHT-011", 0, std::to_string(r.pages) + " pages is not a multiple of the " +
              std::to_string(o.signature) + "-page signature: the remainder costs a smaller signature or a tip-in");
    }
}

void check_boxes(const PreflightReport& r, Findings& f, QPDF& pdf) {
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    std::optional<std::pair<long, long>> trim_size;
    for (std::size_t i = 0; i < r.page_boxes.size(); ++i) {
        const PageFacts& p = r.page_boxes[i];
        const int page = static_cast<int>(i) + 1;
        const bool art = i < pages.size() && pages[i].getObjectHandle().getKey("/ArtBox").isRectangle();
        if (!p.trim) {
            f.add(art ? Level::kWarning : Level::kError, "E-PREFLIGHT-020", page, "no TrimBox: the printer cannot know the trimmed size");
            continue;
        }
        if (art) f.add(Level::kError, "E-PREFLIGHT-021", page, "both TrimBox and ArtBox: PDF/X allows only one");
        const Box& t = *p.trim;
        const Box b = p.bleed.value_or(p.media);
        const Box& m = p.media;
        const double e = 0.01;
        if (t.x0 < b.x0 - e || t.y0 < b.y0 - e || t.x1 > b.x1 + e || t.y1 > b.y1 + e || b.x0 < m.x0 - e ||
            b.y0 < m.y0 - e || b.x1 > m.x1 + e || b.y1 > m.y1 + e) {
            f.add(Level::kError, "E-PREFLIGHT-024", page, "boxes are not nested (TrimBox ⊆ BleedBox ⊆ MediaBox)");
        }
        const double bleed = std::min({t.x0 - b.x0, t.y0 - b.y0, b.x1 - t.x1, b.y1 - t.y1});
        if (!p.bleed) f.add(Level::kWarning, "W-PREFLIGHT-022", page, "no BleedBox");
        else if (bleed < 3 / kMmPerPt - 0.05) {
            f.add(Level::kWarning, "W-PREFLIGHT-023", page, "bleed under 3 mm (" + mm(bleed) + " mm)");
        }
        const std::pair<long, long> size{std::lround((t.x1 - t.x0) * 10), std::lround((t.y1 - t.y0) * 10)};
        if (!trim_size) trim_size = size;
        else if (*trim_size != size) f.add(Level::kWarning, "W-PREFLIGHT-025", page, "trim size differs from page 1");
    }
}

void check_fonts(const PreflightReport& r, Findings& f) {
    for (const FontFacts& font : r.fonts) {
        if (!font.embedded) {
            f.add(Level::kError, "E-PREFLIGHT-030", 0, "font " + font.base_font + " (" + font.subtype + ") is not embedded");
        }
    }
}

}  // namespace

int PreflightReport::errors() const {
    int n = 0;
    for (const auto& f : findings) n += f.level == Level::kError ? 1 : 0;
    return n;
}

int PreflightReport::warnings() const {
    int n = 0;
    for (const auto& f : findings) n += f.level == Level::kWarning ? 1 : 0;
    return n;
}

PreflightReport preflight(const fs::path& path, const PreflightOptions& o) {
    PreflightReport r;
    r.file = path.string();
    r.signature = o.signature;
    Findings f(r.findings);
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(path.c_str());
        const PdfFacts facts = read_pdf_facts(pdf);
        r.readable = true;
        r.pdf_version = pdf.getPDFVersion();
        r.pages = static_cast<int>(facts.pages.size());
        r.page_boxes = facts.pages;
        r.fonts = facts.fonts;
        read_document(pdf, r);
        Collector collect(r, o);
        int page_no = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            scan_page(page.getObjectHandle(), ++page_no, collect);
        }
        check_pages(r, o, f);
        check_boxes(r, f, pdf);
        check_fonts(r, f);
        check_pdfx(pdf, r, f);
        check_colour_and_images(pdf, r, o, f, collect.transparency_);
    } catch (const std::exception& e) {
        f.add(Level::kError, "E-PREFLIGHT-001", 0, std::string("cannot read the file as a PDF: ") + e.what());
    }
    return r;
}

}  // namespace shokuhon::finish
