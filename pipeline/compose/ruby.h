// compose/: ruby (furigana, JLREQ 3.3). Content marks ruby as <ruby rt="…">base</ruby>; content/
// hands it over inside the text in the notation Japanese editors know from Aozora Bunko,
// ｜base《ruby》 (U+FF5C, U+300A, U+300B: all in JIS X 0208, so the text survives a Shift_JIS
// spreadsheet). A ｜ with no 《…》 after it is an ordinary character. Readings separated by
// spaces ("ひら つか" over 平塚) are mono-ruby, one reading per base character; without spaces
// group-ruby over the whole base. Either way base and ruby make one unbreakable complex
// (JLREQ cl-22 / cl-23).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compose/document.h"
#include "core/units.h"
#include "shape/font_set.h"
#include "shape/shape.h"

namespace shokuhon::compose {

inline constexpr char32_t kRubyAnchor = U'｜', kRubySeparator = U'《', kRubyTerminator = U'》';

struct RubyMark {
    std::uint32_t begin = 0, end = 0;  // the base: UTF-8 byte range in the plain text
    std::vector<std::string> readings;  // one per base character (mono) or one (group)
    bool mono = false;
};

struct Annotated {
    std::string plain;  // the text as printed on the line: the bases, no ruby, no markers
    std::vector<RubyMark> ruby;
};

// Splits annotated text; malformed markers are dropped, so the plain text is always printable.
Annotated parse_ruby(std::string_view text);
// The text with every ruby taken out (what the reader sees on the line).
std::string plain_text(std::string_view text);
// <ruby rt="かん じ">漢字</ruby> written inline (compose-dump --text, golden corpus) → ｜漢字《かん じ》.
std::string ruby_from_markup(std::string_view text);
// "<base>《<ruby>》" for dumps and logs.
std::string show_ruby(std::string_view text);

// The ruby of one complex, ready to draw: glyph x from the complex's pen x, y from the ruby
// baseline.
struct RubyRun {
    std::size_t cluster = 0;  // the complex in the paragraph's clusters
    std::string utf8;         // the readings, without separators
    std::vector<PositionedGlyph> glyphs;
    std::vector<ClusterSpan> clusters;
    Length size;              // half the base size (JLREQ 3.3.2)
};

// Merges each marked base into one complex cluster, sets its width (JLREQ 3.3.5, 3.3.6: the
// longer of base and ruby, spread 1:2:1) and how far the ruby may overhang kana beside it (half
// a ruby character), moves the base glyphs into place and shapes the ruby at half size.
std::vector<RubyRun> attach_ruby(shape::Shaped& shaped, const std::vector<RubyMark>& marks,
                                 const shape::Font& font, Length size);

}  // namespace shokuhon::compose
