// The build and check commands.
#include "app/build.h"
#include "app/build_log.h"
#include "app/command.h"
#include "app/print_build.h"
#include "finish/pdfx.h"
#include "app/json_report.h"
#include "app/progress.h"
#include "app/proof_report.h"

#include <unistd.h>

#include <cstdio>
#include <optional>

namespace shokuhon::app {
namespace {

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
    if (o.print && !ctx.has("output")) o.output = default_print_output(o.pdfx);
    return o;
}

// The last line of the one-screen summary: pages, entries, problems, time, output.
void print_summary_line(const CommandContext& ctx, bool render, const BuildResult& r,
                        const Diagnostics& diags, const BuildOptions& opts) {
    int entries = 0, placed = 0;
    for (const auto& s : r.fill.sections) {
        entries += s.entries;
        placed += s.entries_placed;
    }
    std::size_t notes = 0;
    for (const auto& d : diags.all()) notes += d.severity == Severity::kNote ? 1 : 0;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", r.seconds);
    ctx.out << (render ? "built " : "checked ") << r.pages << " pages (" << placed << " of " << entries
            << " entries placed), " << diags.error_count() << " errors, " << diags.warning_count()
            << " warnings, " << notes << " notes in " << secs << " s";
    if (render) ctx.out << " → " << opts.output.string();
    ctx.out << '\n';
}

int run(const CommandContext& ctx, bool render) {
    BuildOptions opts = build_options(ctx);
    opts.render = render;
    if (opts.print && !opts.pdfx.empty() && opts.pdfx != "X-4" && opts.pdfx != "X-1a") {
        ctx.err << "shokuhon: --pdfx takes X-4 or X-1a, not \"" << opts.pdfx << "\"\n";
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
    const BuildResult r = render ? run_recorded_build(opts, build_log, diags, ctx.err) : run_build(opts, diags, ctx.err);
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

int run_build_command(const CommandContext& ctx) { return run(ctx, true); }
int run_check_command(const CommandContext& ctx) { return run(ctx, false); }

}  // namespace shokuhon::app
