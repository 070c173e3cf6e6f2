// Sets a chosen line: distributes shrink or stretch by JLREQ stage (jlreq.md §6), places every
// cluster's pen x, and names the adjustment that fired.
#include <algorithm>
#include <limits>

#include "linebreak/detail/model.h"

namespace shokuhon::linebreak::detail {
namespace {

__extension__ typedef __int128 Wide;  // amount × capacity may exceed 63 bits on odd input

// Splits `amount` over the gaps of f in proportion to cap(k) (whose sum is `total`), rounding
// cumulatively so the parts add up exactly and the line ends flush.
template <typename Cap>
void spread(const Fit& f, std::int64_t amount, std::int64_t total, Cap cap,
            std::vector<std::int64_t>& adj) {
    if (amount == 0 || total <= 0) return;
    std::int64_t acc = 0, done = 0;
    for (std::size_t k = f.eb; k < f.el; ++k) {
        const std::int64_t c = cap(k);
        if (c <= 0) continue;
        acc += c;
        const auto cum = static_cast<std::int64_t>(static_cast<Wide>(amount) * acc / total);
        adj[k - f.eb] += cum - done;
        done = cum;
    }
}

// Whatever the stages cannot take stays: the line is overfull (rule_of sees it).
void shrink(const Model& m, const Fit& f, std::int64_t need, std::vector<std::int64_t>& adj,
                    std::int64_t& end_adj) {
    for (std::size_t s = 0; s < kShrinkStages && need > 0; ++s) {
        const std::int64_t take = std::min(need, f.shrink[s]);
        need -= take;
        if (s == kShrinkLineEnd) {  // only the line-end cluster has this stage
            end_adj -= take;
            continue;
        }
        spread(
            f, -take, f.shrink[s], [&](std::size_t k) { return m.gaps[k].shrink[s]; }, adj);
    }
}

void stretch(const Model& m, const Fit& f, std::int64_t need, std::vector<std::int64_t>& adj) {
    for (std::size_t s = 0; s < kStretchStages && need > 0; ++s) {
        const std::int64_t take = std::min(need, f.stretch[s]);
        need -= take;
        spread(
            f, take, f.stretch[s], [&](std::size_t k) { return m.gaps[k].stretch[s]; }, adj);
    }
    if (need == 0) return;
    // Past the limits: widen the Japanese gaps equally (jlreq.md §6, stretch 4); failing those,
    // every gap that stretches at all; failing those, letter-space the line as a last resort.
    const auto japanese = [&](std::size_t k) -> std::int64_t {
        return m.gaps[k].stretch[kStretchJapanese] > 0;
    };
    const auto any = [&](std::size_t k) -> std::int64_t {
        for (const auto v : m.gaps[k].stretch) {
            if (v > 0) return 1;
        }
        return 0;
    };
    if (f.stretch[kStretchJapanese] > 0) {
        std::int64_t count = 0;
        for (std::size_t k = f.eb; k < f.el; ++k) count += japanese(k);
        spread(f, need, count, japanese, adj);
    } else if (f.stretch_gaps > 0) {
        spread(f, need, f.stretch_gaps, any, adj);
    } else {
        // Never inside a URL, e-mail address, handle or phone number (detail/tokens.h): such a
        // line is left short rather than the token altered.
        const auto open = [&](std::size_t k) -> std::int64_t { return m.gaps[k].protect ? 0 : 1; };
        std::int64_t count = 0;
        for (std::size_t k = f.eb; k < f.el; ++k) count += open(k);
        spread(f, need, count, open, adj);
    }
}

Rule rule_of(const Model& m, std::size_t a, const Break& br, const Fit& f, double ratio) {
    const std::int64_t limit = m.params.measure.sp;
    if (!f.empty && f.min_width() > limit) return Rule::kOverfull;
    if (br.hang) return Rule::kHang;
    if (br.end == m.n) return Rule::kLast;
    if (ratio < 0) return Rule::kPushIn;
    // 追い出し: the next cluster would have fitted but may not end the line (or start the next).
    if (extent(m, a, br.end + 1).natural <= limit) return Rule::kPushOut;
    return Rule::kNone;
}

struct Adjustment {
    std::vector<std::int64_t> gaps;  // per gap of the line, added to its natural width
    std::int64_t end = 0;            // added to the line-end aki
    double ratio = 0;
};

// Brings f to the measure: shrink by stage, stretch by stage (or, for the last line and ragged
// lines, only shrink when they overflow).
Adjustment adjust(const Model& m, const Fit& f, bool justify) {
    Adjustment adj;
    if (f.empty) return adj;
    adj.gaps.assign(f.el - f.eb, 0);
    const std::int64_t d = m.params.measure.sp - f.natural;
    if (d < 0) {
        shrink(m, f, -d, adj.gaps, adj.end);
        if (f.total_shrink > 0) {
            adj.ratio =
                std::max(-1.0, static_cast<double>(d) / static_cast<double>(f.total_shrink));
        }
    } else if (d > 0 && justify && f.gaps > 0) {  // one cluster alone has nothing to stretch
        stretch(m, f, d, adj.gaps);
        adj.ratio = f.total_stretch > 0
                        ? static_cast<double>(d) / static_cast<double>(f.total_stretch)
                        : std::numeric_limits<double>::infinity();  // letter-spaced
    }
    return adj;
}

// Pen x of every cluster of the line; returns the set width.
std::int64_t place(const Model& m, std::size_t a, const Break& br, const Fit& f,
                   const Adjustment& adj, std::vector<Length>& x) {
    const std::size_t b = br.end;
    x.assign(b - a, Length{});
    const std::int64_t indent = a == 0 ? m.params.first_indent.sp : 0;
    std::int64_t pos = indent;
    if (!f.empty) {
        const Unit& first = m.units[f.eb];
        pos += a == 0 ? first.lead : first.start_lead;
        for (std::size_t i = a; i < f.eb; ++i) x[i - a] = Length{indent};  // leading spaces
        for (std::size_t i = f.eb; i <= f.el; ++i) {
            // The pen is at the ink start minus the glyph's own blank: a squeezed blank overlaps.
            x[i - a] = Length{pos - m.units[i].lead};
            pos += m.units[i].box;
            if (i < f.el) pos += m.gaps[i].natural + adj.gaps[i - f.eb];
        }
    }
    const std::int64_t ink_end = pos;
    if (!f.empty) pos += m.units[f.el].end_trail + adj.end;
    for (std::size_t i = f.empty ? a : f.el + 1; i < b; ++i) x[i - a] = Length{pos};  // dropped
    if (br.hang) {
        // ぶら下げ: the cl-06 / cl-07 sits just past the set width, outside the measure.
        const std::size_t h = b - 1;
        const std::int64_t gap = !f.empty && h == f.el + 1 ? m.gaps[f.el].natural : 0;
        x[h - a] = Length{ink_end + gap - m.units[h].lead};
    }
    return pos;
}

Line set_line(const Model& m, std::size_t a, const Break& br) {
    const Fit f = measure(m, a, br.hang ? br.end - 1 : br.end);
    // The last line and ragged lines keep natural spacing.
    const bool justify = m.params.align == Align::kJustify && br.end != m.n;
    const Adjustment adj = adjust(m, f, justify);
    Line line;
    line.begin = a;
    line.end = br.end;
    line.width = Length{place(m, a, br, f, adj, line.x)};
    line.natural = Length{f.natural};
    line.ratio = adj.ratio;
    line.rule = rule_of(m, a, br, f, adj.ratio);
    return line;
}

}  // namespace

std::vector<Line> set_lines(const Model& m, std::span<const Break> breaks) {
    std::vector<Line> lines;
    lines.reserve(breaks.size());
    std::size_t a = 0;
    for (const Break& br : breaks) {
        lines.push_back(set_line(m, a, br));
        a = br.end;
    }
    return lines;
}

}  // namespace shokuhon::linebreak::detail
