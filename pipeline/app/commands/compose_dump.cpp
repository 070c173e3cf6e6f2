// shokuhon compose-dump: how the composer sets one paragraph, one row per line (compose/dump.h),
// optionally with every inter-character decision. For editors asking "why did this line break
// here?" and for the golden tests, which print the same text.
#include <iomanip>
#include <sstream>

#include "app/build.h"
#include "app/command.h"
#include "compose/dump.h"
#include "compose/text.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace shokuhon::app {
namespace {

// The text column of a card on a 4-card page (layouts/templates.xml "card4"), the measure most
// shop descriptions are set in.
Length default_width(const style::LayoutSet& layout) {
    const auto& g = layout.geometry;
    const style::Template* t = layout.find_template("card4");
    const int cols = t ? std::max(1, t->get_int("columns", 2)) : 2;
    const Length hw = g.trim_w - g.inner - g.outer;
    return (hw - g.gutter * 2 * (cols - 1)) / cols;
}

// The paragraph asked for: --text, or a field of --shop. Empty (with a message) when neither.
std::string paragraph_text(const CommandContext& ctx, const content::Book& book, std::string& what) {
    if (ctx.has("text")) {
        what = "text";
        return compose::ruby_from_markup(ctx.get("text"));
    }
    const content::Shop* s = book.find_shop(ctx.get("shop"));
    if (!s) {
        ctx.err << "shokuhon compose-dump: no shop \"" << ctx.get("shop") << "\"\n";
        return {};
    }
    const std::string field = ctx.get("field", "description");
    what = "shop " + s->id + " " + field;
    if (field == "headline") return s->headline;
    if (field == "short") return s->short_description;
    return s->description;
}

const char* kinsoku_name(style::Kinsoku k) {
    switch (k) {
        case style::Kinsoku::kVeryStrict: return "very-strict";
        case style::Kinsoku::kStrict: return "strict";
        case style::Kinsoku::kLoose: return "loose";
        case style::Kinsoku::kVeryLoose: return "very-loose";
    }
    return "?";
}

}  // namespace

int run_compose_dump_command(const CommandContext& ctx) {
    if (ctx.has("text") == ctx.has("shop")) {
        ctx.err << "usage: shokuhon compose-dump (--shop ID | --text TEXT) [--style NAME] [--width LEN]\n";
        return kExitUsage;
    }
    const std::string mode = ctx.get("mode", "optimal");
    if (mode != "optimal" && mode != "greedy") {
        ctx.err << "shokuhon compose-dump: --mode is greedy or optimal\n";
        return kExitUsage;
    }
    Diagnostics diags;
    content::Loaded loaded;
    if (ctx.has("shop")) loaded = content::load_book(ctx.get("content", "content"), diags);
    const auto layout = style::load_layout_set(ctx.get("layouts", "layouts"), diags);
    const auto fonts = shape::FontSet::open(shape::read_font_lock(ctx.get("fonts", "fonts/fonts.lock"), diags), diags);
    const std::string style_name = ctx.get("style", ctx.get("field") == "headline" ? "headline" : "body");
    if (!diags.has_errors() && !layout.styles.count(style_name)) {
        diags.error("E-DUMP-001", {}, "no style \"" + style_name + "\" in the layouts");
    }
    const auto width = ctx.has("width") ? style::parse_length(ctx.get("width")) : default_width(layout);
    if (!width) {
        ctx.err << "shokuhon compose-dump: --width needs a length with a unit, e.g. 80mm\n";
        return kExitUsage;
    }
    print_all(diags, ctx.err);
    if (diags.has_errors()) return kExitDataErr;
    std::string what;
    const std::string text = paragraph_text(ctx, loaded.book, what);
    if (text.empty()) return kExitDataErr;
    const auto& st = layout.style(style_name);
    const compose::Typesetter ts(fonts, layout, mode == "greedy" ? linebreak::Mode::kGreedy : linebreak::Mode::kOptimal);
    const compose::Composition comp = ts.compose(text, st, *width);
    ctx.out << std::fixed << std::setprecision(2) << "# " << what << ": style " << style_name << " ("
            << st.font << " " << st.size.pt() << "pt), measure " << width->pt() << "pt = " << width->mm()
            << "mm, " << mode << ", kinsoku " << kinsoku_name(st.kinsoku) << (st.hang ? ", hang" : "")
            << (comp.vertical ? ", vertical" : "") << "\n";
    ctx.out << compose::dump_lines(comp, {ctx.has("items")});
    return kExitOk;
}

}  // namespace shokuhon::app
