// Builds the box/gap model of a paragraph: JLREQ spacing (jlreq.md §3, §4), adjustment stages
// (§6) and break opportunities (§2).
#include "linebreak/detail/model.h"

#include <algorithm>
#include <string_view>

#include "linebreak/detail/tokens.h"
#include "linebreak/detail/western_punct.h"

namespace shokuhon::linebreak::detail {
namespace {

using C = JisClass;

bool is_numeral(char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

// JLREQ groups cl-09 … cl-11 with kana when a rule is relaxed; all take the Japanese–Western aki.
bool is_japanese_letter(C c) {
    return c == C::kIterationMark || c == C::kProlongedSound || c == C::kSmallKana ||
           c == C::kHiragana || c == C::kKatakana || c == C::kIdeographic;
}

bool is_one_of(C c, std::initializer_list<C> set) {
    return std::find(set.begin(), set.end(), c) != set.end();
}

// JLREQ 3.3.5: ruby may overhang kana (and ー, small kana), never kanji or punctuation.
bool is_kana(C c) {
    return c == C::kHiragana || c == C::kKatakana || c == C::kSmallKana || c == C::kProlongedSound;
}

// Deviation from JLREQ (where 円 is plain cl-19): a price is not split from its currency, so
// "3,000円" and "3万円" stay whole, as "¥3,000" does by the cl-12 rule.
constexpr std::u32string_view kUnitKanji = U"円万千億";
constexpr std::u32string_view kNumberKanji = U"万千億";

class Builder {
public:
    Builder(std::span<const Cluster> cl, const BreakParams& p)
        : cl_(cl), p_(p), em_(std::max<std::int64_t>(p.em.sp, 0)) {}

    Model build();

private:
    char32_t first(std::size_t i) const { return cl_[i].first_cp; }
    char32_t last(std::size_t i) const { return cl_[i].last_cp ? cl_[i].last_cp : cl_[i].first_cp; }
    // Western for spacing and unbreakable runs: cl-24, cl-25, cl-27 and half-width ¥ % ° (the
    // full-width ￥ ％ are set on the em grid like kanji).
    bool western(std::size_t i) const {
        const C c = cls_[i];
        return c == C::kGroupedNumeral || c == C::kUnitSymbol || c == C::kWestern ||
               ((c == C::kPrefixedAbbr || c == C::kPostfixedAbbr) && first(i) < 0x2000);
    }
    bool glued(std::size_t i, std::size_t j) const;
    bool japanese_western(std::size_t i, std::size_t j) const;
    bool stretches(std::size_t i, std::size_t j) const;
    bool end_prohibited(std::size_t i) const {
        return line_end_prohibited(cls_[i]) ||
               (cls_[i] == C::kWestern && contains(kWesternOpening, last(i)));
    }
    bool start_prohibited(std::size_t j) const {
        return line_start_prohibited(cls_[j], first(j), p_.strictness);
    }
    void make_unit(std::size_t i);
    void make_gap(std::size_t i);
    std::int64_t overhang(std::size_t i) const;
    bool sentence_space(std::size_t i) const;
    void find_tokens();
    BreakWhy why_after(std::size_t i) const;

    std::span<const Cluster> cl_;
    const BreakParams& p_;
    std::int64_t em_;
    std::vector<C> cls_;
    std::vector<std::int64_t> trail_;  // blank inside the advance after the ink
    std::vector<std::uint8_t> token_break_;  // per gap: a URL / e-mail break (detail/tokens.h)
    std::vector<std::uint8_t> protect_;      // per gap: inside a protected token
    Model m_;
};

// JLREQ 3.1.10 unbreakable character sequences, at the chosen strictness (jlreq.md §2).
bool Builder::glued(std::size_t i, std::size_t j) const {
    const Strictness s = p_.strictness;
    const C ci = cls_[i], cj = cls_[j];
    if (cj == C::kPostfixedAbbr && is_numeral(last(i))) {  // 50% (loose allows % only)
        if (s == Strictness::kVeryLoose) return false;
        return !(s == Strictness::kLoose && (first(j) == U'%' || first(j) == U'％'));
    }
    if (ci == C::kPrefixedAbbr && is_numeral(first(j))) return s != Strictness::kVeryLoose;  // ¥100
    if (ci == C::kInseparable && cj == C::kInseparable && last(i) == first(j)) {  // —— ……
        if (s == Strictness::kVeryLoose) return false;
        return !(s == Strictness::kLoose && (first(j) == U'…' || first(j) == U'‥'));
    }
    if (is_numeral(last(i)) && (is_numeral(first(j)) || contains(kUnitKanji, first(j))))
        return true;
    if (contains(kNumberKanji, last(i)) && first(j) == U'円' && i > 0 && is_numeral(last(i - 1))) {
        return true;
    }
    // A full-width comma or point inside a full-width number (１，０００).
    if ((ci == C::kComma || ci == C::kFullStop) && i > 0 && is_numeral(last(i - 1)) &&
        is_numeral(first(j))) {
        return true;
    }
    return western(i) && western(j);  // a Western word, number, URL or e-mail address
}

// jlreq.md §3: ¼ em between Japanese (cl-15, cl-16, cl-19 and kin) and Western or numerals.
bool Builder::japanese_western(std::size_t i, std::size_t j) const {
    if (is_japanese_letter(cls_[i]) && western(j)) return !contains(kWesternClosing, first(j));
    if (western(i) && is_japanese_letter(cls_[j])) return !contains(kWesternOpening, last(i));
    return false;
}

// jlreq.md §6 "never stretch": after cl-01, before cl-02/06/07, around cl-03/04/05, inside
// Western words and numerals and other unbreakable sequences.
bool Builder::stretches(std::size_t i, std::size_t j) const {
    const C ci = cls_[i], cj = cls_[j];
    if (glued(i, j) || ci == C::kOpeningBracket) return false;
    if (is_one_of(cj, {C::kClosingBracket, C::kFullStop, C::kComma})) return false;
    for (const C c : {ci, cj}) {
        if (is_one_of(c, {C::kHyphen, C::kDividingPunct, C::kMiddleDot})) return false;
    }
    if (western(j) && contains(kWesternClosing, first(j))) return false;
    return !(western(i) && contains(kWesternOpening, last(i)));
}

void Builder::make_unit(std::size_t i) {
    const Cluster& c = cl_[i];
    Unit& u = m_.units[i];
    const std::int64_t adv = c.advance.sp, half = em_ / 2, quarter = em_ / 4;
    // A ruby or 縦中横 complex is set and broken like a kanji (JLREQ cl-22, cl-23, cl-30).
    C cls = c.kind == ClusterKind::kPlain ? classify(c.first_cp) : C::kIdeographic;
    // Proportional quotes in Western text behave as Western letters ("don’t" stays whole);
    // JLREQ's cl-01/02 quotes are the full-width ones.
    if ((cls == C::kOpeningBracket || cls == C::kClosingBracket) && c.first_cp >= 0x2018 &&
        c.first_cp <= 0x201D && adv * 4 < em_ * 3) {
        cls = C::kWestern;
    }
    u.cls = cls_[i] = cls;
    // A U+3000 after ？！ is the sentence space of jlreq.md §3: dropped at a line edge.
    u.space = cls == C::kWesternSpace ||
              (c.first_cp == U'\u3000' && i > 0 && cls_[i - 1] == C::kDividingPunct);
    u.hangable = cls == C::kFullStop || cls == C::kComma;
    if (u.space) return;  // its advance becomes the gap after it
    // jlreq.md §3: full-width punctuation comes with its aki inside the advance: ½ em before
    // cl-01, after cl-02 / 06 / 07; ¼ em on both sides of cl-05. Half-width forms carry none.
    const bool full = em_ > 0 && adv * 4 >= em_ * 3;
    std::int64_t lead = 0, trail = 0;
    if (full && cls == C::kOpeningBracket) lead = half;
    if (full && is_one_of(cls, {C::kClosingBracket, C::kFullStop, C::kComma})) trail = half;
    if (full && cls == C::kMiddleDot) lead = trail = quarter;
    u.lead = lead;
    u.box = adv - lead - trail;
    trail_[i] = trail;
    // JLREQ 3.1.5: an opening bracket starting a continuation line is set flush (天付き).
    u.start_lead = cls == C::kOpeningBracket ? 0 : lead;
    // JLREQ 3.1.6 (jlreq.md §5), as in JIS X 4051: solid after a line-end cl-02 / cl-07. The ½ em
    // after cl-06 and the ¼ em after cl-05 stay, but are the first to go when the line must shrink.
    if (cls == C::kFullStop || cls == C::kMiddleDot) u.end_trail = u.end_shrink = trail;
}

void Builder::make_gap(std::size_t i) {
    const std::size_t j = i + 1;
    Gap& g = m_.gaps[i];
    const Unit &ui = m_.units[i], &uj = m_.units[j];
    if (ui.space) {  // a word space: ⅓ → ¼ em, up to ½ em (jlreq.md §6), as fractions of itself
        g.natural = cl_[i].advance.sp;
        if (cls_[i] == C::kWesternSpace) {
            g.shrink[kShrinkWordSpace] = g.natural / 4;
            g.stretch[kStretchWordSpace] = g.natural / 2;
        }
        return;
    }
    if (uj.space) return;
    g.protect = protect_[i] != 0;
    const C ci = cls_[i], cj = cls_[j];
    // JLREQ 3.1.4 (jlreq.md §4), consecutive punctuation: one of the two blanks goes.
    const bool drop_trail =
        (is_one_of(ci, {C::kFullStop, C::kComma}) && cj == C::kClosingBracket) ||
        (ci == C::kClosingBracket &&
         is_one_of(cj, {C::kClosingBracket, C::kMiddleDot, C::kFullStop, C::kComma}));
    const bool drop_lead =
        cj == C::kOpeningBracket && is_one_of(ci, {C::kOpeningBracket, C::kClosingBracket,
                                                   C::kMiddleDot, C::kFullStop, C::kComma});
    const std::int64_t trail = drop_trail ? 0 : trail_[i], lead = drop_lead ? 0 : uj.lead;
    g.natural = trail + lead;
    // jlreq.md §6 shrink 4 and 5: the ¼ em of cl-05 and the ½ em of brackets and commas go;
    // the ½ em after a mid-line 。 never does.
    const std::size_t trail_stage = ci == C::kMiddleDot ? kShrinkMiddleDot : kShrinkBracket;
    if (ci != C::kFullStop) g.shrink[trail_stage] += trail;
    g.shrink[cj == C::kMiddleDot ? kShrinkMiddleDot : kShrinkBracket] += lead;
    if (japanese_western(i, j)) {
        const std::int64_t quarter = em_ / 4;
        g.natural += quarter;
        g.shrink[kShrinkJaWestern] = quarter - em_ / 8;
        if (!glued(i, j)) g.stretch[kStretchJaWestern] = quarter;
    } else if (stretches(i, j)) {
        g.stretch[kStretchJapanese] = em_ / 4;
    }
    g.natural -= overhang(i);
    if (sentence_space(i)) {
        // jlreq.md §3: one em after a ？！ that ends a sentence mid-paragraph. It is glue in the
        // model, not a U+3000 in the text, so the PDF's text stays the content's text. Fixed:
        // JLREQ's shrink and stretch tables (Tables 3, 4) give no adjustment for it, and a
        // line-end ？！ has none (the gap is not set at a break).
        g.natural += em_;
        g.sentence = true;
    }
}

// JLREQ 3.3.5 (ruby overhang): a complex whose ruby is longer than its base may overlap a
// neighbouring kana by up to half a ruby character (shape/ or compose/ measured how much).
std::int64_t Builder::overhang(std::size_t i) const {
    const std::size_t j = i + 1;
    std::int64_t o = 0;
    if (is_kana(cls_[i])) o += cl_[j].overhang_before.sp;
    if (is_kana(cls_[j])) o += cl_[i].overhang_after.sp;
    return o;
}

// A full-width ？！ followed directly by Japanese (no space, no closing bracket, no further ？！)
// ends a sentence mid-paragraph (jlreq.md §3). Half-width ! ? are Western punctuation (cl-27),
// never cl-04.
// Deviation: before the quoting particles と and って (「うまい！と評判」) the ？！ is inside the
// sentence, where JLREQ sets no space.
bool Builder::sentence_space(std::size_t i) const {
    const std::size_t j = i + 1;
    // Also after a proportional ！ (palt): the one em is the space, whatever the mark's width.
    if (cls_[i] != C::kDividingPunct) return false;
    if (first(j) == U'と' || (first(j) == U'っ' && j + 1 < cl_.size() && first(j + 1) == U'て')) {
        return false;
    }
    return is_japanese_letter(cls_[j]) || cls_[j] == C::kOpeningBracket;
}

// May a line end after cluster i, and why (not)? Spaces: only after a whole run, which then
// ends the line.
BreakWhy Builder::why_after(std::size_t i) const {
    const std::size_t j = i + 1;
    if (m_.units[j].space) return BreakWhy::kInSpace;
    std::size_t last = i;
    if (m_.units[i].space) {
        const std::size_t p = m_.prev_ink[i + 1];  // last ink cluster before the run, plus one
        if (p == 0) return BreakWhy::kInSpace;
        last = p - 1;
    } else if (glued(i, j)) {
        return token_break_[i] ? BreakWhy::kTokenBreak : BreakWhy::kUnbreakable;
    }
    if (end_prohibited(last)) return BreakWhy::kEndProhibited;
    if (start_prohibited(j)) return BreakWhy::kStartProhibited;
    return BreakWhy::kAllowed;
}

// Marks the protected tokens among the Western runs and where a URL or e-mail address may break.
void Builder::find_tokens() {
    const std::size_t n = cl_.size();
    token_break_.assign(n, 0);
    protect_.assign(n, 0);
    for (std::size_t i = 0; i < n;) {
        std::size_t e = i + 1;
        while (e < n && western(e - 1) && western(e) && glued(e - 1, e)) ++e;
        if (!western(i) || e - i < 2) {
            i = e;
            continue;
        }
        std::u32string run;  // one code point per cluster: the first, or the last for breaks
        for (std::size_t k = i; k < e; ++k) run += first(k);
        const TokenKind kind = classify_token(run);
        for (std::size_t k = i; k + 1 < e; ++k) {
            protect_[k] = is_protected(kind) ? 1 : 0;
            run[k - i] = last(k);
            token_break_[k] = token_break_after(run, k - i, kind) ? 1 : 0;
        }
        i = e;
    }
}

Model Builder::build() {
    const std::size_t n = cl_.size();
    m_.params = p_;
    m_.n = n;
    m_.units.resize(n);
    m_.gaps.resize(n);
    m_.legal.assign(n + 1, 0);
    m_.sums.resize(n + 1);
    m_.next_ink.resize(n + 1);
    m_.prev_ink.resize(n + 1);
    cls_.resize(n);
    trail_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) make_unit(i);
    find_tokens();
    for (std::size_t i = 0; i + 1 < n; ++i) make_gap(i);
    m_.next_ink[n] = n;
    for (std::size_t i = n; i-- > 0;) m_.next_ink[i] = m_.units[i].space ? m_.next_ink[i + 1] : i;
    for (std::size_t i = 0; i < n; ++i)
        m_.prev_ink[i + 1] = m_.units[i].space ? m_.prev_ink[i] : i + 1;
    m_.why.assign(n + 1, BreakWhy::kParagraphEnd);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const BreakWhy w = m_.why[i + 1] = why_after(i);
        m_.legal[i + 1] = w == BreakWhy::kAllowed ? kBreak : w == BreakWhy::kTokenBreak ? kTokenBreak
                                                                                     : kNoBreak;
    }
    m_.legal[n] = kBreak;
    Sums s;  // running, so no step waits on the store of the last
    for (std::size_t i = 0; i < n; ++i) {
        const Gap& g = m_.gaps[i];
        s.natural += m_.units[i].box + g.natural;
        bool any = false;
        for (std::size_t k = 0; k < kShrinkStages; ++k) {
            s.shrink[k] += g.shrink[k];
            s.shrink_total += g.shrink[k];
        }
        for (std::size_t k = 0; k < kStretchStages; ++k) {
            s.stretch[k] += g.stretch[k];
            s.stretch_total += g.stretch[k];
            any = any || g.stretch[k] > 0;
        }
        s.stretch_gaps += any ? 1 : 0;
        s.ink += m_.units[i].space ? 0 : 1;
        s.open += g.protect ? 0 : 1;
        m_.sums[i + 1] = s;
    }
    return std::move(m_);
}

}  // namespace

