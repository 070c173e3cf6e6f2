// app/: the print build (see print_build.h).
#include "app/print_build.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>

#include "app/atomic_file.h"
#include "app/hash_cache.h"
#include "finish/delivery.h"
#include "finish/photo_ppi.h"
#include "finish/preflight.h"
#include "finish/print.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::string fixed(double v, const char* fmt = "%.2f") {
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

std::string mib(std::uintmax_t bytes) { return fixed(static_cast<double>(bytes) / (1024.0 * 1024.0)) + " MiB"; }

// Absolute photo path (as compose places it) → the entry that owns it, for the ppi messages.
std::map<std::string, finish::PhotoOwner> photo_owners(const content::Book& book, const fs::path& dir) {
    std::map<std::string, finish::PhotoOwner> out;
    std::error_code ec;
    auto add = [&](const std::string& src, std::string label, const SourceLoc& loc) {
        if (!src.empty()) out.emplace(fs::absolute(dir / src, ec).string(), finish::PhotoOwner{std::move(label), src, loc});
    };
    for (const auto& s : book.shops) add(s.photo, "shop \"" + s.name + "\" (" + s.id + ")", s.loc);
    for (const auto& p : book.products) add(p.photo, "product \"" + p.name + "\" (" + p.id + ")", p.loc);
    for (const auto& s : book.spots) add(s.photo, "spot \"" + s.name + "\" (" + s.id + ")", s.loc);
    for (const auto& s : book.plan.sections) add(s.photo, "section opener \"" + s.title + "\" (" + s.id + ")", s.loc);
    for (const auto& p : book.plan.pages) add(p.ad_src, "advertisement on page " + std::to_string(p.folio), p.loc);
    add(book.meta.cover_photo, "cover", book.meta.loc);
    return out;
}

finish::PdfX standard_of(const std::string& s) {
    finish::PdfX x = finish::PdfX::kX4;
    finish::parse_pdfx(s, x);
    return x;
}

finish::PrintOptions print_options(const PrintInputs& in, const std::string& standard) {
    const auto& p = in.layout.print;
    const auto& m = in.book.meta;
    finish::PrintOptions o;
    o.standard = standard_of(standard);
    o.marks = in.opts.marks;
    o.palette = finish::PrintPalette::from_layout(in.layout);
    o.ink_limit = p.ink_limit;
    o.cmyk_profile = p.profile;
    o.rgb_profile = p.rgb_profile;
    o.condition = p.condition;
    o.condition_name = p.condition_name;
    o.registry = p.registry;
    o.title = m.title + (m.edition.empty() ? "" : " " + m.edition);
    o.author = m.author;
    o.subject = m.subtitle;
    o.date = m.issue_date;
    o.document_key = m.isbn.empty() ? m.title : "isbn:" + m.isbn;
    o.cache_dir = in.opts.cache_dir.empty() ? in.opts.output.parent_path() / ".shokuhon-cache" / "cmyk" : in.opts.cache_dir;
    o.bleed_pt = in.layout.geometry.bleed.pt();
    o.settings_loc = p.loc;
    return o;
}

finish::PreflightOptions preflight_options(const PrintInputs& in) {
    finish::PreflightOptions o;
    o.signature = in.book.plan.signature > 0 ? in.book.plan.signature : 16;
    o.ppi_warning = in.layout.print.ppi_warning;
    o.ppi_error = in.layout.print.ppi_error;
    o.ink_limit = in.layout.print.ink_limit;
    o.rich_black_min_pt = in.layout.print.rich_black_min.pt();
    return o;
}

struct InputFile {
    std::string role, name;  // name as the manifest shows it
    fs::path path;
    bool operator<(const InputFile& o) const { return std::tie(role, name) < std::tie(o.role, o.name); }
};

// Every regular file under `root` (hidden ones left out), named "<label>/<path inside root>":
// the manifest never shows where the book lives on the editor's machine.
void add_tree(const char* role, const std::string& label, const fs::path& root, std::vector<InputFile>& out) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind('.', 0) == 0) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) {
            out.push_back({role, label + "/" + it->path().lexically_relative(root).generic_string(), it->path()});
        }
    }
}

// Every file the print PDF was made from: content (XML and photos), layouts (with the ICC
// profiles), the font lock and the fonts. Hashes only: nothing of the files themselves.
std::vector<finish::ManifestEntry> inputs_of(const PrintInputs& in) {
    std::vector<InputFile> files;
    add_tree("content", "content", in.opts.content, files);
    add_tree("layout", "layouts", in.opts.layouts, files);
    files.push_back({"font-lock", in.opts.fonts_lock.filename().string(), in.opts.fonts_lock});
    for (const auto& e : in.lock) files.push_back({"font", e.file.string(), e.file});  // system font paths
    std::sort(files.begin(), files.end());
    HashCache memory;
    HashCache& hashes = in.opts.hashes ? *in.opts.hashes : memory;
    std::vector<finish::ManifestEntry> out;
    std::error_code ec;
    for (const auto& f : files) {
        if (!out.empty() && out.back().role == f.role && out.back().path == f.name) continue;
        out.push_back({f.role, f.name, hashes.sha256(f.path), fs::file_size(f.path, ec)});
    }
    return out;
}

finish::DeliveryInfo delivery_info(const PrintInputs& in, const finish::PrintOptions& po) {
    const auto& m = in.book.meta;
    std::string profile;
    {
        std::ifstream f(po.cmyk_profile, std::ios::binary);
        profile = finish::icc_description({std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()});
    }
    return {m.title, m.isbn, m.edition, m.issue_date, finish::pdfx_name(po.standard), po.condition, profile, inputs_of(in), {}};
}

