// finish/: the qpdf pass over Cairo's raw PDF (see finish.h).
//
// Cairo 1.16 cannot write TrimBox/BleedBox and damages the xref table whenever a link is tagged:
// it reserves structure-tree objects it never writes, and their xref entries point at whatever
// came next in the file. Nothing reachable refers to them (only orphaned parent-tree arrays do).
//
// The fast path (Cairo's usual output: one classic xref table, one trailer): the unwritten
// objects' entries become free entries, in place, so the table is valid; qpdf then opens the
// file lazily (reading only the page tree and Info, not the 22 MB of streams) and the boxes and
// Info are appended as an incremental update (PDF 1.7, 7.5.6): the new page dictionaries and
// Info, an xref section for them and a trailer with /Prev and a deterministic /ID (SHA-256 of
// the bytes before it). Everything Cairo wrote (streams, fonts, outlines, labels, links) stays as
// it was, byte for byte. Anything unexpected in the file (another xref form, qpdf warnings)
// takes the slow path: qpdf repairs the table (reconstructing it) and QPDFWriter rewrites the
// whole file with a deterministic /ID.
#include "finish/finish.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>

#include "core/c_handle.h"
#include "core/sha256.h"
#include "finish/cairo_xref.h"

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

void set_boxes_and_info(QPDF& pdf, const FinishOptions& opts) {
    const double bleed_pt = opts.bleed.pt();
    int page_no = 1;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        set_page_boxes(page, bleed_pt, page_no++);
    }
    set_info(pdf, opts);
}

// ---- the fast path: repair Cairo's xref table in place (cairo_xref.h), append an update ----

std::string ref(const QPDFObjGen& og) {
    return std::to_string(og.getObj()) + " " + std::to_string(og.getGen()) + " R";
}

// The update after Cairo's file: objects, their xref section and the trailer (no /ID yet:
// it is the hash of everything before it).
std::string incremental_body(QPDF& pdf, std::size_t base_size, std::size_t prev_xref,
                             std::map<QPDFObjGen, QPDFObjectHandle>& changed, std::size_t& xref_at) {
    std::string body = "\n";  // Cairo ends with "%%EOF\n"; a blank line is harmless either way
    std::map<QPDFObjGen, std::size_t> offsets;
    for (auto& [og, h] : changed) {
        offsets[og] = base_size + body.size();
        body += std::to_string(og.getObj()) + " " + std::to_string(og.getGen()) + " obj\n";
        body += h.unparseResolved();
        body += "\nendobj\n";
    }
    xref_at = base_size + body.size();
    body += "xref\n";
    char entry[21];
    for (auto it = offsets.begin(); it != offsets.end();) {
        auto end = it;
        int n = 0;
        while (end != offsets.end() && end->first.getObj() == it->first.getObj() + n) {
            ++end;
            ++n;
        }
        body += std::to_string(it->first.getObj()) + " " + std::to_string(n) + "\n";
        for (; it != end; ++it) {
            std::snprintf(entry, sizeof entry, "%010zu %05d n", it->second, it->first.getGen());
            body += entry;
            body += " \n";
        }
    }
    QPDFObjectHandle trailer = pdf.getTrailer();
    std::size_t size = trailer.getKey("/Size").isInteger()
                           ? static_cast<std::size_t>(trailer.getKey("/Size").getIntValue())
                           : 0;
    if (!changed.empty()) size = std::max(size, static_cast<std::size_t>(changed.rbegin()->first.getObj()) + 1);
    body += "trailer\n<< /Size " + std::to_string(size) + " /Root " +
            ref(trailer.getKey("/Root").getObjGen()) + " /Info " +
            ref(trailer.getKey("/Info").getObjGen()) + " /Prev " + std::to_string(prev_xref);
    return body;
}

