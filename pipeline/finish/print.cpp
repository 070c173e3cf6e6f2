// finish/: the print pass (see print.h).
#include "finish/print.h"

#include <lcms2.h>
#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/Pl_StdioFile.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "core/c_handle.h"
#include "core/sha256.h"
#include "finish/marks.h"

namespace shokuhon::finish {
namespace {

namespace fs = std::filesystem;

bool read_profile(const fs::path& p, const char* what, const SourceLoc& loc, std::string& out,
                  Diagnostics& diags) {
    std::ifstream in(p, std::ios::binary);
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad() || out.size() < 132) {  // 128-byte header + tag count
        diags.error("E-PRINT-001", loc, std::string("cannot read the ") + what + " ICC profile " + p.string(),
                    "set profile= / rgb-profile= in <print> of layouts/layout.xml to an ICC file");
        return false;
    }
    return true;
}

bool is_transparency_group(QPDFObjectHandle dict) {
    QPDFObjectHandle g = dict.getKey("/Group");
    return g.isDictionary() && g.getKey("/S").isName() && g.getKey("/S").getName() == "/Transparency";
}

// True when anything drawn with these resources (or nested forms) is really transparent:
// constant alpha below 1, a soft mask, a blend mode other than Normal, or a masked image.
bool uses_transparency(QPDFObjectHandle res, std::set<QPDFObjGen>& seen) {
    if (!res.isDictionary()) return false;
    if (QPDFObjectHandle gs = res.getKey("/ExtGState"); gs.isDictionary()) {
        for (auto& [name, s] : gs.getDictAsMap()) {
            if (!s.isDictionary()) continue;
            for (const char* key : {"/CA", "/ca"}) {
                if (s.getKey(key).isNumber() && s.getKey(key).getNumericValue() < 1.0) return true;
            }
            if (s.hasKey("/SMask") && !(s.getKey("/SMask").isName() && s.getKey("/SMask").getName() == "/None")) return true;
            QPDFObjectHandle bm = s.getKey("/BM");
            if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible") return true;
        }
    }
    if (QPDFObjectHandle xo = res.getKey("/XObject"); xo.isDictionary()) {
        for (auto& [name, x] : xo.getDictAsMap()) {
            if (!x.isStream() || (x.isIndirect() && !seen.insert(x.getObjGen()).second)) continue;
            if (x.getDict().hasKey("/SMask")) return true;
            if (x.isFormXObject() && uses_transparency(x.getDict().getKey("/Resources"), seen)) return true;
        }
    }
    return false;
}

// Cairo gives every page (and group form) a DeviceRGB transparency group even when nothing is
// transparent. Such groups go; a real one is an error in X-1a and blends in CMYK in X-4.
void settle_group(QPDFObjectHandle owner, QPDFObjectHandle res, PdfX standard, int page,
                  const fs::path& out, Diagnostics& diags, PrintStats& stats) {
    QPDFObjectHandle dict = owner.isStream() ? owner.getDict() : owner;
    if (!is_transparency_group(dict)) return;
    std::set<QPDFObjGen> seen;
    if (!uses_transparency(res, seen)) {
        dict.removeKey("/Group");
        ++stats.groups_removed;
    } else if (standard == PdfX::kX1a) {
        diags.error("E-PRINT-020", {out.string(), 0, 0},
                    "page " + std::to_string(page) + " uses transparency, which PDF/X-1a forbids",
                    "build PDF/X-4 (--pdfx X-4); shokuhon does not flatten transparency");
    } else {
        dict.getKey("/Group").replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
    }
}

void report_colours(const RecolourLog& log, const fs::path& out, Diagnostics& diags) {
    for (const auto& [op, page] : log.unmapped) {
        diags.error("E-PRINT-010", {out.string(), 0, 0},
                    "page " + std::to_string(page) + ": colour \"" + op + "\" is not in the palette",
                    "every colour must come from <colours> in layouts/layout.xml (a grey "
                    "crossed box is a missing photo's placeholder)");
    }
    for (const auto& [op, page] : log.unsupported) {
        diags.error("E-PRINT-011", {out.string(), 0, 0},
                    "page " + std::to_string(page) + ": \"" + op + "\" (patterns, gradients) has no "
                    "exact CMYK and cannot go into the print PDF");
    }
}

// The recoloured streams are new and uncompressed: they are deflated here on every core, as
// QPDFWriter would deflate them one after another (with the same Pl_Flate, so the same bytes),
// and QPDFWriter keeps Flate data as it is.
void compress_new_streams(const std::vector<QPDFObjectHandle>& streams) {
    std::vector<std::string> packed(streams.size());
    std::vector<std::shared_ptr<Buffer>> raw(streams.size());
    for (std::size_t i = 0; i < streams.size(); ++i) raw[i] = QPDFObjectHandle(streams[i]).getRawStreamData();
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next++) < streams.size();) {
            Pl_String sink("packed", nullptr, packed[i]);
            Pl_Flate flate("deflate", &sink, Pl_Flate::a_deflate);
            flate.write(raw[i]->getBuffer(), raw[i]->getSize());
            flate.finish();
        }
    };
    {
        std::vector<std::jthread> helpers;
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        for (unsigned t = 1; t < cores && t < streams.size(); ++t) helpers.emplace_back(work);
        work();
    }
    for (std::size_t i = 0; i < streams.size(); ++i) {
        QPDFObjectHandle s = streams[i];
        s.replaceStreamData(packed[i], QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    }
}

