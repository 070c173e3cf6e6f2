// shokuhon import: an editor's spreadsheet (CSV) → content/shops/<section>.xml.
#include <fstream>
#include <iterator>

#include "app/atomic_file.h"
#include "app/build.h"
#include "app/command.h"
#include "app/shop_import.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

void describe(const ImportedFile& f, bool dry_run, std::ostream& out) {
    out << (dry_run ? "would write " : "wrote ") << f.path.string() << ": " << f.shops << " shops";
    if (f.replaces) out << ", replacing the file (" << f.notes_kept << " private notes kept)";
    out << '\n';
}

}  // namespace

int run_import_command(const CommandContext& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: shokuhon import FILE.csv [--section ID] [--out DIR] [--dry-run] [--force]\n";
        return kExitUsage;
    }
    const fs::path csv_file = ctx.args[0];
    std::ifstream in(csv_file, std::ios::binary);
    if (!in) {
        ctx.err << csv_file.string() << ": error: cannot read the file [E-IMPORT-001]\n";
        return kExitUsage;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ImportOptions opts;
    opts.csv_name = csv_file.string();
    opts.section = ctx.get("section");
    opts.out_dir = ctx.get("out", (fs::path(ctx.get("content", "content")) / "shops").string());
    opts.force = ctx.has("force");
    const bool dry_run = ctx.has("dry-run");
    Diagnostics diags;
    const ImportPlan plan = plan_import(bytes, opts, diags);
    print_all(diags, ctx.err);
    if (diags.has_errors()) {
        ctx.err << "shokuhon: import failed: " << diags.error_count() << " errors; nothing was written\n";
        return kExitDataErr;
    }
    const char* enc = plan.encoding == csv::Encoding::kCp932 ? "Shift_JIS (CP932)" : "UTF-8";
    ctx.out << "read " << plan.rows << " shops from " << csv_file.string() << " (" << enc << ")\n";
    std::error_code ec;
    if (!dry_run) fs::create_directories(opts.out_dir, ec);
    for (const auto& f : plan.files) {
        if (!dry_run && !write_file_atomically(f.path, f.xml, ec)) {
            ctx.err << f.path.string() << ": error: cannot write: " << ec.message() << " [E-IMPORT-030]\n";
            return kExitCantCreate;
        }
        describe(f, dry_run, ctx.out);
    }
    if (!dry_run) ctx.out << "next: shokuhon check\n";
    return kExitOk;
}

}  // namespace shokuhon::app
