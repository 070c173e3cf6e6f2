// The build and check commands.
#include "app/build.h"
#include "app/build_log.h"
#include "app/command.h"
#include "app/print_build.h"
#include "finish/pdfx.h"
#include "app/json_report.h"
#include "app/progress.h"
#include "app/proof_report.h"

#include <libxml/parser.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "app/hash_cache.h"
#include "shape/font_set.h"

namespace shokuhon::app {
namespace {

// --jobs N: 0 (one per core) or more processes; nullopt for anything else.
std::optional<int> parse_jobs(const std::string& text) {
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(text);
}

BuildOptions build_options(const CommandContext& ctx) {
    BuildOptions o;
    o.content = ctx.get("content", o.content.string());
    o.layouts = ctx.get("layouts", o.layouts.string());
    o.fonts_lock = ctx.get("fonts", o.fonts_lock.string());
    o.output = ctx.get("output", o.output.string());
    o.strict_fonts = ctx.has("strict-fonts");
    o.quiet = ctx.has("quiet");
    // --pdfx and --marks imply --print; a print PDF never overwrites the screen PDF by default.
    o.pdfx = ctx.get("pdfx");
    if (finish::PdfX x; finish::parse_pdfx(o.pdfx, x)) o.pdfx = x == finish::PdfX::kX4 ? "X-4" : "X-1a";
    o.marks = ctx.has("marks");
    o.print = ctx.has("print") || ctx.has("pdfx") || o.marks;
    o.strict_fonts = o.strict_fonts || o.print;  // a printer gets exactly the pinned fonts
    o.use_cache = !ctx.has("no-cache");
    o.render_jobs = parse_jobs(ctx.get("jobs", "0")).value_or(0);  // checked in run()
    if (o.print && !ctx.has("output")) o.output = default_print_output(o.pdfx);
    return o;
}

// The last line of the one-screen summary: pages, entries, problems, time, output.
void print_summary_line(const CommandContext& ctx, bool render, const BuildResult& r,
                        const Diagnostics& diags, const BuildOptions& opts) {
    const int entries = r.fill.entries(), placed = r.fill.entries_placed();
    const std::size_t notes = diags.note_count();
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", r.seconds);
    ctx.out << (render ? "built " : "checked ") << r.pages << " pages (" << placed << " of " << entries
            << " entries placed), " << diags.error_count() << " errors, " << diags.warning_count()
            << " warnings, " << notes << " notes in " << secs << " s";
    if (render) ctx.out << " → " << opts.output.string();
    if (render && r.parts > 0) {
        ctx.out << " (" << r.parts_rendered << " of " << r.parts << " parts rendered, "
                << r.parts - r.parts_rendered << " from the cache)";
    }
    ctx.out << '\n';
}

int run(const CommandContext& ctx, bool render) {
    BuildOptions opts = build_options(ctx);
    opts.render = render;
    if (opts.print && !opts.pdfx.empty() && opts.pdfx != "X-4" && opts.pdfx != "X-1a") {
        ctx.err << "shokuhon: --pdfx takes X-4 or X-1a, not \"" << opts.pdfx << "\"\n";
        return kExitUsage;
    }
    if (!parse_jobs(ctx.get("jobs", "0"))) {
        ctx.err << "shokuhon: --jobs takes a number of processes (0 = one per core), not \"" << ctx.get("jobs") << "\"\n";
        return kExitUsage;
    }
    const char* verb = render ? "build" : "check";
    // --json: stdout carries one JSON document and nothing else (diagnostics are inside it).
    const bool json = ctx.has("json");
    ProgressLine progress(ctx.out, !json && !opts.quiet && ProgressLine::is_terminal(STDOUT_FILENO));
    opts.progress = [&progress](const BuildProgress& p) { progress.update(p); };
    // --proof: proof marks, and the report (thumbnails, changes since the last proof) beside the PDF.
    std::optional<ProofReportOptions> proof;
    if (render && ctx.has("proof")) proof = prepare_proof_build(opts, ctx.get("round"), ctx.has("output"));
    Diagnostics diags;
    // A build takes the output's lock and is recorded in the build log; a check writes nothing.
    const std::filesystem::path build_log = ctx.get("build-log", default_build_log(opts.output).string());
    BuildResult r;
    if (render) {
        r = run_recorded_build(opts, build_log, diags, ctx.err);
    } else {  // a check shares the per-user hash cache (fonts, photos) with builds
        HashCache hashes(default_hash_cache(opts.output));
        BuildOptions with_cache = opts;
        with_cache.hashes = &hashes;
        r = run_build(with_cache, diags, ctx.err);
        hashes.save();
    }
    std::string report_line;
    ProofReportResult proof_result;
    if (proof && r.exit_code == kExitOk && r.composed) {
        progress.update({"proof report", r.pages, r.seconds});
        Diagnostics report_diags;
        if (!write_proof_report(*r.composed, r, diags, *proof, proof_result, report_diags)) {
            progress.clear();
            print_all(report_diags, ctx.err);
            return kExitCantCreate;
        }
        report_line = describe(proof_result);
    }
    progress.clear();
    if (json) {
        const bool wrote = render && r.exit_code == kExitOk;
        auto summary = summary_json({verb, r.exit_code, wrote ? opts.output.string() : ""}, r, diags);
        if (!report_line.empty()) summary->set("proof_report", proof_result.html.string());
        write_json(summary, ctx.out);
        return r.exit_code;
    }
    print_all(diags, ctx.err);
    if (r.exit_code != kExitOk) {
        for (const auto& line : r.print_report) ctx.err << line << '\n';  // the failed preflight
        ctx.err << "shokuhon: " << verb << " failed: " << diags.error_count() << " errors";
        if (render) ctx.err << "; " << opts.output.string() << " was not changed";
        ctx.err << '\n';
        return r.exit_code;
    }
    if (!opts.quiet) {
        print_fill_report(r.fill, ctx.out);
        print_summary_line(ctx, render, r, diags, opts);
        if (!report_line.empty()) ctx.out << report_line << '\n';
        for (const auto& line : r.print_report) ctx.out << line << '\n';
    }
    return kExitOk;
}

}  // namespace

// --edition CONTENT:PDF, repeated: each edition is a build of its own (lock, build log,
// temporary file and rename), run side by side on the machine's cores with the fonts opened
// once; the diagnostics and a summary line per edition come at the end, in the order given.
int run_editions(const CommandContext& ctx) {
    for (const char* o : {"output", "content", "proof", "json"}) {
        if (ctx.has(o)) {
            ctx.err << "shokuhon: --edition does not go with --" << o << "\n";
            return kExitUsage;
        }
    }
    struct Edition {
        BuildOptions opts;
        Diagnostics diags;
        BuildResult result;
        std::ostringstream log;
    };
    std::vector<std::unique_ptr<Edition>> editions;
    std::istringstream specs(ctx.get("edition"));
    for (std::string spec; std::getline(specs, spec);) {
        const auto colon = spec.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
            ctx.err << "shokuhon: --edition takes CONTENT:PDF (a content folder and the PDF to write), not \""
                    << spec << "\"\n";
            return kExitUsage;
        }
        auto e = std::make_unique<Edition>();
        e->opts = build_options(ctx);
        e->opts.content = spec.substr(0, colon);
        e->opts.output = spec.substr(colon + 1);
        e->opts.render = true;
        e->opts.render_jobs = 1;  // editions already run side by side, on threads
        for (const auto& other : editions) {
            if (std::filesystem::absolute(other->opts.output) == std::filesystem::absolute(e->opts.output)) {
                ctx.err << "shokuhon: two editions write " << e->opts.output.string() << "\n";
                return kExitUsage;
            }
        }
        editions.push_back(std::move(e));
    }
    const auto t0 = std::chrono::steady_clock::now();
    // The fonts, once for all editions (the same lock): each edition still checks their hashes.
    Diagnostics font_diags;
    const BuildOptions common = build_options(ctx);
    const shape::FontSet fonts = shape::FontSet::open(shape::read_font_lock(common.fonts_lock, font_diags), font_diags);
    if (font_diags.has_errors()) {
        print_all(font_diags, ctx.err);
        ctx.err << "shokuhon: build failed: " << font_diags.error_count() << " errors; no edition was written\n";
        return kExitDataErr;
    }
    xmlInitParser();  // libxml2's one-time set-up, before threads parse side by side
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < editions.size(); i = next++) {
            Edition& e = *editions[i];
            e.opts.fonts = &fonts;
            try {
                e.result = run_recorded_build(e.opts, default_build_log(e.opts.output), e.diags, e.log);
            } catch (const std::exception& ex) {
                e.diags.error("E-INTERNAL-001", {e.opts.content.string(), 0, 0},
                              std::string("internal error: ") + ex.what());
                e.result.exit_code = kExitSoftware;
            }
        }
    };
    const std::size_t workers =
        std::min<std::size_t>(editions.size(), std::max(1u, std::thread::hardware_concurrency()));
    {
        std::vector<std::jthread> pool;
        for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
        work();
    }  // joined
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    int exit_code = kExitOk, pages = 0, failed = 0;
    for (const auto& ep : editions) {
        const Edition& e = *ep;
        print_all(e.diags, ctx.err);
        ctx.err << e.log.str();
        if (e.result.exit_code != kExitOk) {
            ++failed;
            if (exit_code == kExitOk) exit_code = e.result.exit_code;
            ctx.err << "shokuhon: edition " << e.opts.content.string() << " failed: " << e.diags.error_count()
                    << " errors; " << e.opts.output.string() << " was not changed\n";
            continue;
        }
        pages += e.result.pages;
        if (!common.quiet) print_summary_line(ctx, true, e.result, e.diags, e.opts);
    }
    if (!common.quiet || failed > 0) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.2f", seconds);
        ctx.out << "built " << editions.size() - static_cast<std::size_t>(failed) << " of " << editions.size()
                << " editions (" << pages << " pages) in " << secs << " s\n";
    }
    return exit_code;
}

int run_build_command(const CommandContext& ctx) { return ctx.has("edition") ? run_editions(ctx) : run(ctx, true); }
int run_check_command(const CommandContext& ctx) { return run(ctx, false); }

}  // namespace shokuhon::app
