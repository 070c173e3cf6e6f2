// compose/: the text form of a composed paragraph, one row per line (compose-dump, golden tests):
//   L2 w=200.00 nat=205.00 r=-0.33 push_in |店は「なぎさ」、朝どれのしらす丼が人気だ。|
// w: set width, nat: natural width (pt); r: adjustment ratio (<0 shrunk, >0 stretched, as a
// share of what the JLREQ stages allow; inf = letter-spaced); then the rule that fired (none,
// push_in 追い込み, push_out 追い出し, hang ぶら下げ, last, overfull) and the text, ruby as
// base《ruby》. With items, every cluster follows on its own row with the decision after it.
#pragma once
#include <string>

#include "compose/text.h"

namespace shokuhon::compose {

struct DumpOptions {
    bool items = false;  // one row per cluster: pen x, advance, set space, break decision
};

std::string dump_lines(const Composition& comp, const DumpOptions& opt = {});

}  // namespace shokuhon::compose
