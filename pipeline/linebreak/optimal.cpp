// Knuth–Plass over the whole paragraph, on the JLREQ box/gap model (jlreq.md §6). Demerits as in
// TeX (line penalty, badness, fitness classes, adjacent-class demerits), plus costs for a last
// line of fewer than three clusters and for consecutive lines ending in punctuation.
// An active break is dropped as soon as the line from it is overfull even fully shrunk: the
// minimum width only grows along the paragraph, so the active list spans at most one line.
// As in TeX, a first pass considers only lines within a tolerance, which keeps the active list
// to a few breaks near each line end; only if it cannot finish does a second pass accept any
// underfull line, and, where even that fails, an overfull one.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "linebreak/detail/model.h"

namespace shokuhon::linebreak::detail {
namespace {

constexpr double kLinePenalty = 10;           // TeX \linepenalty
constexpr double kAdjDemerits = 10000;        // TeX \adjdemerits
constexpr double kPunctDemerits = 2000;       // two lines in a row ending in 」。、
constexpr double kShortLastDemerits = 50000;  // a last line of one or two clusters
constexpr std::int64_t kShortLast = 3;
constexpr double kHangPenalty = 5;          // an exact fit without hanging wins ties
// A break inside a URL or e-mail address (after / or before ., detail/tokens.h): like TeX's
// \hyphenpenalty, but dearer, so it is taken only to spare a very loose line.
constexpr double kTokenBreakPenalty = 150;
constexpr double kOverfullDemerits = 1e10;  // the way out when nothing fits
constexpr double kTolerance = 200;  // first pass (TeX \tolerance): stretch ratio up to ≈ 1.26
// Deviation from TeX: shrinking costs a tenth of the badness of stretching by the same ratio,
// because JLREQ prefers 追い込み to 追い出し (jlreq.md §6): a line squeezed to its limit costs
// about as much as one stretched to half its limit.
constexpr double kShrinkWeight = 0.1;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct Node {
    std::size_t pos = 0;
    std::size_t prev = kNone;
    double total = 0;
    int fitness = 2;  // 0 very loose, 1 loose, 2 decent, 3 tight (TeX)
    bool punct = false;
    bool hang = false;
};

struct Candidate {
    double total = std::numeric_limits<double>::infinity();
    std::size_t from = kNone;
    bool hang = false;
};

// What a line costs by itself; the part that depends on the line before is added per node.
struct LineCost {
    double demerits = 0;
    int fitness = 2;
    bool punct = false, hang = false, last = false;
};

int fitness_class(const Extent& f, std::int64_t measure, double bad) {
    if (f.natural < measure) return bad > 99 ? 0 : bad > 12 ? 1 : 2;
    if (f.natural > measure) return bad > 12 ? 3 : 2;
    return 2;
}

bool ends_in_punct(const Model& m, const Extent& f) {
    if (f.empty) return false;
    const JisClass c = m.units[f.el].cls;
    return c == JisClass::kClosingBracket || c == JisClass::kFullStop || c == JisClass::kComma;
}

class Breaker {
public:
    Breaker(const Model& m, double tolerance)
        : m_(m), measure_(m.params.measure.sp), tolerance_(tolerance) {}
    // Empty if a first pass could not reach the paragraph end.
    std::vector<Break> run();

private:
    bool line_cost(const Extent& f, bool hang, bool last, bool token, LineCost& out) const;
    void consider(std::size_t from, const LineCost& c);
    void try_line(std::size_t k, std::size_t e, const Extent& f, bool hang, bool last,
                  bool token = false);
    bool commit(std::size_t b, bool last, std::size_t fallback);