void process_pages(QPDF& pdf, const PrintOptions& o, const fs::path& out, Diagnostics& diags,
                   PrintStats& stats) {
    std::vector<QPDFObjGen> forms_done;
    std::vector<QPDFObjectHandle> rewritten;
    int page_no = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        ++page_no;
        QPDFObjectHandle dict = page.getObjectHandle();
        if (QPDFObjectHandle annots = dict.getKey("/Annots"); annots.isArray()) {
            stats.links_removed += annots.getArrayNItems();
            dict.removeKey("/Annots");
        }
        recolour_page(dict, o.palette, page_no, stats.colours, forms_done);
        rewritten.push_back(dict.getKey("/Contents"));
        settle_group(dict, page.getAttribute("/Resources", false), o.standard, page_no, out, diags, stats);
        page.forEachFormXObject(true, [&](QPDFObjectHandle& form, QPDFObjectHandle&, const std::string&) {
            settle_group(form, form.getDict().getKey("/Resources"), o.standard, page_no, out, diags, stats);
        });
    }
    stats.pages = page_no;
    for (const QPDFObjGen& og : forms_done) rewritten.push_back(pdf.getObjectByObjGen(og));
    compress_new_streams(rewritten);
}

// Passes the file's bytes on and hashes them: the caller gets the SHA-256 without reading the
// file back.
class HashingPipe : public Pipeline {
public:
    HashingPipe(Pipeline* to, Sha256& sha) : Pipeline("sha256", to), sha_(sha) {}
    void write(unsigned char const* data, size_t len) override {
        sha_.update(data, len);
        getNext()->write(data, len);
    }
    void finish() override { getNext()->finish(); }

private:
    Sha256& sha_;
};

PdfxInfo pdfx_info(const PrintOptions& o, const std::string& profile) {
    PdfxInfo x;
    x.standard = o.standard;
    x.title = o.title;
    x.author = o.author;
    x.subject = o.subject;
    x.date = o.date;
    x.condition = o.condition;
    x.condition_name = o.condition_name;
    x.registry = o.registry;
    x.profile = profile;
    x.profile_desc = icc_description(profile);
    x.document_key = o.document_key.empty() ? o.title : o.document_key;
    return x;
}

}  // namespace

std::string icc_description(const std::string& profile) {
    CHandle<void, cmsCloseProfile> p{cmsOpenProfileFromMem(profile.data(), static_cast<cmsUInt32Number>(profile.size()))};
    if (!p) return {};
    char buf[256] = {};
    cmsGetProfileInfoASCII(p.get(), cmsInfoDescription, "en", "US", buf, sizeof buf);
    return buf;
}

bool print_pdf(const fs::path& in, const fs::path& out, const PrintOptions& o, Diagnostics& diags,
               PrintStats& stats) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t errors_before = diags.error_count();
    std::string cmyk_icc, rgb_icc;
    if (!read_profile(o.cmyk_profile, "CMYK output", o.settings_loc, cmyk_icc, diags) ||
        !read_profile(o.rgb_profile, "RGB", o.settings_loc, rgb_icc, diags) ||
        !o.palette.check(o.ink_limit, diags)) {
        return false;
    }
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(in.c_str());
        process_pages(pdf, o, out, diags, stats);
        report_colours(stats.colours, out, diags);
        PhotoOptions po{o.standard == PdfX::kX1a, cmyk_icc, rgb_icc, o.cache_dir, o.ink_limit, 90};
        prepare_photos(pdf, po, stats.photos, diags);
        if (diags.error_count() > errors_before) return false;
        if (o.marks) {
            MarkGeometry g;
            g.bleed = o.bleed_pt;
            for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) add_crop_marks(page, g);
        }
        apply_pdfx(pdf, pdfx_info(o, cmyk_icc));
        CHandle<FILE, std::fclose> file{std::fopen(out.c_str(), "wb")};
        if (!file) throw std::runtime_error("cannot write " + out.string());
        Sha256 sha;
        Pl_StdioFile to_file("print pdf", file.get());
        HashingPipe hashing(&to_file, sha);
        QPDFWriter writer(pdf);
        writer.setOutputPipeline(&hashing);
        configure_writer(writer, o.standard);
        writer.write();
        if (std::fclose(file.release()) != 0) throw std::runtime_error("cannot write " + out.string());
        stats.sha256 = sha.hex();
    } catch (const std::exception& e) {
        diags.error("E-PRINT-099", {in.string(), 0, 0}, std::string("cannot make the print PDF: ") + e.what());
        return false;
    }
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

}  // namespace shokuhon::finish
