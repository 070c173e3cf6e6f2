// The build and check commands.
#include "app/build.h"
#include "app/command.h"

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
    return o;
}

int run(const CommandContext& ctx, bool render) {
    BuildOptions opts = build_options(ctx);
    opts.render = render;
    const char* verb = render ? "build" : "check";
    Diagnostics diags;
    const BuildResult r = run_build(opts, diags, ctx.err);
    print_all(diags, ctx.err);
    if (r.exit_code != kExitOk) {
        ctx.err << "shokuhon: " << verb << " failed: " << diags.error_count() << " errors";
        if (render) ctx.err << "; " << opts.output.string() << " was not changed";
        ctx.err << '\n';
        return r.exit_code;
    }
    if (!opts.quiet) {
        print_fill_report(r.fill, ctx.out);
        ctx.out << (render ? "built " : "checked ") << r.pages << " pages, " << diags.error_count()
                << " errors, " << diags.warning_count() << " warnings";
        if (render) ctx.out << " in " << r.seconds << " s → " << opts.output.string();
        ctx.out << '\n';
    }
    return kExitOk;
}

}  // namespace

int run_build_command(const CommandContext& ctx) { return run(ctx, true); }
int run_check_command(const CommandContext& ctx) { return run(ctx, false); }

}  // namespace shokuhon::app
