// linebreak/detail: the paragraph as boxes and gaps (private to linebreak/).
// Every cluster's ink body is a box; every gap between neighbours carries its natural width and
// how much it may shrink or stretch at each JLREQ adjustment stage (jlreq.md §6), and whether a
// line may break there. greedy.cpp and optimal.cpp choose breaks on this model; set_line.cpp
// turns a break into pen positions. Integers (sp) throughout; double only for costs and ratios.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "linebreak/break.h"

namespace shokuhon::linebreak::detail {

// Shrink stages, in the order they are used; each is exhausted before the next (jlreq.md §6,
// JLREQ's own method, Table 3).
inline constexpr std::size_t kShrinkWordSpace = 0;  // cl-26 ⅓ → ¼ em (¾ of its advance)
inline constexpr std::size_t kShrinkLineEnd = 1;    // ½ em after a line-end cl-06, ¼ after cl-05
inline constexpr std::size_t kShrinkMiddleDot = 2;  // ¼ em around a mid-line cl-05 → 0
inline constexpr std::size_t kShrinkBracket = 3;    // ½ em before cl-01, after cl-02 / cl-07 → 0
inline constexpr std::size_t kShrinkJaWestern = 4;  // ¼ em Japanese–Western → ⅛ em
inline constexpr std::size_t kShrinkStages = 5;
// Stretch stages (JIS X 4051 order, jlreq.md §6). Past their limits, every gap that can stretch
// at all is widened equally; a line with no such gap is letter-spaced as a last resort.
inline constexpr std::size_t kStretchWordSpace = 0;  // cl-26 up to ½ em (1½ × its advance)
inline constexpr std::size_t kStretchJaWestern = 1;  // Japanese–Western ¼ → ½ em
inline constexpr std::size_t kStretchJapanese = 2;   // other gaps between Japanese, ¼ em each
inline constexpr std::size_t kStretchStages = 3;

using Shrinks = std::array<std::int64_t, kShrinkStages>;
using Stretches = std::array<std::int64_t, kStretchStages>;

struct Unit {
    JisClass cls = JisClass::kIdeographic;
    bool space = false;           // cl-26 (or U+3000 after cl-04): dropped at line edges
    bool hangable = false;        // cl-06 / cl-07 (ぶら下げ, jlreq.md §5)
    std::int64_t lead = 0;        // blank inside the advance, before the ink (cl-01, cl-05)
    std::int64_t box = 0;         // advance minus both blanks: the ink body
    std::int64_t start_lead = 0;  // lead when the cluster starts a continuation line
    std::int64_t end_trail = 0;   // trailing aki when the cluster ends a line
    std::int64_t end_shrink = 0;  // of which may be removed (kShrinkLineEnd)
};

// From the ink end of cluster i to the ink start of cluster i + 1, mid-line.
struct Gap {
    std::int64_t natural = 0;
    Shrinks shrink{};
    Stretches stretch{};
    bool sentence = false;  // the one em after a mid-paragraph ？！ (added glue, no character)
    bool protect = false;   // inside a URL, e-mail address, handle or phone number: never spaced
};

// legal[b]: may a line end after cluster b - 1?
inline constexpr std::uint8_t kNoBreak = 0;
inline constexpr std::uint8_t kBreak = 1;
inline constexpr std::uint8_t kTokenBreak = 2;  // inside a URL / e-mail address: a last resort

// Prefix sums over clusters [0, i): box + gap natural, gap shrink / stretch, counts.
struct Sums {
    std::int64_t natural = 0;
    Shrinks shrink{};
    Stretches stretch{};
    std::int64_t shrink_total = 0, stretch_total = 0;  // over all stages
    std::int64_t stretch_gaps = 0;                     // gaps with any stretch
    std::int64_t ink = 0;                              // clusters that are not spaces
    std::int64_t open = 0;                             // gaps not inside a protected token
};

struct Model {
    BreakParams params;
    std::size_t n = 0;
    std::vector<Unit> units;
    std::vector<Gap> gaps;              // gaps[i]: after cluster i (gaps[n - 1] is empty)
    std::vector<std::uint8_t> legal;    // legal[b]: kNoBreak, kBreak or kTokenBreak
    std::vector<BreakWhy> why;          // why[b]: the reason behind legal[b] (for dumps)
    std::vector<Sums> sums;             // n + 1 entries
    std::vector<std::size_t> next_ink;  // first non-space cluster ≥ i (n if none), n + 1 entries
    std::vector<std::size_t> prev_ink;  // last non-space cluster < i, plus 1 (0 if none)
};

Model build_model(std::span<const Cluster> clusters, const BreakParams& params);

// The line made of clusters [a, b); a == 0 is the paragraph's first line (indent, kept lead).
struct Fit {
    std::size_t eb = 0, el = 0;  // first and last ink cluster; empty when eb > el
    bool empty = true;
    std::int64_t natural = 0;  // from the line start (incl. indent) to the end of the line
    Shrinks shrink{};
    Stretches stretch{};
    std::int64_t total_shrink = 0, total_stretch = 0;
    std::int64_t stretch_gaps = 0, gaps = 0;
    std::int64_t min_width() const { return natural - total_shrink; }
};
Fit measure(const Model& m, std::size_t a, std::size_t b);

// The totals of measure() only, for the search loops (greedy.cpp, optimal.cpp).
struct Extent {
    std::size_t el = 0;  // last ink cluster
    bool empty = true;
    std::int64_t natural = 0, shrink = 0, stretch = 0, ink = 0;
    std::int64_t open = 0;  // gaps that may be letter-spaced as a last resort
    std::int64_t min_width() const { return natural - shrink; }
};
inline Extent extent(const Model& m, std::size_t a, std::size_t b) {
    Extent e;
    e.natural = a == 0 ? m.params.first_indent.sp : 0;
    const std::size_t eb = m.next_ink[a], end = m.prev_ink[b];
    if (eb >= end) return e;
    e.el = end - 1;
    e.empty = false;
    const Unit &first = m.units[eb], &last = m.units[e.el];
    const Sums &s0 = m.sums[eb], &s1 = m.sums[e.el];
    e.natural += (a == 0 ? first.lead : first.start_lead) + (s1.natural - s0.natural) + last.box +
                 last.end_trail;
    e.shrink = s1.shrink_total - s0.shrink_total + last.end_shrink;
    e.stretch = s1.stretch_total - s0.stretch_total;
    e.ink = m.sums[e.el + 1].ink - s0.ink;
    e.open = s1.open - s0.open;
    return e;
}

// A line may end with a hanging cl-06 / cl-07 set past the measure.
inline bool can_hang(const Model& m, std::size_t a, std::size_t b) {
    if (!m.params.hang_punctuation || b < 1 || b - 1 <= a) return false;
    const Unit& u = m.units[b - 1];
    return u.hangable && !u.space && m.next_ink[a] < m.prev_ink[b - 1];
}

// Knuth–Plass badness of setting e at the measure: 100 r³ (TeX). Shrinking is capped at 10000
// (TeX's inf_bad) and more when even full shrinking overflows. Deviation from TeX: stretching
// past the JLREQ stages is not capped at 10000 but keeps growing (to 10⁶), so that when every
// choice is bad (a second pass) a line stretched twice as far still costs more. A line that
// could only be letter-spaced (nothing in it may stretch, JLREQ: a last resort) costs 10⁶; a
// line of a URL or e-mail address alone, left short rather than altered, and ragged
// (start-aligned) lines are rated by how short they are: half empty rates as r = 1.
inline double badness(const Extent& e, const Model& m, bool last_line) {
    constexpr double kInfBad = 10000, kMaxBad = 1e6;
    const std::int64_t measure = m.params.measure.sp;
    const std::int64_t d = measure - e.natural;
    if (e.empty || d == 0 || (d > 0 && last_line)) return 0;
    if (d < 0) {
        if (-d > e.shrink) return kInfBad + 1;
        const double r = static_cast<double>(-d) / static_cast<double>(e.shrink);
        return std::min(kInfBad, 100 * r * r * r);
    }
    const auto dd = static_cast<double>(d);
    const double short_r = 2 * dd / static_cast<double>(std::max<std::int64_t>(1, measure));
    double r = 0;
    if (m.params.align == Align::kStart) r = short_r;
    else if (e.stretch > 0) r = dd / static_cast<double>(e.stretch);
    else if (e.ink > 1 && e.open == 0) r = short_r;
    else return kMaxBad;
    return std::min(kMaxBad, 100 * r * r * r);
}

struct Break {
    std::size_t end = 0;  // the line is [previous end, end)
    bool hang = false;
};
std::vector<Break> break_greedy(const Model& m);
std::vector<Break> break_optimal(const Model& m);
std::vector<Line> set_lines(const Model& m, std::span<const Break> breaks);

}  // namespace shokuhon::linebreak::detail
