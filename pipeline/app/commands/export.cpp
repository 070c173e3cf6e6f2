// shokuhon export --csv: the fact-check sheet, one row per shop with every printed field.
#include <iostream>

#include "app/atomic_file.h"
#include "app/build.h"
#include "app/command.h"
#include "app/shop_sheet.h"
#include "content/load.h"

namespace shokuhon::app {

int run_export_command(const CommandContext& ctx) {
    if (!ctx.has("csv") || !ctx.args.empty()) {
        ctx.err << "usage: shokuhon export --csv [-o FILE] [--encoding utf-8|cp932] [--content DIR]\n";
        return kExitUsage;
    }
    ExportOptions opts;
    const std::string enc = ctx.get("encoding", "utf-8");
    if (enc == "cp932" || enc == "shift_jis" || enc == "sjis") {
        opts.encoding = csv::Encoding::kCp932;
    } else if (enc != "utf-8" && enc != "utf8") {
        ctx.err << "shokuhon: --encoding is utf-8 or cp932, not \"" << enc << "\"\n";
        return kExitUsage;
    }
    Diagnostics diags;
    const auto loaded = content::load_book(ctx.get("content", "content"), diags);
    if (diags.has_errors()) {
        print_all(diags, ctx.err);
        ctx.err << "shokuhon: export failed: " << diags.error_count() << " errors in the content\n";
        return kExitDataErr;
    }
    Diagnostics sheet_diags;
    const std::string sheet = export_shops_csv(loaded.book, opts, sheet_diags);
    print_all(sheet_diags, ctx.err);
    if (!ctx.has("output")) {
        ctx.out << sheet << std::flush;
        return kExitOk;
    }
    const std::filesystem::path out = ctx.get("output");
    std::error_code ec;
    if (!write_file_atomically(out, sheet, ec)) {
        ctx.err << out.string() << ": error: cannot write: " << ec.message() << " [E-EXPORT-002]\n";
        return kExitCantCreate;
    }
    ctx.out << "wrote " << out.string() << ": " << loaded.book.shops.size() << " shops\n";
    return kExitOk;
}

}  // namespace shokuhon::app
