// The whole sample book against the composition rules: every paragraph the page builders set
// (card descriptions, headlines, products, recommendations, spots, captions, colophon …) is
// seen through the Typesetter's observer and checked as the golden paragraphs are
// (golden_rules.h): no line starts with a line-start-prohibited character, none but the last
// ends with an opening bracket, no last line of fewer than three characters, no token broken
// where it must not be, every justified line but the last flush with the measure.
#include <catch2/catch.hpp>
#include <filesystem>
#include <vector>

#include "compose/paginate.h"
#include "content/load.h"
#include "unit/typeset/golden_rules.h"
#include "unit/typeset/golden_support.h"

namespace fs = std::filesystem;
using namespace shokuhon;

TEST_CASE("every paragraph of the sample book obeys the line-breaking rules", "[typeset][book]") {
    const fs::path src = SHOKUHON_SOURCE_DIR;
    Diagnostics diags;
    const content::Loaded loaded = content::load_book(src / "content", diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto& ts = test::typeset();

    std::vector<compose::Composition> seen;
    const compose::ParagraphObserver observe = [&](const compose::Composition& c) { seen.push_back(c); };
    compose::PaginateOptions opts;
    opts.content_dir = src / "content";
    opts.observer = &observe;
    const compose::Document doc = compose::paginate(loaded.book, ts.layout, ts.fonts, opts, diags);
    REQUIRE(doc.pages.size() == 80);

    std::size_t lines = 0, multi_line = 0;
    for (const auto& c : seen) {
        if (c.lines.empty()) continue;
        lines += c.lines.size();
        multi_line += c.lines.size() > 1 ? 1 : 0;
        INFO(c.text);
        test::check_rules(c, false);
    }
    // The observer saw the book's text, not a handful of labels.
    CHECK(seen.size() > 1000);
    CHECK(multi_line > 300);
    CHECK(lines > 2500);
}
