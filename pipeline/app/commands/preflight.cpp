// The preflight command: checks any PDF the way a printer's prepress would (finish/preflight.h)
// and prints the report; exits non-zero when the printer would reject the file.
#include "app/build.h"
#include "app/command.h"
#include "finish/preflight.h"
#include "style/load.h"

namespace shokuhon::app {
namespace {

constexpr int kExitNoInput = 66;  // sysexits EX_NOINPUT: the file cannot be read as a PDF

// Thresholds from a layout's <print> (--layouts), else the defaults (300/200 ppi, 300 %).
bool options_from(const CommandContext& ctx, finish::PreflightOptions& o) {
    if (ctx.has("signature")) {
        try {
            o.signature = std::stoi(ctx.get("signature"));
        } catch (const std::exception&) {
            o.signature = 0;
        }
        if (o.signature <= 0 || o.signature % 4 != 0) {
            ctx.err << "shokuhon: preflight: --signature wants a multiple of 4 (e.g. 16)\n";
            return false;
        }
    }
    if (!ctx.has("layouts")) return true;
    Diagnostics diags;
    const style::LayoutSet layout = style::load_layout_set(ctx.get("layouts"), diags);
    print_all(diags, ctx.err);
    if (diags.has_errors()) return false;
    o.ppi_warning = layout.print.ppi_warning;
    o.ppi_error = layout.print.ppi_error;
    o.ink_limit = layout.print.ink_limit;
    o.rich_black_min_pt = layout.print.rich_black_min.pt();
    return true;
}

}  // namespace

int run_preflight_command(const CommandContext& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: shokuhon preflight FILE.pdf [--json] [--layouts DIR] [--signature N]\n";
        return kExitUsage;
    }
    finish::PreflightOptions opts;
    if (!options_from(ctx, opts)) return kExitUsage;
    const finish::PreflightReport r = finish::preflight(ctx.args[0], opts);
    ctx.out << (ctx.has("json") ? finish::preflight_json(r) : finish::preflight_text(r));
    if (!r.readable) return kExitNoInput;
    return r.passed() ? kExitOk : kExitDataErr;
}

}  // namespace shokuhon::app
