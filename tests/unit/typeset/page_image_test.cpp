// Page-image goldens: a few hard paragraphs of the golden corpus (ruby, consecutive
// punctuation, hanging punctuation, Latin inside Japanese, a vertical headline, a vertical
// body with 縦中横) are set into their measure and drawn by the real renderer at 200 dpi; the
// pixels must match the reviewed PNG in tests/golden/pages/. The measure is drawn as a hairline
// frame so that flush edges, hanging 。、 and ruby clearance show in the image.
//
// On a difference the test writes NAME.actual.png and NAME.diff.png (changed pixels in red)
// beside the golden and fails; SHOKUHON_UPDATE_GOLDEN=1 rewrites the goldens instead (look at
// every changed image before committing).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "render/render.h"
#include "support/run.h"
#include "unit/typeset/golden_cases.h"
#include "unit/typeset/golden_support.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kPages = fs::path(SHOKUHON_SOURCE_DIR) / "tests/golden/pages";
constexpr double kDpi = 200;

// The case's paragraph in its measure, on a page just large enough, with a margin of 4 mm.
compose::Document page_of(const test::Case& c) {
    const compose::Composition comp = test::compose_case(c);
    REQUIRE_FALSE(comp.lines.empty());
    const auto st = test::style_of(c);
    const auto width = *style::parse_length(c.header.count("width") ? c.header.at("width") : "60mm");
    const auto setter = test::typeset().setter();
    compose::TextOptions opt;
    if (st.colour == "white") opt.colour = "black";  // opener titles: white on a section colour
    const compose::TextBlock block = setter.paragraph(compose::ruby_from_markup(c.text), st, width, opt);
    REQUIRE(block.overfull == 0);

    const Length margin = Length::from_mm(4);
    // The measure: across for horizontal text, down for vertical text.
    const Size measure = block.vertical ? Size{block.width, width} : Size{width, block.height};
    compose::Document doc;
    doc.trim = {measure.w + margin * 2, measure.h + margin * 2};
    compose::Page page;
    page.folio = 1;
    page.label = "1";
    compose::RectItem frame;
    frame.rect = {margin, margin, measure.w, measure.h};
    frame.stroke = "rule";
    frame.stroke_width = Length::from_pt(0.25);
    page.items.emplace_back(frame);
    for (compose::GlyphRun run : block.runs) {
        run.origin.x += margin;
        run.origin.y += margin;
        page.items.emplace_back(std::move(run));
    }
    doc.pages.push_back(std::move(page));
    return doc;
}

// Channels differing by more than this count as a changed pixel (anti-aliasing noise is far
// below it: the renderer, fonts and Cairo are fixed, so equal inputs give equal pixels).
constexpr int kChannelTolerance = 8;

int channel(std::uint32_t rgb, int shift) { return static_cast<int>((rgb >> shift) & 0xFFu); }

bool differs(std::uint32_t a, std::uint32_t b) {
    for (int shift : {0, 8, 16}) {
        if (std::abs(channel(a, shift) - channel(b, shift)) > kChannelTolerance) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("page images of hard paragraphs match the reviewed ones", "[typeset][pages]") {
    REQUIRE_FALSE(test::typeset().diags.has_errors());
    const bool update = std::getenv("SHOKUHON_UPDATE_GOLDEN") != nullptr;
    const std::vector<std::string> cases = {"ruby-1-55mm",      "punct-1-55mm",  "hang-47mm",
                                            "mixed-1-57mm",     "vertical-2-50mm", "vertical-body-50mm",
                                            "headline-palt-60mm"};
    for (const auto& name : cases) {
        INFO(name);
        const test::Case c = test::read_case(test::kCorpus / (name + ".txt"));
        const compose::Document doc = page_of(c);
        const render::RenderInputs in{doc, test::typeset().layout, test::typeset().fonts};
        Diagnostics diags;
        render::Raster got;
        REQUIRE(render::render_raster(in, 0, kDpi, got, diags));
        REQUIRE(got.width > 0);

        const fs::path want_file = kPages / (name + ".png");
        const fs::path actual_file = kPages / (name + ".actual.png");
        const fs::path diff_file = kPages / (name + ".diff.png");
        if (update) {
            test::write_file(want_file, render::encode_png(got));
            fs::remove(actual_file);
            fs::remove(diff_file);
            continue;
        }
        REQUIRE(fs::exists(want_file));
        render::Raster want;
        REQUIRE(render::decode_png(test::read_file(want_file), want));
        bool same_size = want.width == got.width && want.height == got.height;
        std::size_t changed = 0;
        render::Raster diff = got;
        if (same_size) {
            for (std::size_t i = 0; i < got.rgb.size(); ++i) {
                const bool d = differs(got.rgb[i], want.rgb[i]);
                changed += d ? 1 : 0;
                // Changed pixels red; the rest faded, so the change stands out.
                diff.rgb[i] = d ? 0xFF0000u : (0xC0C0C0u | (got.rgb[i] & 0x3F3F3Fu));
            }
        }
        if (same_size && changed == 0) {
            fs::remove(actual_file);
            fs::remove(diff_file);
            continue;
        }
        test::write_file(actual_file, render::encode_png(got));
        if (same_size) test::write_file(diff_file, render::encode_png(diff));
        FAIL_CHECK(name << ": " << (same_size ? std::to_string(changed) + " pixels differ"
                                              : "the page size changed (" + std::to_string(got.width) + "×" +
                                                    std::to_string(got.height) + " px, was " +
                                                    std::to_string(want.width) + "×" +
                                                    std::to_string(want.height) + ")")
                        << "; see " << actual_file.string() << " (SHOKUHON_UPDATE_GOLDEN=1 to accept)");
    }
}

TEST_CASE("the page-image comparison notices a one-character change", "[typeset][pages]") {
    // The same paragraph with one character replaced must not match the golden: the check is
    // not blind.
    test::Case c = test::read_case(test::kCorpus / "punct-1-55mm.txt");
    const auto pos = c.text.find("。");
    REQUIRE(pos != std::string::npos);
    c.text.replace(pos, std::string("。").size(), "、");
    const compose::Document doc = page_of(c);
    const render::RenderInputs in{doc, test::typeset().layout, test::typeset().fonts};
    Diagnostics diags;
    render::Raster got, want;
    REQUIRE(render::render_raster(in, 0, kDpi, got, diags));
    REQUIRE(render::decode_png(test::read_file(kPages / "punct-1-55mm.png"), want));
    std::size_t changed = 0;
    if (want.width == got.width && want.height == got.height) {
        for (std::size_t i = 0; i < got.rgb.size(); ++i) changed += differs(got.rgb[i], want.rgb[i]) ? 1 : 0;
    } else {
        changed = got.rgb.size();
    }
    CHECK(changed > 0);
}
