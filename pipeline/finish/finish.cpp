// finish/: the qpdf pass over Cairo's raw PDF (see finish.h).
//
// Cairo 1.16 cannot write TrimBox/BleedBox and damages the xref table whenever a link is tagged
// (it reserves struct-tree objects it never writes). Opening the file with qpdf repairs the table
// silently (warnings suppressed), and QPDFWriter writes a clean file with deterministic /ID.
// Everything Cairo wrote (fonts, outlines, page labels, link annotations) is carried over untouched.
#include "finish/finish.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <system_error>

namespace shokuhon::finish {
namespace {

using Rect = QPDFObjectHandle::Rectangle;

// A box written with 4 decimals (0.0001 pt), so the numbers in the file are short and stable.
QPDFObjectHandle box_array(const Rect& r) {
    return QPDFObjectHandle::newArray({QPDFObjectHandle::newReal(r.llx, 4, true),
                                       QPDFObjectHandle::newReal(r.lly, 4, true),
                                       QPDFObjectHandle::newReal(r.urx, 4, true),
                                       QPDFObjectHandle::newReal(r.ury, 4, true)});
}

Rect normalized(const Rect& r) {
    return Rect(std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
                std::max(r.lly, r.ury));
}

void set_page_boxes(QPDFPageObjectHelper& page, double bleed_pt, int page_no) {
    QPDFObjectHandle media_obj = page.getMediaBox();  // follows inheritance from /Pages
    if (!media_obj.isRectangle()) {
        throw std::runtime_error("page " + std::to_string(page_no) + " has no valid /MediaBox");
    }
    const Rect media = normalized(media_obj.getArrayAsRectangle());
    const Rect trim(media.llx + bleed_pt, media.lly + bleed_pt, media.urx - bleed_pt,
                    media.ury - bleed_pt);
    if (trim.urx <= trim.llx || trim.ury <= trim.lly) {
        throw std::runtime_error("page " + std::to_string(page_no) +
                                 ": bleed is larger than half the MediaBox");
    }
    QPDFObjectHandle dict = page.getObjectHandle();
    dict.replaceKey("/BleedBox", box_array(media));
    dict.replaceKey("/TrimBox", box_array(trim));
}

void set_info(QPDF& pdf, const FinishOptions& opts) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    auto set_text = [&info](const char* key, const std::string& utf8) {
        if (!utf8.empty()) info.replaceKey(key, QPDFObjectHandle::newUnicodeString(utf8));
    };
    set_text("/Title", opts.title);
    set_text("/Author", opts.author);
    set_text("/Subject", opts.subject);
    if (!opts.creation_date.empty()) {
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(opts.creation_date));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(opts.creation_date));
    }
    info.replaceKey("/Producer", QPDFObjectHandle::newString("shokuhon"));
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    if (std::filesystem::exists(b, ec) && std::filesystem::equivalent(a, b, ec)) return true;
    return a.lexically_normal() == b.lexically_normal();
}

}  // namespace

bool finish_pdf(const std::filesystem::path& in, const std::filesystem::path& out,
                const FinishOptions& opts, Diagnostics& diags) {
    try {
        if (same_file(in, out)) {
            throw std::runtime_error("output path is the input path: " + out.string());
        }
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // Cairo's damaged xref (links) is expected and repaired
        pdf.processFile(in.c_str());

        const double bleed_pt = opts.bleed.pt();
        int page_no = 1;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            set_page_boxes(page, bleed_pt, page_no++);
        }
        set_info(pdf, opts);

        QPDFWriter writer(pdf, out.c_str());
        writer.setDeterministicID(true);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.setCompressStreams(true);
        writer.write();
        return true;
    } catch (const std::exception& e) {
        diags.error("E-FINISH-001", {in.string(), 0, 0},
                    std::string("cannot finish PDF: ") + e.what());
        return false;
    }
}

}  // namespace shokuhon::finish