    const Model& m_;
    std::int64_t measure_;
    double tolerance_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> active_, next_active_;  // sorted by position
    std::array<Candidate, 8> best_;                  // per fitness class × ends in punctuation
};

// False when the line is beyond this pass's tolerance.
bool Breaker::line_cost(const Extent& f, bool hang, bool last, bool token, LineCost& out) const {
    const double bad = badness(f, m_, last);
    if (bad > tolerance_) return false;
    const double cost = f.natural > measure_ ? bad * kShrinkWeight : bad;
    out = {(kLinePenalty + cost) * (kLinePenalty + cost), 2, false, hang, last};
    if (last) {
        if (f.ink + (hang ? 1 : 0) < kShortLast) out.demerits += kShortLastDemerits;
        return true;
    }
    out.fitness = fitness_class(f, measure_, bad);
    out.punct = hang || ends_in_punct(m_, f);
    if (hang) out.demerits += kHangPenalty * kHangPenalty;
    if (token) out.demerits += kTokenBreakPenalty * kTokenBreakPenalty;
    return true;
}

void Breaker::consider(std::size_t from, const LineCost& c) {
    const Node& a = nodes_[from];
    double d = c.demerits;
    if (!c.last && std::abs(c.fitness - a.fitness) > 1) d += kAdjDemerits;
    if (c.punct && a.punct) d += kPunctDemerits;
    Candidate& best = best_[static_cast<std::size_t>(c.fitness * 2 + (c.punct ? 1 : 0))];
    const double total = a.total + d;
    if (total < best.total) best = {total, from, c.hang};
}

// The line f from the active nodes [k, e), which all sit at the same position.
void Breaker::try_line(std::size_t k, std::size_t e, const Extent& f, bool hang, bool last,
                       bool token) {
    LineCost c;
    if (!line_cost(f, hang, last, token, c)) return;
    for (std::size_t i = k; i < e; ++i) consider(active_[i], c);
}

// Turns the best candidates at break b into active nodes (TeX: those within \adjdemerits of the
// best). If every active node died here without a feasible line, the latest one breaks at b
// overfull, so a token longer than the measure stands on its own line.
bool Breaker::commit(std::size_t b, bool last, std::size_t fallback) {
    double min_total = std::numeric_limits<double>::infinity();
    for (const Candidate& c : best_) min_total = std::min(min_total, c.total);
    if (min_total == std::numeric_limits<double>::infinity()) {
        if (!active_.empty()) return true;
        if (std::isfinite(tolerance_) || fallback == kNone) return false;  // first pass failed
        nodes_.push_back(
            {b, fallback, nodes_[fallback].total + kOverfullDemerits, 2, false, false});
        active_.push_back(nodes_.size() - 1);
        return true;
    }
    const double limit = last ? min_total : min_total + kAdjDemerits;
    for (std::size_t k = 0; k < best_.size(); ++k) {
        const Candidate& c = best_[k];
        if (c.from == kNone || c.total > limit) continue;
        nodes_.push_back({b, c.from, c.total, static_cast<int>(k / 2), (k % 2) == 1, c.hang});
        active_.push_back(nodes_.size() - 1);
        if (last) break;
    }
    return true;
}

std::vector<Break> Breaker::run() {
    nodes_.push_back({});
    active_.push_back(0);
    for (std::size_t b = 1; b <= m_.n; ++b) {
        if (!m_.legal[b]) continue;
        const bool last = b == m_.n;
        best_.fill({});
        next_active_.clear();
        std::size_t fallback = kNone;
        // Nodes at one position share the line to b: measure and rate it once.
        for (std::size_t k = 0, e = 0; k < active_.size(); k = e) {
            const std::size_t a = nodes_[active_[k]].pos;
            for (e = k + 1; e < active_.size() && nodes_[active_[e]].pos == a;) ++e;
            const Extent f = extent(m_, a, b);
            if (f.min_width() <= measure_) {
                try_line(k, e, f, false, last, m_.legal[b] == kTokenBreak);
                next_active_.insert(next_active_.end(), active_.begin() + static_cast<long>(k),
                                    active_.begin() + static_cast<long>(e));
            } else {
                fallback = active_[e - 1];  // the latest position that died here
            }
            if (m_.legal[b] == kBreak && can_hang(m_, a, b)) {
                const Extent h = extent(m_, a, b - 1);
                if (h.min_width() <= measure_) try_line(k, e, h, true, last);
            }
        }
        active_.swap(next_active_);
        if (!commit(b, last, fallback)) return {};
    }
    // The best node at the paragraph end (commit keeps one; an overfull fallback is the other).
    std::size_t end = kNone;
    for (const std::size_t id : active_) {
        if (nodes_[id].pos == m_.n && (end == kNone || nodes_[id].total < nodes_[end].total))
            end = id;
    }
    std::vector<Break> breaks;
    for (std::size_t id = end; id != kNone && nodes_[id].pos > 0; id = nodes_[id].prev) {
        breaks.push_back({nodes_[id].pos, nodes_[id].hang});
    }
    return {breaks.rbegin(), breaks.rend()};
}

}  // namespace

std::vector<Break> break_optimal(const Model& m) {
    std::vector<Break> breaks = Breaker(m, kTolerance).run();
    if (breaks.empty()) breaks = Breaker(m, std::numeric_limits<double>::infinity()).run();
    if (breaks.empty() || breaks.back().end != m.n) return break_greedy(m);  // cannot happen
    return breaks;
}

}  // namespace shokuhon::linebreak::detail
