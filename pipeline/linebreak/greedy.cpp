// First-fit line breaking with JLREQ's 追い込み before 追い出し (jlreq.md §6: prefer shrinking).
#include "linebreak/detail/model.h"

namespace shokuhon::linebreak::detail {
namespace {

// The line that starts at cluster a.
Break next_line(const Model& m, std::size_t a) {
    const std::int64_t measure_sp = m.params.measure.sp;
    // c: the longest line at natural spacing, wherever it ends. The minimum width only grows
    // with b, so the scan stops once even full shrinking cannot fit.
    std::size_t c = a;
    for (std::size_t b = a + 1; b <= m.n; ++b) {
        const Extent f = extent(m, a, b);
        if (f.natural <= measure_sp) c = b;
        if (f.min_width() > measure_sp) break;
    }
    if (c == m.n) return {m.n, false};
    if (c > a && m.legal[c] && extent(m, a, c).natural == measure_sp) return {c, false};
    // ぶら下げ: a cl-06 / cl-07 that would start the next line hangs instead (jlreq.md §5).
    if (m.units[c].hangable && m.legal[c + 1] && can_hang(m, a, c + 1)) return {c + 1, true};
    // 追い込み: pull the clusters up to the next break in by shrinking, if the stages allow.
    std::size_t in = c + 1;
    while (!m.legal[in]) ++in;  // legal[n] is always set
    if (extent(m, a, in).min_width() <= measure_sp) return {in, false};
    // 追い出し: end at the last allowed break that fits and stretch.
    std::size_t out = c;
    while (out > a && !m.legal[out]) --out;
    if (out > a) return {out, false};
    return {in, false};  // nothing fits before the first break: overfull
}

}  // namespace

std::vector<Break> break_greedy(const Model& m) {
    std::vector<Break> breaks;
    for (std::size_t a = 0; a < m.n;) {
        const Break br = next_line(m, a);
        breaks.push_back(br);
        a = br.end;
    }
    return breaks;
}

}  // namespace shokuhon::linebreak::detail
