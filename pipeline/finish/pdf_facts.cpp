// finish/: read facts back from a PDF with qpdf (see pdf_facts.h). Read-only.
#include "finish/pdf_facts.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFOutlineObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <qpdf/Buffer.hh>

#include <algorithm>
#include <functional>
#include <exception>
#include <set>
#include <stdexcept>

namespace shokuhon::finish {
namespace {

std::optional<Box> box_of(QPDFObjectHandle obj) {
    if (!obj.isRectangle()) return std::nullopt;
    const auto r = obj.getArrayAsRectangle();
    return Box{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
               std::max(r.lly, r.ury)};
}

// --- page labels -------------------------------------------------------------------------

std::string roman(long long n, bool upper) {
    static constexpr struct { int value; const char* digits; } kTable[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string s;
    if (n <= 0) return std::to_string(n);
    for (const auto& [value, digits] : kTable) {
        while (n >= value) {
            s += digits;
            n -= value;
        }
    }
    if (upper) {
        for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

// PDF 32000 12.4.2: A, B, …, Z, AA, BB, …, ZZ, AAA, …
std::string letters(long long n, bool upper) {
    if (n <= 0) return std::to_string(n);
    const auto repeat = static_cast<std::size_t>((n - 1) / 26 + 1);
    const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
    return std::string(repeat, c);
}

std::string format_label(QPDFObjectHandle label) {
    if (!label.isDictionary()) return {};
    std::string out;
    if (QPDFObjectHandle prefix = label.getKey("/P"); prefix.isString()) {
        out = prefix.getUTF8Value();
    }
    long long start = 1;
    if (QPDFObjectHandle st = label.getKey("/St"); st.isInteger()) start = st.getIntValue();
    QPDFObjectHandle style = label.getKey("/S");
    if (!style.isName()) return out;  // prefix only
    const std::string s = style.getName();
    if (s == "/D") return out + std::to_string(start);
    if (s == "/R") return out + roman(start, true);
    if (s == "/r") return out + roman(start, false);
    if (s == "/A") return out + letters(start, true);
    if (s == "/a") return out + letters(start, false);
    return out;
}

// --- fonts -------------------------------------------------------------------------------

bool has_font_file(QPDFObjectHandle font) {
    if (!font.isDictionary()) return false;
    QPDFObjectHandle desc = font.getKey("/FontDescriptor");
    if (!desc.isDictionary()) return false;
    for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"}) {
        if (desc.getKey(key).isStream()) return true;
    }
    return false;
}

FontFacts font_facts(QPDFObjectHandle font) {
    FontFacts f;
    if (QPDFObjectHandle base = font.getKey("/BaseFont"); base.isName()) {
        f.base_font = base.getName().substr(1);
    }
    if (QPDFObjectHandle sub = font.getKey("/Subtype"); sub.isName()) {
        f.subtype = sub.getName().substr(1);
    }
    if (f.subtype == "Type0") {
        QPDFObjectHandle desc = font.getKey("/DescendantFonts");
        if (desc.isArray() && desc.getArrayNItems() > 0) {
            f.embedded = has_font_file(desc.getArrayItem(0));
        }
    } else if (f.subtype == "Type3") {
        f.embedded = true;  // glyphs are content streams inside the PDF itself
    } else {
        f.embedded = has_font_file(font);
    }
    return f;
}

// Walks /Resources: /Font entries, then form XObjects and Type3 fonts' own resources. `seen`
// holds the indirect objects already visited (fonts, XObjects, resource dictionaries), so shared
// resources are listed once and reference cycles terminate.
class FontCollector {
public:
    FontCollector(std::vector<FontFacts>& out, std::vector<ImageFacts>& images)
        : out_(out), images_(images) {}

    void resources(QPDFObjectHandle res) {
        if (!res.isDictionary() || !first_visit(res)) return;
        if (QPDFObjectHandle fonts = res.getKey("/Font"); fonts.isDictionary()) {
            for (const std::string& key : fonts.getKeys()) {  // sorted: deterministic order
                font(fonts.getKey(key));
            }
        }
        if (QPDFObjectHandle xobjects = res.getKey("/XObject"); xobjects.isDictionary()) {
            for (const std::string& key : xobjects.getKeys()) {
                QPDFObjectHandle x = xobjects.getKey(key);
                if (x.isFormXObject() && first_visit(x)) {
                    resources(x.getDict().getKey("/Resources"));
                } else if (x.isImage() && first_visit(x)) {
                    image(x);
                }
            }
        }
    }

private:
    void font(QPDFObjectHandle f) {
        if (!f.isDictionary() || !first_visit(f)) return;
        out_.push_back(font_facts(f));
        if (out_.back().subtype == "Type3") resources(f.getKey("/Resources"));
    }

    void image(QPDFObjectHandle x) {
        ImageFacts img;
        QPDFObjectHandle dict = x.getDict();
        if (QPDFObjectHandle f = dict.getKey("/Filter"); f.isName()) img.filter = f.getName();
        if (QPDFObjectHandle w = dict.getKey("/Width"); w.isInteger()) img.width = w.getIntValue();
        if (QPDFObjectHandle h = dict.getKey("/Height"); h.isInteger()) img.height = h.getIntValue();
        const auto raw = x.getRawStreamData();
        const std::string bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
        img.raw_size = bytes.size();
        img.raw_hash = std::hash<std::string>{}(bytes);
        images_.push_back(img);
    }

    bool first_visit(QPDFObjectHandle obj) {
        if (!obj.isIndirect()) return true;  // direct objects cannot be shared
        return seen_.insert(obj.getObjGen()).second;
    }

    std::vector<FontFacts>& out_;
    std::vector<ImageFacts>& images_;
    std::set<QPDFObjGen> seen_;
};

}  // namespace

PdfFacts read_pdf_facts(const std::filesystem::path& pdf_path) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(pdf_path.c_str());
        return read_pdf_facts(pdf);
    } catch (const std::runtime_error&) {
        throw;
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot read PDF " + pdf_path.string() + ": " + e.what());
    }
}

PdfFacts read_pdf_facts(QPDF& pdf) {
    PdfFacts facts;
    facts.version = pdf.getPDFVersion();

    QPDFPageLabelDocumentHelper labels(pdf);
    const bool has_labels = labels.hasPageLabels();
    FontCollector collect(facts.fonts, facts.images);
    long long index = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        PageFacts p;
        p.media = box_of(page.getMediaBox()).value_or(Box{});
        QPDFObjectHandle dict = page.getObjectHandle();
        p.trim = box_of(dict.getKey("/TrimBox"));
        p.bleed = box_of(dict.getKey("/BleedBox"));
        if (has_labels) p.label = format_label(labels.getLabelForPage(index));
        facts.pages.push_back(std::move(p));
        collect.resources(page.getAttribute("/Resources", false));  // inherited too
        ++index;
    }

    for (QPDFOutlineObjectHelper& o : QPDFOutlineDocumentHelper(pdf).getTopLevelOutlines()) {
        facts.outline_titles.push_back(o.getTitle());
    }

    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
        if (QPDFObjectHandle t = info.getKey("/Title"); t.isString()) {
            facts.info_title = t.getUTF8Value();
        }
        if (QPDFObjectHandle a = info.getKey("/Author"); a.isString()) {
            facts.info_author = a.getUTF8Value();
        }
    }
    return facts;
}

}  // namespace shokuhon::finish