Model build_model(std::span<const Cluster> clusters, const BreakParams& params) {
    return Builder(clusters, params).build();
}

Fit measure(const Model& m, std::size_t a, std::size_t b) {
    Fit f;
    const std::int64_t indent = a == 0 ? m.params.first_indent.sp : 0;
    f.natural = indent;
    f.eb = m.next_ink[a];
    const std::size_t end = m.prev_ink[b];
    if (f.eb >= end) return f;
    f.el = end - 1;
    f.empty = false;
    const Unit &first = m.units[f.eb], &last = m.units[f.el];
    const Sums &s0 = m.sums[f.eb], &s1 = m.sums[f.el];
    f.natural += (a == 0 ? first.lead : first.start_lead) + (s1.natural - s0.natural) + last.box +
                 last.end_trail;
    for (std::size_t k = 0; k < kShrinkStages; ++k) f.shrink[k] = s1.shrink[k] - s0.shrink[k];
    f.shrink[kShrinkLineEnd] += last.end_shrink;
    for (std::size_t k = 0; k < kStretchStages; ++k) f.stretch[k] = s1.stretch[k] - s0.stretch[k];
    for (const auto v : f.shrink) f.total_shrink += v;
    for (const auto v : f.stretch) f.total_stretch += v;
    f.stretch_gaps = s1.stretch_gaps - s0.stretch_gaps;
    f.gaps = static_cast<std::int64_t>(f.el - f.eb);
    return f;
}

}  // namespace shokuhon::linebreak::detail
