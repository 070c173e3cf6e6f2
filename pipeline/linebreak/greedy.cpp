// First-fit line breaking with JLREQ's 追い込み before 追い出し (jlreq.md §6: prefer shrinking).
#include <algorithm>

#include "linebreak/detail/model.h"

namespace shokuhon::linebreak::detail {
namespace {

// Past its stretch limits (or empty): the line would be letter-spaced or left visibly short.
bool too_loose(const Model& m, std::size_t a, std::size_t b) {
    const Extent e = extent(m, a, b);
    return e.empty || e.natural + e.stretch < m.params.measure.sp;
}

std::size_t next_break(const Model& m, std::size_t from, std::uint8_t kind) {
    while (m.legal[from] != kind && from < m.n) ++from;  // legal[n] is always kBreak
    return from;
}

std::size_t prev_break(const Model& m, std::size_t from, std::size_t a, std::uint8_t kind) {
    while (from > a && m.legal[from] != kind) --from;
    return from;
}

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
    if (m.units[c].hangable && m.legal[c + 1] == kBreak && can_hang(m, a, c + 1)) {
        return {c + 1, true};
    }
    // 追い込み: pull the clusters up to the next break in by shrinking, if the stages allow.
    const std::size_t in = next_break(m, c + 1, kBreak);
    if (extent(m, a, in).min_width() <= measure_sp) return {in, false};
    // 追い出し: end at the last allowed break that fits and stretch, unless that leaves the line
    // past its stretch limits and a URL or e-mail address in the way may break (detail/tokens.h).
    const std::size_t out = prev_break(m, c, a, kBreak);
    if (out > a && !too_loose(m, a, out)) return {out, false};
    const std::size_t token = prev_break(m, c, out, kTokenBreak);
    if (token > out) return {token, false};
    if (out > a) return {out, false};
    // Nothing fits before the first break: overfull.
    const std::size_t token_in = next_break(m, c + 1, kTokenBreak);
    return {std::min(in, token_in), false};
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
