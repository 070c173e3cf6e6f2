#include "app/build.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <exception>
#include <iomanip>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "app/atomic_file.h"
#include "app/book_pdf.h"
#include "app/hash_cache.h"
#include "app/font_check.h"
#include "app/photos.h"
#include "app/print_build.h"
#include "compose/store.h"
#include "content/load.h"
#include "finish/assemble.h"
#include "render/render.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

// Each pinned font must be the file that was pinned: same inputs, same PDF. Hashes come from
// the build's hash cache when there is one (90 MB of fonts are not re-read every build).
void verify_fonts(const std::vector<shape::FontLockEntry>& lock, bool strict, HashCache* hashes,
                  Diagnostics& diags) {
    for (const auto& e : lock) {
        const std::string actual = hashes ? hashes->sha256(e.file) : sha256_file(e.file);
        if (actual == e.sha256) continue;
        if (actual.empty()) {
            diags.error("E-FONT-004", e.loc, "cannot read font file " + e.file.string());
            continue;
        }
        const std::string msg = "font for role \"" + e.role + "\" (" + e.file.string() +
                                ") differs from the pinned file: sha256 " + actual;
        const std::string hint = "if the new file is intended, re-pin it: replace the hash on this line with " + actual;
        if (strict) diags.error("E-FONT-010", e.loc, msg, hint);
        else diags.warning("W-FONT-010", e.loc, msg, hint);
    }
}

void append(Diagnostics& to, const Diagnostics& from) {
    for (const auto& d : from.all()) to.add(d);
}

// PDF date of the book's issue: reproducible output, no wall clock.
std::string pdf_date(const std::string& iso_date) {
    if (iso_date.size() < 10) return {};
    std::string d = "D:";
    d.append(iso_date, 0, 4).append(iso_date, 5, 2).append(iso_date, 8, 2);
    d.append("000000+09'00'");
    return d;
}

// Hands what was composed to the caller (preview, proofs) instead of dropping it.
void keep_composed(BuildResult& result, content::Book&& book, const style::LayoutSet& layout,
                   shape::FontSet&& fonts, compose::Document&& doc) {
    result.composed = std::make_shared<const Composed>(
        Composed{std::move(book), layout, std::move(fonts), std::move(doc)});
}

}  // namespace

fs::path build_cache_dir(const BuildOptions& opts) {
    return opts.build_cache.empty() ? opts.output.parent_path() / ".shokuhon-cache" : opts.build_cache;
}

void print_fill_report(const compose::FillReport& r, std::ostream& out) {
    out << "section fill report (台割)\n";
    out << "  " << std::left << std::setw(12) << "section" << std::right << std::setw(8) << "pages"
        << std::setw(8) << "used" << std::setw(10) << "entries" << std::setw(8) << "placed"
        << std::setw(11) << "shortened" << std::setw(11) << "not fit" << std::setw(12) << "white cm²" << '\n';
    for (const auto& s : r.sections) {
        out << "  " << std::left << std::setw(12) << s.id << std::right << std::setw(8) << s.pages_planned
            << std::setw(8) << s.pages_used << std::setw(10) << s.entries << std::setw(8)
            << s.entries_placed << std::setw(11) << s.shortened.size() << std::setw(11)
            << (s.not_placed.size() + s.overflowing.size()) << std::setw(12)
            << static_cast<long>(s.white_space_cm2 + 0.5) << '\n';
        for (const auto& id : s.not_placed) out << "    no page: " << id << '\n';
        for (const auto& id : s.overflowing) out << "    text cut: " << id << '\n';
    }
}

