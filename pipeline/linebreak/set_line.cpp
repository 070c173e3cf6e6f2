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

// Returns the amount that could not be taken (overfull).
std::int64_t shrink(const Model& m, const Fit& f, std::int64_t need,
                    std::vector<std::int64_t>& adj, std::int64_t& end_adj) {
    for (std::size_t s = 0; s < kShrinkStages && need > 0; ++s) {
        const std::int64_t take = std::min(need, f.shrink[s]);
        need -= take;
        if (s == kShrinkLineEnd) {  // only the line-end cluster has this stage
            end_adj -= take;
            continue;
        }
        spread(f, -take, f.shrink[s], [&](std::size_t k) { return m.gaps[k].shrink[s]; }, adj);
    }
    return need;
}

void stretch(const Model& m, const Fit& f, std::int64_t need, std::vector<std::int64_t>& adj) {
    for (std::size_t s = 0; s < kStretchStages && need > 0; ++s) {
        const std::int64_t take = std::min(need, f.stretch[s]);
        need -= take;
        spread(f, take, f.stretch[s], [&](std::size_t k) { return m.gaps[k].stretch[s]; }, adj);
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
        spread(f, need, f.gaps, [](std::size_t) -> std::int64_t { return 1; }, adj);
    }
}

Rule rule_of(const Model& m, std::size_t a, const Break& br, const Fit& f, double ratio) {
    const std::int64_t limit = m.params.measure.sp;
    if (!f.empty && f.min_width() > limit) return Rule::kOverfull;
    if (br.hang) return Rule::kHang;
    if (br.end == m.n) return Rule::kLast;
    if (ratio < 0) return Rule::kPushIn;
    // 追い出し: the next cluster would have fitted but may not end the line (or start the next).
    if (measure(m, a, br.end + 1).natural <= limit) return Rule::kPushOut;
    return Rule::kNone;
}

Line set_line(const Model& m, std::size_t a, const Break& br) {
    const std::size_t b = br.end, content_end = br.hang ? b - 1 : b;
    const Fit f = measure(m, a, content_end);
    const std::int64_t measure_sp = m.params.measure.sp;
    const bool justify = m.params.align == Align::kJustify && b != m.n;
    std::int64_t d = measure_sp - f.natural;
    if (d > 0 && !justify) d = 0;  // the last line and ragged lines keep natural spacing

    std::vector<std::int64_t> adj(f.empty ? 0 : f.el - f.eb, 0);
    std::int64_t end_adj = 0;
    double ratio = 0;
    if (!f.empty && d < 0) {
        shrink(m, f, -d, adj, end_adj);
        if (f.total_shrink > 0) {
            ratio = std::max(-1.0, static_cast<double>(d) / static_cast<double>(f.total_shrink));
        }
    } else if (!f.empty && d > 0) {
        stretch(m, f, d, adj);
        ratio = f.total_stretch > 0
                    ? static_cast<double>(d) / static_cast<double>(f.total_stretch)
                    : std::numeric_limits<double>::infinity();
        if (f.gaps == 0) ratio = 0;  // one cluster: nothing to stretch, the line stays short
    }

    Line line;
    line.begin = a;
    line.end = b;
    line.x.assign(b - a, Length{});
    const std::int64_t indent = a == 0 ? m.params.first_indent.sp : 0;
    std::int64_t pos = indent;
    if (!f.empty) {
        const Unit& first = m.units[f.eb];
        pos += a == 0 ? first.lead : first.start_lead;
        for (std::size_t i = a; i < f.eb; ++i) line.x[i - a] = Length{indent};  // leading spaces
        for (std::size_t i = f.eb; i <= f.el; ++i) {
            // The pen is at the ink start minus the glyph's own blank: a squeezed blank overlaps.
            line.x[i - a] = Length{pos - m.units[i].lead};
            pos += m.units[i].box;
            if (i < f.el) pos += m.gaps[i].natural + adj[i - f.eb];
        }
    }
    const std::int64_t ink_end = pos;
    if (!f.empty) pos += m.units[f.el].end_trail + end_adj;
    const std::size_t after = f.empty ? a : f.el + 1;
    for (std::size_t i = after; i < b; ++i) line.x[i - a] = Length{pos};  // dropped trailing spaces
    if (br.hang) {
        // ぶら下げ: the cl-06 / cl-07 sits just past the set width, outside the measure.
        const std::size_t h = b - 1;
        const std::int64_t gap = !f.empty && h == f.el + 1 ? m.gaps[f.el].natural : 0;
        line.x[h - a] = Length{ink_end + gap - m.units[h].lead};
    }
    line.natural = Length{f.natural};
    line.width = Length{pos};
    line.ratio = ratio;
    line.rule = rule_of(m, a, br, f, ratio);
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
