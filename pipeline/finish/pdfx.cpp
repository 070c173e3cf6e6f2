// finish/: PDF/X identification and writer settings (see pdfx.h).
//
// The XMP packet is generated from the final Info dictionary, never from a second source, so
// the two cannot disagree (a preflight failure that printers report often).
#include "finish/pdfx.h"

#include <Poco/UUID.h>
#include <Poco/UUIDGenerator.h>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cctype>

#include "core/escape.h"

namespace shokuhon::finish {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool iso_date_ok(const std::string& d) {
    if (d.size() < 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    }
    return true;
}

// Name-based (version 3) UUID: the same book and standard always get the same ID.
std::string stable_uuid(const std::string& name) {
    Poco::UUIDGenerator gen;
    return "uuid:" + gen.createFromName(Poco::UUID::uri(), "urn:shokuhon:" + name).toString();
}

std::string info_text(QPDFObjectHandle info, const char* key) {
    QPDFObjectHandle v = info.getKey(key);
    return v.isString() ? v.getUTF8Value() : std::string();
}

QPDFObjectHandle info_dict(QPDF& pdf) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    return info;
}

void complete_info(QPDFObjectHandle info, const PdfxInfo& x) {
    auto text = [&](const char* key, const std::string& v) {
        if (!v.empty()) info.replaceKey(key, QPDFObjectHandle::newUnicodeString(v));
    };
    text("/Title", x.title);
    text("/Author", x.author);
    text("/Subject", x.subject);
    const std::string date = pdf_date_of(x.date);
    if (!date.empty()) {
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    }
    info.replaceKey("/Creator", QPDFObjectHandle::newString("shokuhon"));
    info.replaceKey("/Producer", QPDFObjectHandle::newString("shokuhon"));
    info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(pdfx_version_key(x.standard)));
    if (x.standard == PdfX::kX1a) {
        info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString("PDF/X-1a:2003"));
    } else if (info.hasKey("/GTS_PDFXConformance")) {
        info.removeKey("/GTS_PDFXConformance");
    }
}

void add_output_intent(QPDF& pdf, const PdfxInfo& x) {
    QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, x.profile);
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(x.condition));
    if (!x.condition_name.empty()) {
        intent.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(x.condition_name));
    }
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString(x.registry));
    intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(
                                   x.profile_desc.empty() ? x.condition : x.profile_desc));
    intent.replaceKey("/DestOutputProfile", profile);
    pdf.getRoot().replaceKey("/OutputIntents",
                             QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));
}

}  // namespace

bool parse_pdfx(const std::string& s, PdfX& out) {
    std::string v = lower(s);
    if (v.rfind("pdf/", 0) == 0) v.erase(0, 4);
    if (v == "x-4" || v == "x4") {
        out = PdfX::kX4;
        return true;
    }
    if (v == "x-1a" || v == "x1a" || v == "x-1a:2003") {
        out = PdfX::kX1a;
        return true;
    }
    return false;
}

const char* pdfx_name(PdfX x) { return x == PdfX::kX4 ? "PDF/X-4" : "PDF/X-1a:2003"; }
const char* pdfx_version_key(PdfX x) { return x == PdfX::kX4 ? "PDF/X-4" : "PDF/X-1:2003"; }
const char* pdfx_pdf_version(PdfX x) { return x == PdfX::kX4 ? "1.6" : "1.4"; }

std::string pdf_date_of(const std::string& d) {
    if (!iso_date_ok(d)) return {};
    return "D:" + d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2) + "000000+09'00'";
}

std::string xmp_date_of(const std::string& d) {
    if (!iso_date_ok(d)) return {};
    return d.substr(0, 10) + "T00:00:00+09:00";
}

std::string pdfx_xmp(const PdfxInfo& x) {
    const std::string date = xmp_date_of(x.date);
    const std::string id = x.document_key + " " + pdfx_name(x.standard);
    std::string s =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
        "    xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\"\n"
        "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + markup_escape(x.title) +
        "</rdf:li></rdf:Alt></dc:title>\n";
    if (!x.author.empty()) {
        s += "   <dc:creator><rdf:Seq><rdf:li>" + markup_escape(x.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    if (!x.subject.empty()) {
        s += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + markup_escape(x.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    }
    s += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
         "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
         "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
         "   <xmp:CreatorTool>shokuhon</xmp:CreatorTool>\n"
         "   <pdf:Producer>shokuhon</pdf:Producer>\n" +
         (x.keywords.empty() ? std::string() : "   <pdf:Keywords>" + markup_escape(x.keywords) + "</pdf:Keywords>\n") +
         "   <pdf:Trapped>False</pdf:Trapped>\n"
         "   <xmpMM:DocumentID>" + stable_uuid(x.document_key) + "</xmpMM:DocumentID>\n"
         "   <xmpMM:InstanceID>" + stable_uuid(id) + "</xmpMM:InstanceID>\n"
         "   <xmpMM:VersionID>1</xmpMM:VersionID>\n"
         "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
    if (x.standard == PdfX::kX4) {
        s += "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
    } else {
        s += "   <pdfx:GTS_PDFXVersion>PDF/X-1:2003</pdfx:GTS_PDFXVersion>\n"
             "   <pdfx:GTS_PDFXConformance>PDF/X-1a:2003</pdfx:GTS_PDFXConformance>\n";
    }
    s += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    s += std::string(20, ' ') + "\n";  // a little padding lets editors update in place
    s += "<?xpacket end=\"w\"?>";
    return s;
}

void apply_pdfx(QPDF& pdf, const PdfxInfo& x) {
    QPDFObjectHandle info = info_dict(pdf);
    complete_info(info, x);
    // The XMP says what Info says: read the final values back.
    PdfxInfo final_values = x;
    final_values.title = info_text(info, "/Title");
    final_values.author = info_text(info, "/Author");
    final_values.subject = info_text(info, "/Subject");
    final_values.keywords = info_text(info, "/Keywords");
    QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&pdf, pdfx_xmp(final_values));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    pdf.getRoot().replaceKey("/Metadata", xmp);
    add_output_intent(pdf, x);
}

void configure_writer(QPDFWriter& w, PdfX standard) {
    w.setDeterministicID(true);
    w.setCompressStreams(true);
    w.forcePDFVersion(pdfx_pdf_version(standard));
    // PDF/X-1a:2003 is PDF 1.4: no object or cross-reference streams (PDF 1.5 features).
    w.setObjectStreamMode(standard == PdfX::kX4 ? qpdf_o_generate : qpdf_o_disable);
}

}  // namespace shokuhon::finish
