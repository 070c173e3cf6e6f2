// app/: the build and check commands as plain functions, so tests and the CLI share them.
// Runs the stages in order, stops before writing when any stage reported an error, and
// replaces the output only with a complete, finished file.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "compose/paginate.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

class HashCache;  // app/hash_cache.h

// sysexits codes (Poco's Application::ExitCode uses the same numbers).
constexpr int kExitOk = 0, kExitUsage = 64, kExitDataErr = 65, kExitSoftware = 70,
              kExitCantCreate = 73;

// Where a build is, for a progress display (called on run_build's thread, between stages).
struct BuildProgress {
    const char* stage = "";  // load, compose, render, finish
    int pages = 0;           // pages composed (known once compose is done)
    double seconds = 0;      // since the build started
};

// What a build composed, kept for commands that draw it again (preview, proofs, the report).
struct Composed {
    content::Book book;
    style::LayoutSet layout;
    shape::FontSet fonts;
    compose::Document doc;
};

struct BuildOptions {
    std::filesystem::path content = "content";
    std::filesystem::path layouts = "layouts";
    std::filesystem::path fonts_lock = "fonts/fonts.lock";
    std::filesystem::path output = "out/hiratsuka-food-book.pdf";
    bool render = true;  // false: check only
    bool strict_fonts = false;  // a font whose hash differs is an error, not a warning
    bool quiet = false;
    HashCache* hashes = nullptr;  // shared SHA-256 cache (fonts, build log); none: hash afresh
    bool keep_composed = false;   // BuildResult::composed: the book as composed (no errors only)
    std::function<void(const BuildProgress&)> progress;  // none: no reports
    // Runs after composing, before rendering: proof marks are added to the pages here.
    std::function<void(compose::Document&, const style::LayoutSet&, const shape::FontSet&)> before_render;
    // Print build (app/print_build.h): PDF/X for the printer instead of the screen PDF.
    bool print = false;
    std::string pdfx;                 // "X-4" or "X-1a"; "" = the layout's <print pdfx=…>
    bool marks = false;               // Japanese crop marks (トンボ)
    std::filesystem::path cache_dir;  // photos converted to CMYK; "" = .shokuhon-cache beside the output
    // The build cache folder (photo verdicts by content hash; safe to delete): read by builds
    // and checks, written by builds only. "" = .shokuhon-cache beside the output.
    std::filesystem::path build_cache;
    bool use_cache = true;  // false: the cache folder is neither read nor written
    // Processes rendering the PDF's parts (app/book_pdf.h): 1 = this one; 0 = one per core.
    // Only a single-threaded caller may ask for more than one (they are forked).
    int render_jobs = 1;
    // Fonts opened by the caller from the same lock (several editions in one run): used as
    // they are instead of opening the files again. Not with keep_composed.
    const shape::FontSet* fonts = nullptr;
};

// The build cache folder of `opts` (BuildOptions::build_cache, else .shokuhon-cache beside
// the output).
std::filesystem::path build_cache_dir(const BuildOptions& opts);

struct BuildResult {
    int exit_code = kExitOk;
    compose::FillReport fill;
    int pages = 0;
    double seconds = 0;
    std::shared_ptr<const Composed> composed;  // with keep_composed, when there were no errors
    std::vector<std::string> print_report;     // print build: preflight and delivery, one line each
    int parts = 0, parts_rendered = 0;         // the PDF's parts, and how many were not in the cache
    int font_subsets = 0, font_subsets_kept = 0;  // fonts drawn with, and subsets kept from before
};

BuildResult run_build(const BuildOptions& opts, Diagnostics& diags, std::ostream& log);

void print_fill_report(const compose::FillReport& r, std::ostream& out);

}  // namespace shokuhon::app
