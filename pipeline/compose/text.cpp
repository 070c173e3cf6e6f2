#include "compose/text.h"

#include "compose/store.h"

#include <stdexcept>

#include "compose/vertical.h"
#include "shape/shape.h"

namespace shokuhon::compose {
namespace {

// The layout chooses the strictness per style (kinsoku=, default on <styles>). The book's house
// rule is JLREQ's "very strict" level, which printers (and ICU's lb=strict) call "strict": small
// kana, ー and 々 never start a line either.
linebreak::Strictness to_strictness(style::Kinsoku k) {
    switch (k) {
        case style::Kinsoku::kVeryStrict: return linebreak::Strictness::kVeryStrict;
        case style::Kinsoku::kStrict: return linebreak::Strictness::kStrict;
        case style::Kinsoku::kLoose: return linebreak::Strictness::kLoose;
        case style::Kinsoku::kVeryLoose: return linebreak::Strictness::kVeryLoose;
    }
    return linebreak::Strictness::kVeryStrict;
}

linebreak::Align to_break_align(style::Align a) {
    return a == style::Align::kJustify ? linebreak::Align::kJustify : linebreak::Align::kStart;
}

bool is_space_cluster(const linebreak::Cluster& c) {
    return c.first_cp == U' ' || c.first_cp == U'\u3000';
}

GlyphRun make_run(const std::string& font, Length size, Point origin, const std::string& colour) {
    GlyphRun r;
    r.font = font;
    r.size = size;
    r.origin = origin;
    r.colour = colour;
    return r;
}

// One glyph run per stretch of clusters in one font (the style's, or its Latin font).
struct LineSpan {
    const Composition& comp;
    const linebreak::Line& line;
    std::size_t end;  // clusters [line.begin, end): trailing spaces are not drawn
};

void append_runs(const LineSpan& ls, const style::TextStyle& st, const std::string& latin,
                 Point origin, Length x0, const std::string& colour, std::vector<GlyphRun>& out) {
    const auto& sh = ls.comp.shaped;
    std::size_t g = 0;
    while (g < sh.glyphs.size() && sh.glyphs[g].cluster < ls.line.begin) ++g;
    GlyphRun* run = nullptr;
    int face = -1;
    for (std::size_t c = ls.line.begin; c < ls.end; ++c) {
        const auto& cl = sh.clusters[c];
        const int f = g < sh.glyphs.size() && sh.glyphs[g].cluster == c ? sh.glyphs[g].face : face;
        if (!run || f != face) {
            out.push_back(make_run(f == 1 ? latin : st.font, st.size, origin, colour));
            run = &out.back();
            face = f;
        }
        ClusterSpan span{cl.text_end - cl.text_begin, 0};
        Length pen = x0 + ls.line.x[c - ls.line.begin];
        for (; g < sh.glyphs.size() && sh.glyphs[g].cluster == c; ++g) {
            const auto& gl = sh.glyphs[g];
            run->glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            pen += gl.advance;
            ++span.glyphs;
        }
        run->clusters.push_back(span);
        run->utf8.append(ls.comp.text, cl.text_begin, cl.text_end - cl.text_begin);
    }
}

// Ruby above the complexes of a line: its baseline sits so that the ruby's em box rests on the
// base's (JLREQ 3.3.3: ruby touches its base), 0.88 em being the CJK ascent.
void append_ruby(const LineSpan& ls, const style::TextStyle& st, Point origin, Length x0,
                 const std::string& colour, std::vector<GlyphRun>& out) {
    for (const RubyRun& r : ls.comp.ruby) {
        if (r.cluster < ls.line.begin || r.cluster >= ls.end) continue;
        const Length x = x0 + ls.line.x[r.cluster - ls.line.begin];
        const Length raise = st.size.scaled(0.88) + r.size.scaled(0.12);
        GlyphRun run = make_run(st.font, r.size, {origin.x + x, origin.y - raise}, colour);
        run.glyphs = r.glyphs;
        // The ruby's glyphs carry no text of their own (one cluster of zero bytes: the PDF marks
        // them with an empty ActualText), so the PDF's text is the content's text, the base
        // alone, and a search for 前鳥神社 finds it. The reading is in the content, not lost.
        run.clusters = {ClusterSpan{0, static_cast<std::uint32_t>(r.glyphs.size())}};
        out.push_back(std::move(run));
    }
}

bool has_ruby(const Composition& c, const linebreak::Line& line) {
    for (const RubyRun& r : c.ruby) {
        if (r.cluster >= line.begin && r.cluster < line.end) return true;
    }
    return false;
}

}  // namespace

const shape::Font& Typesetter::font_for(const style::TextStyle& st) const {
    const shape::Font* f = fonts_.find(st.font);
    if (!f) throw std::logic_error("style " + st.name + " uses unknown font role " + st.font);
    return *f;
}

const shape::Font* Typesetter::latin_font_for(const style::TextStyle& st) const {
    if (st.latin_font.empty() || st.latin_font == st.font) return nullptr;
    return fonts_.find(st.latin_font);  // an unknown role falls back to the style's font
}

Length Typesetter::baseline_offset(const style::TextStyle& st) {
    // The em box (0.88 em above the baseline for CJK fonts) centred in the line feed.
    return (st.leading - st.size) / 2 + st.size.scaled(0.88);
}

struct Typesetter::Shaping {
    std::string text;  // ruby markup taken out
    shape::Shaped shaped;
    std::vector<RubyRun> ruby;
    bool vertical = false;
};

namespace {

// What of a style decides how its text shapes (and, with the measure, how it breaks).
std::string style_key(const style::TextStyle& st) {
    std::string k = st.font;
    k += '\x1f';
    k += st.latin_font;
    for (const std::int64_t v : {st.size.sp, st.indent.sp, st.tracking.sp}) k += '\x1f' + std::to_string(v);
    k += '\x1f';
    k += static_cast<char>('0' + static_cast<int>(st.writing));
    k += static_cast<char>('0' + static_cast<int>(st.align));
    k += static_cast<char>('0' + static_cast<int>(st.kinsoku));
    k += st.hang ? 'h' : '-';
    for (const auto& f : st.features) k += '\x1f' + f;
    k += '\x1e';
    return k;
}

}  // namespace

std::shared_ptr<const Typesetter::Shaping> Typesetter::shaping(std::string_view text, const style::TextStyle& st) const {
    std::string key = style_key(st);
    key.append(text);
    if (const auto* hit = shapings_.find(key)) return *hit;
    auto s = std::make_shared<Shaping>();
    const Annotated a = parse_ruby(text);
    s->text = a.plain;
    s->vertical = st.writing == style::Writing::kVertical;
    const shape::Font& font = font_for(st);
    if (s->vertical) {
        s->shaped = shape::shape_vertical(font, st.size, s->text, st.features);
    } else {
        s->shaped = shape::shape_mixed(font, latin_font_for(st), st.size, s->text, st.features);
        s->ruby = attach_ruby(s->shaped, a.ruby, font, st.size);
    }
    shapings_.put(key, s);
    return s;
}

std::shared_ptr<const Composition> Typesetter::composed(std::string_view text, const style::TextStyle& st,
                                                        Length width, const TextOptions& opt) const {
    std::string key = std::to_string(width.sp) + (opt.no_indent ? "n" : "i") + style_key(st);
    key.append(text);
    if (const auto* hit = compositions_.find(key)) return *hit;
    if (store_) {
        if (auto kept = store_->composition(key)) return compositions_.put(key, std::move(kept));
    }
    const auto s = shaping(text, st);
    auto c = std::make_shared<Composition>();
    c->text = s->text;
    c->shaped = s->shaped;
    c->ruby = s->ruby;
    c->vertical = s->vertical;
    c->params.measure = width;
    c->params.em = st.size;
    c->params.first_indent = opt.no_indent ? Length{} : st.indent;
    c->params.mode = mode_;
    c->params.align = to_break_align(st.align);
    c->params.strictness = to_strictness(st.kinsoku);
    c->params.hang_punctuation = st.hang;
    c->lines = linebreak::break_paragraph(c->shaped.clusters, c->params);
    compositions_.put(key, c);
    if (store_) store_->put(key, c);
    return c;
}

Composition Typesetter::compose(std::string_view text, const style::TextStyle& st, Length width,
                                const TextOptions& opt) const {
    return *composed(text, st, width, opt);
}

TextBlock Typesetter::paragraph(std::string_view text, const style::TextStyle& st, Length width,
                                const TextOptions& opt) const {
    TextBlock block;
    if (text.empty()) return block;
    const auto shared = composed(text, st, width, opt);
    const Composition& comp = *shared;
    if (observer_ && *observer_) (*observer_)(comp);
    const std::string colour = opt.colour.empty() ? st.colour : opt.colour;
    if (comp.vertical) return set_vertical(comp, st, colour, opt.max_lines);
    const std::string latin = latin_font_for(st) ? st.latin_font : st.font;
    // Ruby needs its own height above the base; the line feed gives it the gap between em
    // boxes, and only where that is short does the line move down (JLREQ 3.3.3).
    const Length ruby_need = max(Length{}, st.size / 2 - (st.leading - st.size));
    Length y = baseline_offset(st), extra;
    for (const auto& line : comp.lines) {
        if (opt.max_lines > 0 && block.lines >= opt.max_lines) break;
        if (block.lines > 0 && has_ruby(comp, line)) extra += ruby_need;
        std::size_t end = line.end;
        // A space left at a line end is not drawn (it would only shift extracted text).
        while (end > line.begin && is_space_cluster(comp.shaped.clusters[end - 1])) --end;
        Length x0;
        if (st.align == style::Align::kCenter) x0 = (width - line.width) / 2;
        if (st.align == style::Align::kEnd) x0 = width - line.width;
        const LineSpan ls{comp, line, end};
        const Point origin{Length{}, y + st.leading * block.lines + extra};
        append_runs(ls, st, latin, origin, x0, colour, block.runs);
        append_ruby(ls, st, origin, x0, colour, block.runs);
        block.width = max(block.width, line.width);
        if (line.rule == linebreak::Rule::kOverfull) ++block.overfull;
        ++block.lines;
    }
    block.height = st.leading * block.lines + extra;
    return block;
}

int Typesetter::count_lines(std::string_view text, const style::TextStyle& st, Length width) const {
    if (text.empty()) return 0;
    return static_cast<int>(composed(text, st, width, {})->lines.size());
}

std::shared_ptr<const shape::Shaped> Typesetter::plain_shaped(std::string_view text, const style::TextStyle& st) const {
    std::string key = st.font + '\x1f' + std::to_string(st.size.sp);
    for (const auto& f : st.features) key += '\x1f' + f;
    key += '\x1e';
    key.append(text);
    if (const auto* hit = plain_.find(key)) return *hit;
    if (store_) {
        if (auto kept = store_->shaped(key)) return plain_.put(key, std::move(kept));
    }
    auto shaped = std::make_shared<const shape::Shaped>(
        shape::shape_mixed(font_for(st), nullptr, st.size, plain_text(text), st.features));
    plain_.put(key, shaped);
    if (store_) store_->put(key, shaped);
    return shaped;
}

GlyphRun Typesetter::line(std::string_view text, const style::TextStyle& st, Point origin,
                          const std::string& colour) const {
    const auto shared = plain_shaped(text, st);
    const shape::Shaped& shaped = *shared;
    GlyphRun run;
    run.font = st.font;
    run.size = st.size;
    run.colour = colour.empty() ? st.colour : colour;
    run.origin = origin;
    run.utf8 = plain_text(text);
    Length pen;
    std::size_t g = 0;
    for (std::size_t c = 0; c < shaped.clusters.size(); ++c) {
        const auto& cl = shaped.clusters[c];
        ClusterSpan span{cl.text_end - cl.text_begin, 0};
        for (; g < shaped.glyphs.size() && shaped.glyphs[g].cluster == c; ++g) {
            const auto& gl = shaped.glyphs[g];
            run.glyphs.push_back({gl.gid, pen + gl.x_offset, -gl.y_offset});
            pen += gl.advance + st.tracking;
            ++span.glyphs;
        }
        run.clusters.push_back(span);
    }
    return run;
}

Length Typesetter::width(std::string_view text, const style::TextStyle& st) const {
    const auto shaped = plain_shaped(text, st);
    Length w;
    for (const auto& g : shaped->glyphs) w += g.advance + st.tracking;
    return w;
}

}  // namespace shokuhon::compose
