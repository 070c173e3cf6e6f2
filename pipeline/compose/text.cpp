#include "compose/text.h"

#include <stdexcept>

#include "shape/shape.h"

namespace shokuhon::compose {
namespace {

// The guidebook's house rule, as printers use the word "strict" (and ICU's lb=strict): small
// kana, ー and 々 never start a line either; that is JLREQ's "very strict" level.
constexpr auto kStrictness = linebreak::Strictness::kVeryStrict;

linebreak::Align to_break_align(style::Align a) {
    return a == style::Align::kJustify ? linebreak::Align::kJustify : linebreak::Align::kStart;
}

// Builds the glyph run of one broken line: glyphs at the breaker's cluster positions.
GlyphRun make_run(std::string_view text, const shape::Shaped& shaped, const linebreak::Line& line,
                  std::size_t glyph_begin, std::size_t glyph_end, Length x0) {
    GlyphRun run;
    const auto& cl = shaped.clusters;
    std::size_t g = glyph_begin;
    for (std::size_t c = line.begin; c < line.end; ++c) {
        ClusterSpan span{cl[c].text_end - cl[c].text_begin, 0};
        Length pen = x0 + line.x[c - line.begin];
        for (; g < glyph_end && shaped.glyphs[g].cluster == c; ++g) {
            const auto& gl = shaped.glyphs[g];
            run.glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            pen += gl.advance;
            ++span.glyphs;
        }
        run.clusters.push_back(span);
    }
    if (line.begin < line.end) {
        const auto b = cl[line.begin].text_begin;
        run.utf8 = std::string(text.substr(b, cl[line.end - 1].text_end - b));
    }
    return run;
}

bool is_space_cluster(const linebreak::Cluster& c) {
    return c.first_cp == U' ' || c.first_cp == U'\u3000';
}

}  // namespace

const shape::Font& Typesetter::font_for(const style::TextStyle& st) const {
    const shape::Font* f = fonts_.find(st.font);
    if (!f) throw std::logic_error("style " + st.name + " uses unknown font role " + st.font);
    return *f;
}

Length Typesetter::baseline_offset(const style::TextStyle& st) {
    // The em box (0.88 em above the baseline for CJK fonts) centred in the line feed.
    return (st.leading - st.size) / 2 + st.size.scaled(0.88);
}

TextBlock Typesetter::paragraph(std::string_view text, const style::TextStyle& st, Length width,
                                const TextOptions& opt) const {
    TextBlock block;
    if (text.empty()) return block;
    const shape::Font& font = font_for(st);
    const shape::Shaped shaped = shape::shape(font, st.size, text, st.features);
    linebreak::BreakParams bp;
    bp.measure = width;
    bp.em = st.size;
    bp.first_indent = opt.no_indent ? Length{} : st.indent;
    bp.mode = mode_;
    bp.align = to_break_align(st.align);
    bp.strictness = kStrictness;
    const auto lines = linebreak::break_paragraph(shaped.clusters, bp);

    const Length base = baseline_offset(st);
    const std::string colour = opt.colour.empty() ? st.colour : opt.colour;
    std::size_t g = 0;
    int n = 0;
    for (const auto& line : lines) {
        if (opt.max_lines > 0 && n >= opt.max_lines) break;
        // Glyphs of this line: skip those of earlier clusters (dropped spaces at breaks).
        while (g < shaped.glyphs.size() && shaped.glyphs[g].cluster < line.begin) ++g;
        std::size_t g_end = g;
        while (g_end < shaped.glyphs.size() && shaped.glyphs[g_end].cluster < line.end) ++g_end;
        std::size_t end = line.end;
        // A space left at a line end is not drawn (it would only shift extracted text).
        while (end > line.begin && is_space_cluster(shaped.clusters[end - 1])) --end;
        linebreak::Line trimmed = line;
        trimmed.end = end;
        trimmed.x.resize(end - line.begin);
        Length x0;
        if (st.align == style::Align::kCenter) x0 = (width - line.width) / 2;
        if (st.align == style::Align::kEnd) x0 = width - line.width;
        GlyphRun run = make_run(text, shaped, trimmed, g, g_end, x0);
        run.font = st.font;
        run.size = st.size;
        run.colour = colour;
        run.origin = {Length{}, base + st.leading * n};
        block.width = max(block.width, line.width);
        block.runs.push_back(std::move(run));
        g = g_end;
        ++n;
    }
    block.lines = n;
    block.height = st.leading * n;
    return block;
}

int Typesetter::count_lines(std::string_view text, const style::TextStyle& st, Length width) const {
    if (text.empty()) return 0;
    const shape::Shaped shaped = shape::shape(font_for(st), st.size, text, st.features);
    linebreak::BreakParams bp;
    bp.measure = width;
    bp.em = st.size;
    bp.first_indent = st.indent;
    bp.mode = mode_;
    bp.align = to_break_align(st.align);
    bp.strictness = kStrictness;
    return static_cast<int>(linebreak::break_paragraph(shaped.clusters, bp).size());
}

GlyphRun Typesetter::line(std::string_view text, const style::TextStyle& st, Point origin,
                          const std::string& colour) const {
    const shape::Shaped shaped = shape::shape(font_for(st), st.size, text, st.features);
    GlyphRun run;
    run.font = st.font;
    run.size = st.size;
    run.colour = colour.empty() ? st.colour : colour;
    run.origin = origin;
    run.utf8 = std::string(text);
    Length pen;
    std::size_t g = 0;
    for (std::size_t c = 0; c < shaped.clusters.size(); ++c) {
        const auto& cl = shaped.clusters[c];
        ClusterSpan span{cl.text_end - cl.text_begin, 0};
        for (; g < shaped.glyphs.size() && shaped.glyphs[g].cluster == c; ++g) {
            const auto& gl = shaped.glyphs[g];
            run.glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            pen += gl.advance + st.tracking;
            ++span.glyphs;
        }
        run.clusters.push_back(span);
    }
    return run;
}

Length Typesetter::width(std::string_view text, const style::TextStyle& st) const {
    const shape::Shaped shaped = shape::shape(font_for(st), st.size, text, st.features);
    Length w;
    for (const auto& g : shaped.glyphs) w += g.advance + st.tracking;
    return w;
}

}  // namespace shokuhon::compose
