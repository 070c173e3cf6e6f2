// Dispatcher: build the JLREQ model once, choose breaks (greedy.cpp or optimal.cpp), set lines.
#include "linebreak/break.h"

#include "linebreak/detail/model.h"

namespace shokuhon::linebreak {

const char* rule_name(Rule r) {
    switch (r) {
        case Rule::kNone: return "none";
        case Rule::kPushIn: return "push_in";
        case Rule::kPushOut: return "push_out";
        case Rule::kHang: return "hang";
        case Rule::kLast: return "last";
        case Rule::kOverfull: return "overfull";
    }
    return "?";
}

const char* break_why_name(BreakWhy w) {
    switch (w) {
        case BreakWhy::kAllowed: return "break";
        case BreakWhy::kTokenBreak: return "token-break";
        case BreakWhy::kUnbreakable: return "unbreakable";
        case BreakWhy::kEndProhibited: return "end-prohibited";
        case BreakWhy::kStartProhibited: return "start-prohibited";
        case BreakWhy::kInSpace: return "in-space";
        case BreakWhy::kParagraphEnd: return "end";
    }
    return "?";
}

std::vector<GapInfo> describe_gaps(std::span<const Cluster> clusters, const BreakParams& params) {
    std::vector<GapInfo> out(clusters.size());
    if (clusters.empty()) return out;
    const detail::Model m = detail::build_model(clusters, params);
    for (std::size_t i = 0; i < m.n; ++i) {
        const detail::Gap& g = m.gaps[i];
        GapInfo& o = out[i];
        o.why = m.why[i + 1];
        o.natural = Length{g.natural};
        for (const auto v : g.shrink) o.shrink.sp += v;
        for (const auto v : g.stretch) o.stretch.sp += v;
        o.sentence_space = g.sentence;
        o.protected_token = g.protect;
    }
    return out;
}

std::vector<Line> break_paragraph(std::span<const Cluster> clusters, const BreakParams& params) {
    if (clusters.empty()) return {};
    const detail::Model model = detail::build_model(clusters, params);
    const std::vector<detail::Break> breaks =
        params.mode == Mode::kGreedy ? detail::break_greedy(model) : detail::break_optimal(model);
    return detail::set_lines(model, breaks);
}

}  // namespace shokuhon::linebreak
