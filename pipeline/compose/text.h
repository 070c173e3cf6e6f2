// compose/: setting text into blocks: shape (shape/), break (linebreak/), position glyphs.
// A TextBlock is laid out from its top-left corner; lines sit on the style's line feed.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compose/document.h"
#include "compose/ruby.h"
#include "linebreak/break.h"
#include "shape/font_set.h"
#include "shape/shape.h"
#include "style/layout_set.h"

namespace shokuhon::compose {

struct TextBlock {
    std::vector<GlyphRun> runs;  // per line (and per ruby), origins relative to the block's top-left
    Length height;               // lines × leading, plus leading added for ruby; vertical: longest column
    Length width;                // widest line as set; vertical: columns × leading
    int lines = 0;
    bool vertical = false;       // columns right to left, glyphs top to bottom
    int overfull = 0;            // lines wider than the measure (a token that cannot break):
                                 // the caller reports them, naming the entry and the frame
};

// A paragraph as composed: what was shaped, where it broke and why. paragraph() draws it;
// compose-dump and the golden tests print it (compose/dump.h).
struct Composition {
    std::string text;               // as set: ruby markup taken out (compose/ruby.h)
    shape::Shaped shaped;           // clusters as the breaker saw them (ruby complexes merged)
    std::vector<RubyRun> ruby;      // one per ruby complex
    linebreak::BreakParams params;
    std::vector<linebreak::Line> lines;
    bool vertical = false;
};

struct TextOptions {
    std::string colour;       // overrides the style's colour when set
    bool no_indent = false;   // ignore the style's first-line indent
    int max_lines = 0;        // 0 = unlimited; lines beyond are not set (caller reports it)
};

// Sees every paragraph as it is set (paragraph()): tests check the whole book's lines
// against the rules; compose-dump could list them.
using ParagraphObserver = std::function<void(const Composition&)>;

// Typesetter remembers what it shaped and broke (text, style, measure → composition; text,
// style → width), so that the fit attempts of a card (count_lines, then paragraph) and the
// many page numbers of an index shape each text once. The caches live as long as the
// Typesetter (one per paginate call), are bounded, and never change a result. A Typesetter is
// used by one thread at a time.
class CompositionStore;  // compose/store.h

class Typesetter {
public:
    // `store`: compositions kept between builds, consulted after the Typesetter's own memo and
    // given what it composes (none: everything is composed afresh).
    Typesetter(const shape::FontSet& fonts, const style::LayoutSet& layout,
               linebreak::Mode mode = linebreak::Mode::kOptimal,
               const ParagraphObserver* observer = nullptr, CompositionStore* store = nullptr)
        : fonts_(fonts), layout_(layout), mode_(mode), observer_(observer), store_(store) {}

    // Shapes and breaks a paragraph (text may carry ruby, compose/ruby.h) in `width`, the
    // column's length for a vertical style.
    Composition compose(std::string_view text, const style::TextStyle& st, Length width,
                        const TextOptions& opt = {}) const;
    // Sets a paragraph in `width`; lines break by JLREQ rules and justify per the style.
    TextBlock paragraph(std::string_view text, const style::TextStyle& st, Length width,
                        const TextOptions& opt = {}) const;
    // Lines the paragraph would take (no glyph output).
    int count_lines(std::string_view text, const style::TextStyle& st, Length width) const;
    // One unbroken line; returns its width. Origin is the baseline start.
    GlyphRun line(std::string_view text, const style::TextStyle& st, Point origin,
                  const std::string& colour = {}) const;
    Length width(std::string_view text, const style::TextStyle& st) const;
    // Distance from a line's top to its baseline within the line feed (em box centred).
    static Length baseline_offset(const style::TextStyle& st);

    const style::LayoutSet& layout() const { return layout_; }
    const style::TextStyle& style(const std::string& name) const { return layout_.style(name); }

    linebreak::Mode mode() const { return mode_; }

private:
    struct Shaping;  // a text shaped in a style, before breaking
    std::shared_ptr<const Shaping> shaping(std::string_view text, const style::TextStyle& st) const;
    std::shared_ptr<const Composition> composed(std::string_view text, const style::TextStyle& st,
                                                Length width, const TextOptions& opt) const;
    std::shared_ptr<const shape::Shaped> plain_shaped(std::string_view text, const style::TextStyle& st) const;
    const shape::Font& font_for(const style::TextStyle& st) const;
    const shape::Font* latin_font_for(const style::TextStyle& st) const;
    const shape::FontSet& fonts_;
    const style::LayoutSet& layout_;
    linebreak::Mode mode_;
    const ParagraphObserver* observer_;
    CompositionStore* store_;
    // Two generations: when the young one is full it becomes the old one and the oldest go;
    // a hit in the old generation moves back to the young one. Memory stays bounded and the
    // texts in use stay cached.
    template <class V>
    class Memo {
    public:
        explicit Memo(std::size_t limit) : limit_(limit) {}
        const V* find(const std::string& key) {
            if (auto it = young_.find(key); it != young_.end()) return &it->second;
            auto it = old_.find(key);
            if (it == old_.end()) return nullptr;
            V v = std::move(it->second);
            old_.erase(it);
            return &put(key, std::move(v));
        }
        const V& put(const std::string& key, V v) {
            if (young_.size() >= limit_) {
                old_ = std::move(young_);
                young_.clear();
            }
            return young_.insert_or_assign(key, std::move(v)).first->second;
        }

    private:
        std::size_t limit_;
        std::unordered_map<std::string, V> young_, old_;
    };
    mutable Memo<std::shared_ptr<const Shaping>> shapings_{256};
    mutable Memo<std::shared_ptr<const Composition>> compositions_{256};
    mutable Memo<std::shared_ptr<const shape::Shaped>> plain_{4096};
};

}  // namespace shokuhon::compose
