// Glyph positions read back from a rendered PDF (poppler's pdftotext -bbox): consecutive
// punctuation and the Japanese–Western space measure as JLREQ says (jlreq.md §3, §4), in the
// PDF a printer receives, not only in the composer's numbers.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "render/render.h"
#include "support/run.h"
#include "unit/typeset/golden_support.h"

using namespace shokuhon;

namespace {

struct Word {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string text;
};

// Renders each text as one paragraph of `style` (measure 170 mm) at its own baseline; returns
// the PDF's path in `dir`.
std::filesystem::path render_texts(const std::vector<std::string>& texts, const std::string& style,
                             const test::TempDir& dir, Length measure = Length::from_mm(170)) {
    const auto& t = test::typeset();
    const compose::Typesetter ts = t.setter();
    compose::Document doc;
    doc.trim = {Length::from_mm(210), Length::from_mm(297)};
    doc.pages.emplace_back();
    Length y = Length::from_mm(20);
    for (const auto& text : texts) {
        compose::TextOptions opt;
        opt.no_indent = true;
        compose::TextBlock b = ts.paragraph(text, t.layout.style(style), measure, opt);
        for (auto run : b.runs) {
            run.origin.x += Length::from_mm(20);
            run.origin.y += y;
            doc.pages[0].items.emplace_back(std::move(run));
        }
        y += b.height + Length::from_mm(10);
    }
    const auto pdf = dir.path() / "p.pdf";
    Diagnostics diags;
    std::string bytes;
    REQUIRE(render::render_pdf_part({doc, t.layout, t.fonts}, 0, doc.pages.size(), bytes, diags));
    std::ofstream(pdf, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return pdf;
}

// The words pdftotext -bbox finds in the rendered texts.
std::vector<Word> render_and_read(const std::vector<std::string>& texts, const std::string& style) {
    test::TempDir dir;
    const auto pdf = render_texts(texts, style, dir);
    const auto out = test::run("pdftotext -bbox -enc UTF-8 " + test::quote(pdf) + " -");
    REQUIRE(out.exit_code == 0);
    std::vector<Word> words;
    const std::regex re(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    for (std::sregex_iterator it(out.output.begin(), out.output.end(), re), end; it != end; ++it) {
        words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    }
    return words;
}

}  // namespace

// The words that pdftotext found on the line of `first`, left to right. It breaks a line into
// words where glyph boxes overlap (a punctuation blank taken) or leave a gap (an aki), which is
// what lets the test see the spacing; a box spans the glyphs' advances from their pens.
std::vector<Word> line_of(const std::vector<Word>& words, const std::string& first) {
    std::vector<Word> out;
    double y = -1;
    for (const auto& w : words) {
        if (y < 0 && w.text == first) y = w.y1;
        if (y >= 0 && std::abs(w.y1 - y) < 0.5) out.push_back(w);
    }
    return out;
}

TEST_CASE("consecutive punctuation in the PDF: 」「, 。」 and 、「 leave half an em of blank",
          "[typeset][pdf]") {
    const double em = test::typeset().layout.style("lead").size.pt();
    const auto words = render_and_read({"あ」「い", "あ。」い", "う、「え", "う」（え"}, "lead");
    // Each full-width punctuation glyph has a one-em advance with its ink on one half; the ink
    // of the two marks is then exactly the distance between their pens (jlreq.md §4).
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"あ」", "「い"}, {"あ。", "」い"}, {"う、", "「え"}, {"う」", "（え"}}) {
        INFO(a << " | " << b);
        const auto line = line_of(words, a);
        REQUIRE(line.size() == 2);
        CHECK(line[1].text == b);
        const double pen_first = line[0].x1 - em;  // the mark ending the first word
        CHECK(line[1].x0 - pen_first == Approx(em / 2).margin(0.01));
    }
}

TEST_CASE("Japanese and Latin are a quarter em apart in the PDF", "[typeset][pdf]") {
    const double em = test::typeset().layout.style("lead").size.pt();
    const auto line = line_of(render_and_read({"漢字ABC漢字"}, "lead"), "漢字");
    REQUIRE(line.size() == 3);
    CHECK(line[1].text == "ABC");
    CHECK(line[1].x0 - line[0].x1 == Approx(em / 4).margin(0.01));
    CHECK(line[2].x0 - line[1].x1 == Approx(em / 4).margin(0.01));
}

TEST_CASE("a mid-paragraph ！ is followed by one em of space, and no character", "[typeset][pdf]") {
    const double em = test::typeset().layout.style("lead").size.pt();
    const auto words = render_and_read({"うまい！また来たい。"}, "lead");
    const auto line = line_of(words, "うまい！");
    REQUIRE(line.size() == 2);
    CHECK(line[1].text == "また来たい。");
    CHECK(line[1].x0 - line[0].x1 == Approx(em).margin(0.01));
}

TEST_CASE("the PDF's text is the content's text: no ruby, no added space, digits as written",
          "[typeset][pdf]") {
    const std::string text =
        "｜前鳥《さき とり》神社にほど近い｜四之宮《し の みや》の店。うまい！また来たい。"
        "電話は0463-21-1234、詳しくはhttps://example.jp/hiratsuka/food/2025/shops/nagisaへ。";
    test::TempDir dir;
    const auto pdf = render_texts({text}, "body", dir, Length::from_mm(40));  // several lines, a URL broken
    const auto out = test::run("pdftotext -raw -enc UTF-8 " + test::quote(pdf) + " -");
    REQUIRE(out.exit_code == 0);
    CHECK(test::strip_space(out.output) == compose::plain_text(text));
}
