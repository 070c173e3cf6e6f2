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

std::vector<Line> break_paragraph(std::span<const Cluster> clusters, const BreakParams& params) {
    if (clusters.empty()) return {};
    const detail::Model model = detail::build_model(clusters, params);
    const std::vector<detail::Break> breaks =
        params.mode == Mode::kGreedy ? detail::break_greedy(model) : detail::break_optimal(model);
    return detail::set_lines(model, breaks);
}

}  // namespace shokuhon::linebreak
