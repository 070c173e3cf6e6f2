// Knuth–Plass over the whole paragraph, on the JLREQ box/gap model (jlreq.md §6). Demerits as in
// TeX (line penalty, badness, fitness classes, adjacent-class demerits), plus costs for a last
// line of fewer than three clusters and for consecutive lines ending in punctuation.
// An active break is dropped as soon as the line from it is overfull even fully shrunk: the
// minimum width only grows along the paragraph, so the active list spans at most one line.
#include <array>
#include <cstdlib>
#include <limits>

#include "linebreak/detail/model.h"

namespace shokuhon::linebreak::detail {
namespace {

constexpr double kLinePenalty = 10;             // TeX \linepenalty
constexpr double kAdjDemerits = 10000;          // TeX \adjdemerits
constexpr double kPunctDemerits = 2000;         // two lines in a row ending in 」。、
constexpr double kShortLastDemerits = 50000;    // a last line of one or two clusters
constexpr std::int64_t kShortLast = 3;
constexpr double kHangPenalty = 30;             // hang only when it helps
constexpr double kOverfullDemerits = 1e10;      // the way out when nothing fits
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

int fitness_class(const Fit& f, std::int64_t measure, double bad) {
    if (f.natural < measure) return bad > 99 ? 0 : bad > 12 ? 1 : 2;
    if (f.natural > measure) return bad > 12 ? 3 : 2;
    return 2;
}

bool ends_in_punct(const Model& m, const Fit& f) {
    if (f.empty) return false;
    const JisClass c = m.units[f.el].cls;
    return c == JisClass::kClosingBracket || c == JisClass::kFullStop || c == JisClass::kComma;
}

class Breaker {
public:
    explicit Breaker(const Model& m) : m_(m), measure_(m.params.measure.sp) {}
    std::vector<Break> run();

private:
    void consider(std::size_t from, const Fit& f, bool hang, bool last);
    void commit(std::size_t b, bool last, std::size_t fallback);

    const Model& m_;
    std::int64_t measure_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> active_, next_active_;
    std::array<Candidate, 8> best_;  // per fitness class × ends in punctuation
};

void Breaker::consider(std::size_t from, const Fit& f, bool hang, bool last) {
    const Node& a = nodes_[from];
    const double bad = badness(f, measure_, last);
    double d = (kLinePenalty + bad) * (kLinePenalty + bad);
    int fit = 2;
    bool punct = false;
    if (last) {
        if (f.ink + (hang ? 1 : 0) < kShortLast) d += kShortLastDemerits;
    } else {
        fit = fitness_class(f, measure_, bad);
        punct = hang || ends_in_punct(m_, f);
        if (hang) d += kHangPenalty * kHangPenalty;
        if (std::abs(fit - a.fitness) > 1) d += kAdjDemerits;
        if (punct && a.punct) d += kPunctDemerits;
    }
    Candidate& c = best_[static_cast<std::size_t>(fit * 2 + (punct ? 1 : 0))];
    const double total = a.total + d;
    if (total < c.total) c = {total, from, hang};
}

// Turns the best candidates at break b into active nodes (TeX: those within \adjdemerits of the
// best). If every active node died here without a feasible line, the latest one breaks at b
// overfull, so a token longer than the measure stands on its own line.
void Breaker::commit(std::size_t b, bool last, std::size_t fallback) {
    double min_total = std::numeric_limits<double>::infinity();
    for (const Candidate& c : best_) min_total = std::min(min_total, c.total);
    if (min_total == std::numeric_limits<double>::infinity()) {
        if (active_.empty() && fallback != kNone) {
            nodes_.push_back({b, fallback, nodes_[fallback].total + kOverfullDemerits, 2, false, false});
            active_.push_back(nodes_.size() - 1);
        }
        return;
    }
    const double limit = last ? min_total : min_total + kAdjDemerits;
    for (std::size_t k = 0; k < best_.size(); ++k) {
        const Candidate& c = best_[k];
        if (c.from == kNone || c.total > limit) continue;
        nodes_.push_back({b, c.from, c.total, static_cast<int>(k / 2), (k % 2) == 1, c.hang});
        active_.push_back(nodes_.size() - 1);
        if (last) break;
    }
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
        for (const std::size_t id : active_) {
            const std::size_t a = nodes_[id].pos;
            const Fit f = measure(m_, a, b);
            const bool fits = f.min_width() <= measure_;
            if (fits) {
                consider(id, f, false, last);
                next_active_.push_back(id);
            } else if (fallback == kNone || a > nodes_[fallback].pos) {
                fallback = id;
            }
            if (can_hang(m_, a, b)) {
                const Fit h = measure(m_, a, b - 1);
                if (h.min_width() <= measure_) consider(id, h, true, last);
            }
        }
        active_.swap(next_active_);
        commit(b, last, fallback);
    }
    // The best node at the paragraph end (commit keeps one; an overfull fallback is the other).
    std::size_t end = kNone;
    for (const std::size_t id : active_) {
        if (nodes_[id].pos == m_.n && (end == kNone || nodes_[id].total < nodes_[end].total)) end = id;
    }
    std::vector<Break> breaks;
    for (std::size_t id = end; id != kNone && nodes_[id].pos > 0; id = nodes_[id].prev) {
        breaks.push_back({nodes_[id].pos, nodes_[id].hang});
    }
    return {breaks.rbegin(), breaks.rend()};
}

}  // namespace

std::vector<Break> break_optimal(const Model& m) {
    std::vector<Break> breaks = Breaker(m).run();
    if (breaks.empty() || breaks.back().end != m.n) return break_greedy(m);  // cannot happen
    return breaks;
}

}  // namespace shokuhon::linebreak::detail
