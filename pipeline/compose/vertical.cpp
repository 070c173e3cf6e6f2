#include "compose/vertical.h"

namespace shokuhon::compose {
namespace {

using shape::Orientation;

struct Column {
    const Composition& comp;
    const linebreak::Line& line;
    Length centre;  // x of the column's centre line
    Length top;     // y of the column's first em box (alignment within the frame)
};

Orientation orientation_of(const Composition& c, std::size_t cluster) {
    return cluster < c.shaped.orientation.size() ? c.shaped.orientation[cluster] : Orientation::kUpright;
}

// Glyphs of clusters [c0, c1), all upright (vertical forms, 縦中横) or all rotated (Latin).
// Upright: HarfBuzz TTB puts the pen on the centre line at the em box's top; a glyph sits at
// x = centre + x_offset, y = pen + y_offset (shape/ has turned HarfBuzz's y-up into y-down).
// Rotated: a horizontal run turned 90° clockwise about its origin, whose baseline lies 0.38 em
// left of the centre line so the em box (0.88 up, 0.12 down) is centred on the column.
GlyphRun column_run(const Column& col, std::size_t c0, std::size_t c1, const style::TextStyle& st,
                    const std::string& colour) {
    const auto& sh = col.comp.shaped;
    const bool rotated = orientation_of(col.comp, c0) == Orientation::kRotated;
    const Length start = col.top + col.line.x[c0 - col.line.begin];
    GlyphRun run;
    run.font = st.font;
    run.size = st.size;
    run.colour = colour;
    run.quarter_turns = rotated ? 1 : 0;
    run.origin = rotated ? Point{col.centre - st.size.scaled(0.38), start} : Point{col.centre, col.top};
    std::size_t g = 0;
    while (g < sh.glyphs.size() && sh.glyphs[g].cluster < c0) ++g;
    for (std::size_t c = c0; c < c1; ++c) {
        const auto& cl = sh.clusters[c];
        ClusterSpan span{cl.text_end - cl.text_begin, 0};
        Length pen = col.line.x[c - col.line.begin] + (rotated ? col.top - start : Length{});
        for (; g < sh.glyphs.size() && sh.glyphs[g].cluster == c; ++g) {
            const auto& gl = sh.glyphs[g];
            if (rotated) run.glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            else run.glyphs.push_back({gl.gid, gl.x_offset, pen + gl.y_offset});
            pen += gl.advance;
            ++span.glyphs;
        }
        run.clusters.push_back(span);
        run.utf8.append(col.comp.text, cl.text_begin, cl.text_end - cl.text_begin);
    }
    // One cluster for the whole stretch: the PDF then carries its text once, as ActualText over
    // all its glyphs, so a reader extracts each column as one line in reading order rather than
    // rows of characters across the columns.
    const auto glyphs = static_cast<std::uint32_t>(run.glyphs.size());
    run.clusters = {ClusterSpan{static_cast<std::uint32_t>(run.utf8.size()), glyphs}};
    return run;
}

bool is_space(const linebreak::Cluster& c) { return c.first_cp == U' ' || c.first_cp == U'\u3000'; }

}  // namespace

TextBlock set_vertical(const Composition& comp, const style::TextStyle& st,
                       const std::string& colour, int max_lines) {
    TextBlock block;
    block.vertical = true;
    std::size_t n = comp.lines.size();
    if (max_lines > 0) n = std::min(n, static_cast<std::size_t>(max_lines));
    block.lines = static_cast<int>(n);
    block.width = st.leading * block.lines;
    for (std::size_t k = 0; k < n; ++k) {
        const auto& line = comp.lines[k];
        Length top;
        if (st.align == style::Align::kCenter) top = (comp.params.measure - line.width) / 2;
        if (st.align == style::Align::kEnd) top = comp.params.measure - line.width;
        const Column col{comp, line, block.width - st.leading * static_cast<std::int64_t>(k) - st.leading / 2, top};
        std::size_t end = line.end;
        while (end > line.begin && is_space(comp.shaped.clusters[end - 1])) --end;
        for (std::size_t c = line.begin; c < end;) {
            std::size_t e = c + 1;
            while (e < end && (orientation_of(comp, e) == Orientation::kRotated) ==
                                  (orientation_of(comp, c) == Orientation::kRotated)) {
                ++e;
            }
            block.runs.push_back(column_run(col, c, e, st, colour));
            c = e;
        }
        block.height = max(block.height, top + line.width);
        if (line.rule == linebreak::Rule::kOverfull) ++block.overfull;
    }
    return block;
}

}  // namespace shokuhon::compose