void add_preflight_lines(const finish::PreflightReport& r, std::vector<std::string>& report) {
    report.push_back("preflight: " + std::string(r.passed() ? "PASS" : "FAIL") + ", " + std::to_string(r.errors()) +
                     " errors, " + std::to_string(r.warnings()) + " warnings (" + r.info_pdfx_version + ", PDF " +
                     r.pdf_version + ", " + std::to_string(r.pages) + " pages)");
    for (const auto& f : r.findings) {
        if (f.level == finish::Level::kInfo) continue;
        const std::string where = f.page > 0 ? (f.count > 1 ? "first on page " : "page ") + std::to_string(f.page) +
            (f.count > 1 ? ", " + std::to_string(f.count) + " in all" : "") + ": " : "";
        report.push_back(std::string("  ") + (f.level == finish::Level::kError ? "error: " : "warning: ") + where +
                         f.message + " [" + f.code + "]");
    }
}

void add_stats_lines(const finish::PrintStats& s, const fs::path& out, std::vector<std::string>& report) {
    std::error_code ec;
    report.push_back("print pass: " + fixed(s.seconds) + " s; " + std::to_string(s.colours.rewritten) +
                     " colour operators to CMYK (" + std::to_string(s.colours.used.size()) + " palette colours), " +
                     std::to_string(s.groups_removed) + " transparency groups and " + std::to_string(s.links_removed) +
                     " links removed");
    report.push_back("photos: " + std::to_string(s.photos.tagged) + " tagged ICC sRGB, " +
                     std::to_string(s.photos.converted) + " converted to CMYK (" + fixed(s.photos.convert_seconds) +
                     " s), " + std::to_string(s.photos.from_cache) + " from the cache, " + std::to_string(s.photos.kept) +
                     " kept");
    report.push_back("print PDF: " + out.string() + " (" + mib(fs::file_size(out, ec)) + ")");
}

}  // namespace

bool print_standard(const BuildOptions& opts, const style::LayoutSet& layout, std::string& out, Diagnostics& diags) {
    const std::string wanted = opts.pdfx.empty() ? layout.print.pdfx : opts.pdfx;
    finish::PdfX x;
    if (!finish::parse_pdfx(wanted, x)) {
        diags.error("E-PRINT-004", layout.print.loc, "unknown PDF/X standard \"" + wanted + "\"", "use X-4 or X-1a");
        return false;
    }
    out = x == finish::PdfX::kX4 ? "X-4" : "X-1a";
    return true;
}

fs::path default_print_output(const std::string& standard) {
    return standard == "X-1a" ? "out/hiratsuka-food-book-pdfx1a.pdf" : "out/hiratsuka-food-book-pdfx4.pdf";
}

void check_print_photos(const PrintInputs& in, Diagnostics& diags) {
    const auto& p = in.layout.print;
    finish::check_photo_resolution(in.doc, photo_owners(in.book, in.opts.content), p.ppi_warning, p.ppi_error, diags);
}

int run_print_pass(const PrintInputs& in, const fs::path& finished, Diagnostics& diags, std::vector<std::string>& report) {
    std::string standard;
    if (!print_standard(in.opts, in.layout, standard, diags)) return kExitDataErr;
    const fs::path out = in.opts.output;
    const fs::path tmp = temp_path_for(out, ".print.pdf");
    const finish::PrintOptions po = print_options(in, standard);
    finish::PrintStats stats;
    if (!finish::print_pdf(finished, tmp, po, diags, stats)) {
        std::error_code ec;
        fs::remove(tmp, ec);
        return kExitDataErr;
    }
    finish::PreflightReport pre = finish::preflight(tmp, preflight_options(in));
    pre.file = out.filename().string();  // the report travels with the file, not with our temp name
    add_preflight_lines(pre, report);
    std::error_code ec;
    if (!pre.passed()) {
        const fs::path rejected = out.parent_path() / (out.stem().string() + ".rejected.pdf");
        fs::rename(tmp, rejected, ec);
        diags.error("E-PRINT-050", {out.string(), 0, 0}, "the print PDF fails preflight: " + std::to_string(pre.errors()) +
                    " errors; it is kept as " + rejected.string() + " and " + out.string() + " was not changed");
        return kExitDataErr;
    }
    sync_file(tmp);
    fs::rename(tmp, out, ec);
    if (ec) {
        diags.error("E-OUTPUT-001", {out.string(), 0, 0}, "cannot move the print PDF into place: " + ec.message());
        fs::remove(tmp, ec);
        return kExitCantCreate;
    }
    add_stats_lines(stats, out, report);
    finish::DeliveryResult delivered;
    const fs::path folder = out.parent_path() / out.stem();
    const fs::path zip = out.parent_path() / (out.stem().string() + ".zip");
    if (!stats.sha256.empty() && in.opts.hashes) in.opts.hashes->remember(out, stats.sha256);  // for the build log
    finish::DeliveryInfo info = delivery_info(in, po);
    info.pdf_sha256 = stats.sha256;
    if (!finish::write_delivery(out, folder, zip, info, pre, diags, delivered)) return kExitCantCreate;
    report.push_back("delivery: " + folder.string() + "/ and " + zip.string() + " (" + mib(fs::file_size(zip, ec)) + ")");
    return kExitOk;
}

}  // namespace shokuhon::app