BuildResult run_build(const BuildOptions& opts, Diagnostics& diags, std::ostream& log) {
    const auto t0 = std::chrono::steady_clock::now();
    BuildResult result;
    const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    const auto stage = [&](const char* name) {
        if (opts.progress) opts.progress({name, result.pages, elapsed()});
    };
    stage("load");
    HashCache memory_hashes;
    HashCache& hashes = opts.hashes ? *opts.hashes : memory_hashes;
    // The font lock first (its diagnostics still come after the content's and the layouts'):
    // the composition store names the font files, and it is read on a second thread while the
    // content and the layouts load. The store holds the paragraphs the last build into this
    // output composed, for this program, these font files and this HarfBuzz (compose/store.h):
    // a rebuild composes only what changed.
    Diagnostics lock_diags;
    const auto lock = shape::read_font_lock(opts.fonts_lock, lock_diags);
    compose::PaginateOptions popts;
    std::optional<compose::CompositionStore> store;
    bool store_read = false;
    const fs::path store_file = build_cache_dir(opts) / "compositions" / (opts.output.filename().string() + ".store");
    std::jthread store_reader;
    std::error_code self_ec;
    // The program's own bytes: compositions from another build of shokuhon are not taken (and
    // without /proc to tell, none are kept).
    const std::string program = opts.use_cache ? hashes.sha256(fs::read_symlink("/proc/self/exe", self_ec)) : "";
    if (!program.empty()) {
        std::string context = "program " + program + "\nharfbuzz " + hb_version_string() + "\nmode " +
                              std::to_string(static_cast<int>(popts.mode)) + "\n";
        for (const auto& e : lock) context += e.role + " " + std::to_string(e.face) + " " + hashes.sha256(e.file) + "\n";
        store.emplace(std::move(context));
        store_reader = std::jthread([&] {
            try {
                std::ifstream in(store_file, std::ios::binary | std::ios::ate);
                std::string bytes(in ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
                in.seekg(0);
                store_read = in && in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())) &&
                             !bytes.empty() && store->parse(bytes);  // what it cannot take is composed again
            } catch (const std::exception&) {
                store_read = false;
            }
        });
    }
    auto loaded = content::load_book(opts.content, diags);
    const auto layout = style::load_layout_set(opts.layouts, diags);
    const std::size_t errors_before_lock = diags.error_count();
    append(diags, lock_diags);
    // A lock that names no font at all would leave every style without a face.
    if (lock.empty() && diags.error_count() == errors_before_lock) {
        diags.error("E-FONT-006", {opts.fonts_lock.string(), 0, 0}, "the font lock names no font files",
                    "one line per role: role face sha256 file (see fonts/fonts.lock)");
    }
    // The photo check decodes every photo's scan (0.3 s for the sample book): photos a
    // previous build found good (same bytes, same check) are not decoded again, and the rest
    // are checked on a second thread while fonts are verified and the book is composed.
    // Diagnostics come out in the order of a serial build, and nothing composed is used
    // unless the photos are good: the result is the same as checking first.
    // Verdicts depend on the photos' bytes only: kept per user, so a build into a new folder
    // does not decode photos a build of any book already checked.
    const fs::path verdict_dir = user_cache_dir().empty() ? build_cache_dir(opts) : user_cache_dir();
    PhotoVerdicts verdicts(opts.use_cache ? verdict_dir / "photo-verdicts.tsv" : fs::path{});
    // Hashed before the check, so that a verdict is stored for the bytes that were checked.
    std::set<std::string> known_good;
    std::map<std::string, std::string> photo_sha;
    if (opts.use_cache && (opts.render || !verdicts.empty())) {
        for (const auto& f : photo_files(loaded.book, opts.content)) {
            const std::string sha = hashes.sha256(f);
            if (!sha.empty() && verdicts.good(sha)) known_good.insert(f.string());
            photo_sha[f.string()] = sha;
        }
    }
    Diagnostics photo_diags;
    std::vector<std::string> found_good;
    std::exception_ptr photo_failure;
    std::jthread photo_check([&] {
        try {
            check_photos(loaded.book, opts.content, photo_diags, known_good, &found_good);
        } catch (...) {
            photo_failure = std::current_exception();
        }
    });
    const bool load_ok = !diags.has_errors();
    Diagnostics font_diags, rest;
    if (load_ok) verify_fonts(lock, opts.strict_fonts, &hashes, font_diags);
    shape::FontSet own_fonts = opts.fonts ? shape::FontSet{} : shape::FontSet::open(lock, rest);
    const shape::FontSet& fonts = opts.fonts ? *opts.fonts : own_fonts;
    check_font_faces(lock, fonts, rest);
    for (const auto& [name, st] : layout.styles) {
        if (!fonts.find(st.font) && !lock.empty()) {
            rest.error("E-LAYOUT-008", st.loc, "style \"" + name + "\": no font for role \"" + st.font + "\"",
                       "roles come from fonts/fonts.lock");
        }
    }
    popts.content_dir = opts.content;
    // Pages are built on as many threads as the PDF's parts are rendered by processes.
    popts.threads = opts.render_jobs > 0 ? opts.render_jobs
                                         : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (store_reader.joinable()) store_reader.join();
    if (store && load_ok) popts.store = &*store;
    Diagnostics compose_diags;
    std::optional<compose::Document> composed;
    if (load_ok && !font_diags.has_errors() && !rest.has_errors()) {
        stage("compose");
        composed = compose::paginate(loaded.book, layout, fonts, popts, compose_diags, &result.fill);
    }
    photo_check.join();
    if (photo_failure) std::rethrow_exception(photo_failure);
    append(diags, photo_diags);
    if (!photo_diags.has_errors()) append(diags, font_diags);
    append(diags, rest);
    if (diags.has_errors() || !composed) {
        result.fill = {};
        result.exit_code = kExitDataErr;
        return result;
    }
    if (opts.use_cache && opts.render) {
        for (const auto& f : found_good) verdicts.add(photo_sha[f]);
        verdicts.save();  // a lost verdict only costs a check next time
        if (store && store_read && !store->stale()) {
            // A few new paragraphs on a file of thousands: appended (a cut append spoils the
            // file, which the next build then does not read).
            if (store->added()) {
                std::ofstream out(store_file, std::ios::binary | std::ios::app);
                out << store->segment();
            }
        } else if (store && store->changed()) {
            std::error_code ec;
            fs::create_directories(store_file.parent_path(), ec);
            write_file_atomically(store_file, store->serialize(), ec, Durability::kCache);  // lost: composed again
        }
    }
    append(diags, compose_diags);
    compose::Document doc = std::move(*composed);
    result.pages = static_cast<int>(doc.pages.size());
    if (diags.has_errors()) {
        result.exit_code = kExitDataErr;
        return result;
    }
    if (opts.before_render) opts.before_render(doc, layout, fonts);
    if (opts.print) {  // photo resolution against the layout's thresholds (app/print_build.h)
        check_print_photos({opts, loaded.book, layout, doc, lock}, diags);
        if (diags.has_errors()) {
            result.exit_code = kExitDataErr;
            return result;
        }
    }
    if (!opts.render) {
        result.seconds = elapsed();
        if (opts.keep_composed && !opts.fonts) keep_composed(result, std::move(loaded.book), layout, std::move(own_fonts), std::move(doc));
        return result;
    }
    stage("render");

    // Write next to the target, then rename: a failed build never touches the last good PDF.
    std::error_code ec;
    const fs::path out = opts.output;
    if (!out.parent_path().empty()) fs::create_directories(out.parent_path(), ec);
    const std::string stem = "." + out.filename().string() + ".tmp-" + std::to_string(::getpid());
    const fs::path fin = out.parent_path() / (stem + ".pdf");
    auto cleanup = [&] {
        fs::remove(fin, ec);
    };
    render::RenderInputs in{doc, layout, fonts};
    finish::AssembleOptions ao;
    ao.bleed = layout.geometry.bleed;
    for (const auto& page : doc.pages) ao.labels.push_back(page.label);
    for (const auto& o : doc.outline) ao.outline.push_back({o.title, o.page});
    ao.title = loaded.book.meta.title + " " + loaded.book.meta.edition;
    ao.author = loaded.book.meta.author;
    ao.subject = loaded.book.meta.subtitle;
    ao.keywords = doc.meta.keywords;
    ao.creator = doc.meta.creator;
    ao.creation_date = pdf_date(loaded.book.meta.issue_date);
    BookPdfOptions bo;
    if (opts.use_cache) bo.cache_dir = build_cache_dir(opts) / "parts" / out.filename();
    bo.scratch = temp_path_for(out, ".");
    bo.jobs = opts.render_jobs;
    for (const auto& e : lock) {
        // The file as it is (a file that differs from the pinned hash is only a warning without
        // --strict-fonts): cached parts and subsets of another file must not be taken for it.
        const std::string actual = hashes.sha256(e.file);
        bo.context += e.role + " " + std::to_string(e.face) + " " + actual + "\n";
        bo.font_keys[e.role] = actual + " " + std::to_string(e.face);
    }
    // Font subsets depend on the font files only: kept per user, like the photo verdicts.
    if (opts.use_cache) bo.subset_cache = (user_cache_dir().empty() ? build_cache_dir(opts) : user_cache_dir()) / "font-subsets";
    bo.hashes = &hashes;
    BookPdfStats parts;
    if (!write_book_pdf(in, ao, bo, fin, parts, diags)) {
        cleanup();
        result.exit_code = kExitCantCreate;
        return result;
    }
    result.parts = parts.parts;
    result.parts_rendered = parts.rendered;
    result.font_subsets = parts.subsets;
    result.font_subsets_kept = parts.subsets_cached;
    stage("finish");
    if (opts.print) {  // PDF/X, preflight and the delivery folder instead of the screen PDF
        stage("print");
        result.exit_code = run_print_pass({opts, loaded.book, layout, doc, lock}, fin, diags, result.print_report);
        cleanup();
        result.seconds = elapsed();
        return result;
    }
    // On disk before it replaces the last good PDF: a power cut must not leave an empty file.
    sync_file(fin);
    fs::rename(fin, out, ec);
    if (!ec) sync_dir(out.parent_path());
    if (!ec && !parts.sha256.empty()) hashes.remember(out, parts.sha256);  // for the build log
    if (ec) {
        diags.error("E-OUTPUT-001", {out.string(), 0, 0}, "cannot move the finished PDF into place: " + ec.message());
        cleanup();
        result.exit_code = kExitCantCreate;
        return result;
    }
    result.seconds = elapsed();
    if (opts.keep_composed && !opts.fonts) keep_composed(result, std::move(loaded.book), layout, std::move(own_fonts), std::move(doc));
    (void)log;
    return result;
}

}  // namespace shokuhon::app
