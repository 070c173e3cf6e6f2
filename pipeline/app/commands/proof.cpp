// shokuhon proof: one-page PDFs of shops' entries as they will print, for the shops to check.
#include <ctime>
#include <filesystem>

#include "app/atomic_file.h"
#include "app/build.h"
#include "app/command.h"
#include "app/proof.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::string local_time(std::time_t t, const char* format) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// Renders one shop's sheet beside `out` and renames it into place.
bool write_shop_proof(const Composed& c, const content::Shop& shop, const ShopProofNote& note, const fs::path& out,
                      Diagnostics& diags) {
    const auto where = find_card(c, shop);
    if (!where) {
        diags.error("E-PROOF-002", shop.loc, "shop \"" + shop.name + "\" (" + shop.id + ") has no card in the composed book",
                    "the fill report says which entries did not get a page");
        return false;
    }
    std::error_code ec;
    if (!out.parent_path().empty()) fs::create_directories(out.parent_path(), ec);
    const fs::path tmp = temp_path_for(out, ".pdf");
    const render::RenderInputs in{c.doc, c.layout, c.fonts};
    const bool ok = render::render_sheets_pdf(in, {shop_proof_sheet(c, shop, *where, note)}, "確認用 " + shop.name, tmp, diags);
    if (ok) fs::rename(tmp, out, ec);
    if (!ok || ec) {
        fs::remove(tmp, ec);
        diags.error("E-PROOF-003", {out.string(), 0, 0}, "cannot write the proof");
        return false;
    }
    return true;
}

BuildOptions proof_build_options(const CommandContext& ctx) {
    BuildOptions o;
    o.content = ctx.get("content", o.content.string());
    o.layouts = ctx.get("layouts", o.layouts.string());
    o.fonts_lock = ctx.get("fonts", o.fonts_lock.string());
    o.strict_fonts = ctx.has("strict-fonts");
    o.render = false;
    o.keep_composed = true;
    return o;
}

}  // namespace

int run_proof_command(const CommandContext& ctx) {
    const bool all = ctx.has("all");
    if (all == ctx.has("shop") || !ctx.args.empty()) {
        ctx.err << "usage: shokuhon proof --shop ID [-o FILE] | --all [-o DIR]  [--reply-by YYYY-MM-DD]\n";
        return kExitUsage;
    }
    const std::time_t now = std::time(nullptr);
    ShopProofNote note{japanese_date(ctx.get("reply-by", local_time(now + 7 * 24 * 3600, "%Y-%m-%d"))),
                       local_time(now, "%Y-%m-%d %H:%M")};
    if (note.reply_by.empty()) {
        ctx.err << "shokuhon: --reply-by takes a date like 2026-12-03\n";
        return kExitUsage;
    }
    Diagnostics diags;
    const BuildResult r = run_build(proof_build_options(ctx), diags, ctx.err);
    if (r.exit_code != kExitOk || !r.composed) {
        print_all(diags, ctx.err);
        ctx.err << "shokuhon: proof failed: " << diags.error_count() << " errors in the book\n";
        return r.exit_code == kExitOk ? kExitSoftware : r.exit_code;
    }
    const Composed& c = *r.composed;
    const fs::path out = ctx.get("output", all ? "out/proofs" : "out/proofs/" + ctx.get("shop") + ".pdf");
    Diagnostics proof_diags;
    int written = 0;
    for (const auto& shop : c.book.shops) {
        if (!all && shop.id != ctx.get("shop")) continue;
        const fs::path file = all ? out / (shop.id + ".pdf") : out;
        if (write_shop_proof(c, shop, note, file, proof_diags)) {
            ++written;
            if (!all) ctx.out << "wrote " << file.string() << ": " << shop.name << ", reply by " << note.reply_by << '\n';
        }
    }
    print_all(proof_diags, ctx.err);
    if (!all && written == 0 && !proof_diags.has_errors()) {
        ctx.err << "shokuhon: no shop \"" << ctx.get("shop") << "\" in the book\n";
        return kExitUsage;
    }
    if (all) ctx.out << "wrote " << written << " proofs to " << out.string() << ", reply by " << note.reply_by << '\n';
    return proof_diags.has_errors() ? kExitCantCreate : kExitOk;
}

}  // namespace shokuhon::app
