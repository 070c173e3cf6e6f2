// linebreak/: Japanese line breaking and justification (JLREQ / JIS X 4051).
// Input: the clusters of one paragraph as shaped by shape/ (first code point, natural advance).
// Output: lines, each with the x position of every cluster and the adjustment that was made.
// Knows no fonts and no HarfBuzz: widths come in as numbers, so tests are exact arithmetic.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/units.h"
#include "linebreak/jis_class.h"

namespace shokuhon::linebreak {

// What a cluster stands for. A complex is one unbreakable unit set like a kanji (cl-19):
// JLREQ cl-22 / cl-23 (a ruby base with its ruby) and cl-30 (縦中横, digits set across a column).
enum class ClusterKind : std::uint8_t { kPlain, kRuby, kTateChuYoko };

// One shaped cluster: what shape/ measured. Full-width punctuation (cl-01, 02, 05, 06, 07) comes
// in with its full-em advance, the glyph sitting on a half-em body; the breaker owns the aki.
struct Cluster {
    char32_t first_cp = 0;   // first code point of the cluster (decides the JLREQ class)
    char32_t last_cp = 0;    // last code point (for pairs such as ―― or ……)
    Length advance;          // natural advance as shaped
    std::uint32_t text_begin = 0, text_end = 0;  // UTF-8 byte range in the paragraph text
    ClusterKind kind = ClusterKind::kPlain;
    // A ruby longer than its base may overhang a neighbouring kana by this much (JLREQ 3.3.5:
    // at most half a ruby character); not at a line edge, where the complex sets its full width.
    Length overhang_before, overhang_after;
};

enum class Mode { kGreedy, kOptimal };
enum class Align { kJustify, kStart };

struct BreakParams {
    Length measure;                 // line length
    Length em;                      // 1 zw at the paragraph's size
    Length first_indent;            // first-line indent (e.g. 1 zw)
    Strictness strictness = Strictness::kStrict;
    Mode mode = Mode::kOptimal;
    Align align = Align::kJustify;
    bool hang_punctuation = false;  // ぶら下げ for cl-06 / cl-07
};

// What adjustment fired on a line (for dumps and tests).
enum class Rule { kNone, kPushIn, kPushOut, kHang, kLast, kOverfull };
const char* rule_name(Rule r);

struct Line {
    std::size_t begin = 0, end = 0;  // cluster range [begin, end) of the paragraph
    std::vector<Length> x;           // pen x of each cluster in [begin, end), from the line start
    Length natural;                  // width with natural spacing
    Length width;                    // width as set (== measure when justified, except last line)
    double ratio = 0;                // <0 shrunk, >0 stretched, as a fraction of what was available
    Rule rule = Rule::kNone;
};

std::vector<Line> break_paragraph(std::span<const Cluster> clusters, const BreakParams& params);

// Why a line may or may not end after a cluster (compose-dump --items, tests).
enum class BreakWhy : std::uint8_t {
    kAllowed,          // an ordinary break opportunity
    kTokenBreak,       // inside a URL or e-mail address, after / or before . (a last resort)
    kUnbreakable,      // JLREQ 3.1.10: a word, number, URL, ¥100, 50%, ——, a ruby complex …
    kEndProhibited,    // JLREQ 3.1.8: the cluster may not end a line (「（)
    kStartProhibited,  // JLREQ 3.1.7: the next cluster may not start a line (」。、ー …)
    kInSpace,          // inside a run of spaces: a line ends after the whole run
    kParagraphEnd,
};
const char* break_why_name(BreakWhy w);

// The inter-character decision after one cluster, as the breaker models it (jlreq.md §3–§6).
struct GapInfo {
    BreakWhy why = BreakWhy::kAllowed;
    Length natural;          // aki to the next cluster at natural spacing (may be < 0: overhang)
    Length shrink, stretch;  // how much the justifier may take or add, all stages together
    bool sentence_space = false;  // the one em after a mid-paragraph ？！ (jlreq.md §3)
    bool protected_token = false;  // inside a URL, e-mail address, handle or phone number
};
std::vector<GapInfo> describe_gaps(std::span<const Cluster> clusters, const BreakParams& params);

}  // namespace shokuhon::linebreak
