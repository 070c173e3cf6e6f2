// Ruby complexes (JLREQ 3.3): width, base spacing, ruby spacing and overhang.
#include <algorithm>

#include "compose/ruby.h"

namespace shokuhon::compose {
namespace {

using shape::Shaped;

// The ruby of one complex, shaped at half size; `offsets` per reading place it (x from the
// complex's start), `spread` adds space between its characters (group ruby, 1:2:1).
struct Reading {
    Shaped shaped;
    Length width;
};

Reading shape_reading(const shape::Font& font, Length size, const std::string& text) {
    Reading r{shape::shape(font, size, text), {}};
    for (const auto& c : r.shaped.clusters) r.width += c.advance;
    return r;
}

// Appends a reading to the run at x, with `gap` before each of its n characters' halves
// (JLREQ 3.3.6: spread 1:2:1, half a gap at each end).
void place_reading(const Reading& r, const std::string& text, Length x, Length gap, RubyRun& run) {
    const auto& cl = r.shaped.clusters;
    std::size_t g = 0;
    Length pen = x + gap / 2;
    for (std::size_t c = 0; c < cl.size(); ++c) {
        ClusterSpan span{cl[c].text_end - cl[c].text_begin, 0};
        for (; g < r.shaped.glyphs.size() && r.shaped.glyphs[g].cluster == c; ++g) {
            const auto& gl = r.shaped.glyphs[g];
            run.glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            pen += gl.advance;
            ++span.glyphs;
        }
        pen += gap;
        run.clusters.push_back(span);
    }
    run.utf8 += text;
}

struct Complex {
    std::vector<Length> base_x;  // where each base cluster starts, from the complex's start
    Length width, before, after;  // width; ruby past the base's first and last ink
};

// Mono-ruby: each base character with its own reading, centred on each other (JLREQ 3.3.5).
Complex layout_mono(const std::vector<Length>& base, const std::vector<Reading>& rd,
                    const RubyMark& m, RubyRun& run) {
    Complex cx;
    for (std::size_t i = 0; i < base.size(); ++i) {
        const Length cell = max(base[i], rd[i].width);
        cx.base_x.push_back(cx.width + (cell - base[i]) / 2);
        place_reading(rd[i], m.readings[i], cx.width + (cell - rd[i].width) / 2, {}, run);
        cx.width += cell;
    }
    cx.before = max(Length{}, (rd.front().width - base.front()) / 2);
    cx.after = max(Length{}, (rd.back().width - base.back()) / 2);
    return cx;
}

// Group-ruby over the whole base (JLREQ 3.3.6): the shorter of the two is spread 1:2:1. A
// jukugo (mono readings set together) keeps its base solid and centred instead: the ruby
// reaches past it on both sides, onto kana where the breaker lets it (JLREQ 3.3.7).
Complex layout_group(const std::vector<Length>& base, const Reading& rd, const RubyMark& m,
                     bool jukugo, RubyRun& run) {
    Complex cx;
    Length b;
    for (const Length w : base) b += w;
    const auto n_ruby = static_cast<std::int64_t>(std::max<std::size_t>(1, rd.shaped.clusters.size()));
    const auto n_base = static_cast<std::int64_t>(base.size());
    const Length excess = max(Length{}, rd.width - b);
    const Length ruby_gap = b > rd.width ? (b - rd.width) / n_ruby : Length{};
    const Length base_gap = jukugo ? Length{} : excess / n_base;
    Length x = jukugo ? excess / 2 : base_gap / 2;
    for (const Length w : base) {
        cx.base_x.push_back(x);
        x += w + base_gap;
    }
    place_reading(rd, m.readings.front(), {}, ruby_gap, run);
    cx.width = max(b, rd.width);
    cx.before = cx.after = jukugo ? excess / 2 : base_gap / 2;
    return cx;
}

}  // namespace

namespace {

// The glyph range of every cluster (glyphs come in cluster order in horizontal text).
std::vector<std::size_t> glyph_starts(const Shaped& s) {
    std::vector<std::size_t> start(s.clusters.size() + 1, s.glyphs.size());
    for (std::size_t g = s.glyphs.size(); g-- > 0;) start[s.glyphs[g].cluster] = g;
    for (std::size_t c = s.clusters.size(); c-- > 0;) start[c] = std::min(start[c], start[c + 1]);
    return start;
}

// Copies clusters [c0, c1) of `in` into `out` as one ruby complex.
void merge_complex(const Shaped& in, const std::vector<std::size_t>& gs, std::size_t c0,
                   std::size_t c1, const Complex& cx, Length ruby_size, Shaped& out) {
    linebreak::Cluster merged = in.clusters[c0];
    merged.text_end = in.clusters[c1 - 1].text_end;
    merged.last_cp = in.clusters[c1 - 1].last_cp;
    merged.advance = cx.width;
    merged.kind = linebreak::ClusterKind::kRuby;
    // JLREQ 3.3.5: the ruby may overhang kana beside it by up to half a ruby character.
    merged.overhang_before = min(cx.before, ruby_size / 2);
    merged.overhang_after = min(cx.after, ruby_size / 2);
    const auto index = static_cast<std::uint32_t>(out.clusters.size());
    out.clusters.push_back(merged);
    Length solid;  // where make_run would put the glyph: the advances before it
    for (std::size_t c = c0; c < c1; ++c) {
        const Length shift = cx.base_x[c - c0] - solid;
        for (std::size_t g = gs[c]; g < gs[c + 1]; ++g) {
            shape::Glyph gl = in.glyphs[g];
            gl.cluster = index;
            gl.x_offset += shift;
            solid += gl.advance;
            out.glyphs.push_back(gl);
        }
    }
    // The complex's advance is carried by its glyphs in sum (make_run adds them up).
    if (!out.glyphs.empty()) out.glyphs.back().advance += cx.width - solid;
}

void copy_cluster(const Shaped& in, const std::vector<std::size_t>& gs, std::size_t c, Shaped& out) {
    const auto index = static_cast<std::uint32_t>(out.clusters.size());
    out.clusters.push_back(in.clusters[c]);
    for (std::size_t g = gs[c]; g < gs[c + 1]; ++g) {
        out.glyphs.push_back(in.glyphs[g]);
        out.glyphs.back().cluster = index;
    }
}

}  // namespace

namespace {

// Lays out one complex over base clusters of the given advances; fills `run` with its ruby.
Complex layout_complex(const std::vector<Length>& base, const RubyMark& mark, const shape::Font& font,
                       Length rsize, RubyRun& run) {
    std::vector<Reading> rd;
    for (const auto& r : mark.readings) rd.push_back(shape_reading(font, rsize, r));
    // Jukugo-ruby (JLREQ 3.3.7), simplified: each reading over its own character while all
    // fit; if one is longer, the word's readings are set together, like group ruby, so that
    // no gap opens inside the word.
    bool mono = mark.mono && mark.readings.size() == base.size();
    for (std::size_t k = 0; mono && k < base.size(); ++k) mono = rd[k].width <= base[k];
    if (mono) return layout_mono(base, rd, mark, run);
    RubyMark group = mark;
    if (mark.readings.size() > 1) {
        group.readings = {std::string()};
        for (const auto& r : mark.readings) group.readings[0] += r;
        rd = {shape_reading(font, rsize, group.readings[0])};
    }
    return layout_group(base, rd[0], group, mark.mono, run);
}

}  // namespace

std::vector<RubyRun> attach_ruby(Shaped& shaped, const std::vector<RubyMark>& marks,
                                 const shape::Font& font, Length size) {
    std::vector<RubyRun> runs;
    if (marks.empty()) return runs;
    const Length rsize = size / 2;  // JLREQ 3.3.2: ruby at half the base size
    const std::vector<std::size_t> gs = glyph_starts(shaped);
    Shaped out;
    std::size_t m = 0;
    const std::size_t n = shaped.clusters.size();
    for (std::size_t c = 0; c < n;) {
        while (m < marks.size() && marks[m].end <= shaped.clusters[c].text_begin) ++m;
        if (m == marks.size() || shaped.clusters[c].text_begin < marks[m].begin) {
            copy_cluster(shaped, gs, c++, out);
            continue;
        }
        std::size_t c1 = c;
        while (c1 < n && shaped.clusters[c1].text_begin < marks[m].end) ++c1;
        std::vector<Length> base;
        for (std::size_t k = c; k < c1; ++k) base.push_back(shaped.clusters[k].advance);
        RubyRun run;
        run.cluster = out.clusters.size();
        run.size = rsize;
        const Complex cx = layout_complex(base, marks[m], font, rsize, run);
        merge_complex(shaped, gs, c, c1, cx, rsize, out);
        runs.push_back(std::move(run));
        c = c1;
        ++m;
    }
    shaped = std::move(out);
    return runs;
}

}  // namespace shokuhon::compose