// The fast path. Returns false (having written nothing) when the file is not as Cairo writes
// it; throws on qpdf or I/O errors.
bool finish_incremental(const std::filesystem::path& in, const std::filesystem::path& out,
                        const FinishOptions& opts) {
    std::string bytes;
    {
        std::ifstream f(in, std::ios::binary);
        if (!f) return false;
        f.seekg(0, std::ios::end);
        const auto n = f.tellg();
        if (n <= 0) return false;
        bytes.resize(static_cast<std::size_t>(n));
        f.seekg(0);
        if (!f.read(bytes.data(), n)) return false;
    }
    const auto xref = find_classic_xref(bytes);
    if (!xref) return false;
    // Hash the bytes before Cairo's table on the second core while the table is repaired, qpdf
    // reads the pages and the file is written: only the table below xref_at is changed, in place.
    // The same bytes in the same order, so the same /ID whatever the threads.
    // The file identifier: the first 16 bytes of the SHA-256 of everything before the trailer
    // (OpenSSL, SHA-NI on this CPU: a third of the time of qpdf's MD5 over the same 22 MB).
    Sha256 sha;
    std::jthread prefix_hasher([&sha, prefix = std::string_view(bytes).substr(0, xref->xref_at)] {
        sha.update(prefix);
    });
    free_unwritten_objects(bytes, *xref);

    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(in.c_str(), bytes.data(), bytes.size());
    QPDFObjectHandle trailer = pdf.getTrailer();
    if (trailer.hasKey("/Prev") || trailer.hasKey("/XRefStm") || trailer.hasKey("/Encrypt") ||
        !trailer.getKey("/Root").isIndirect()) {
        return false;
    }
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (info.isDictionary() && !info.isIndirect()) {
        trailer.replaceKey("/Info", pdf.makeIndirectObject(info));
    }
    set_boxes_and_info(pdf, opts);
    if (pdf.anyWarnings()) return false;  // qpdf had to repair something: rewrite the file

    std::map<QPDFObjGen, QPDFObjectHandle> changed;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle h = page.getObjectHandle();
        if (!h.isIndirect()) return false;
        changed.emplace(h.getObjGen(), h);
    }
    QPDFObjectHandle new_info = trailer.getKey("/Info");
    if (!new_info.isIndirect()) return false;
    changed.emplace(new_info.getObjGen(), new_info);
    if (pdf.anyWarnings()) return false;

    std::size_t xref_at = 0;
    const std::string body = incremental_body(pdf, bytes.size(), xref->xref_at, changed, xref_at);
    std::ofstream f(out, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.write(body.data(), static_cast<std::streamsize>(body.size()));
    prefix_hasher.join();
    sha.update(std::string_view(bytes).substr(xref->xref_at));
    sha.update(body);
    const auto digest = sha.digest();
    if (!digest) throw std::runtime_error("SHA-256 failed");
    const std::string id = to_hex(digest->data(), 16);
    const std::string end = " /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    f.write(end.data(), static_cast<std::streamsize>(end.size()));
    f.close();
    if (!f) throw std::runtime_error("cannot write " + out.string());
    return true;
}

// The slow path: qpdf reconstructs the table and rewrites every object.
void finish_rewrite(const std::filesystem::path& in, const std::filesystem::path& out,
                    const FinishOptions& opts) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // Cairo's damaged xref (links) is expected and repaired
    pdf.processFile(in.c_str());
    set_boxes_and_info(pdf, opts);
    QPDFWriter writer(pdf, out.c_str());
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setCompressStreams(true);
    writer.write();
}

}  // namespace

bool finish_pdf(const std::filesystem::path& in, const std::filesystem::path& out,
                const FinishOptions& opts, Diagnostics& diags) {
    try {
        if (same_file(in, out)) {
            throw std::runtime_error("output path is the input path: " + out.string());
        }
        bool done = false;
        try {
            done = finish_incremental(in, out, opts);
        } catch (const std::exception&) {
            done = false;  // whatever the fast path could not read, the rewrite repairs or reports
        }
        if (!done) finish_rewrite(in, out, opts);
        return true;
    } catch (const std::exception& e) {
        diags.error("E-FINISH-001", {in.string(), 0, 0},
                    std::string("cannot finish PDF: ") + e.what());
        return false;
    }
}

}  // namespace shokuhon::finish
