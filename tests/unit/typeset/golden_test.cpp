// Golden line dumps: every paragraph of tests/golden/linebreak/*.txt is composed with the real
// pinned fonts and the sample layouts and printed with compose/dump.h; the text must equal the
// reviewed *.lines beside it. On a mismatch the test writes *.actual and prints a diff;
// SHOKUHON_UPDATE_GOLDEN=1 rewrites the *.lines instead (review them before committing).
// Each paragraph is also checked against the rules directly (golden_rules.h), so a dump that
// breaks a rule cannot be accepted by regenerating.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "compose/dump.h"
#include "support/run.h"
#include "unit/typeset/golden_rules.h"
#include "unit/typeset/golden_support.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kCorpus = fs::path(SHOKUHON_SOURCE_DIR) / "tests/golden/linebreak";

struct Case {
    std::map<std::string, std::string> header;  // style, width, mode, kinsoku, hang, writing, items
    std::string text;                           // ruby as <ruby rt="…">…</ruby>
};

// "key: value" lines, then a line "---", then the paragraph (its line breaks are dropped).
Case read_case(const fs::path& file) {
    Case c;
    std::istringstream in(test::read_file(file));
    bool body = false;
    for (std::string line; std::getline(in, line);) {
        if (body) {
            c.text += line;
        } else if (line == "---") {
            body = true;
        } else if (!line.empty() && line[0] != '#') {
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            const auto v = line.find_first_not_of(' ', colon + 1);
            c.header[line.substr(0, colon)] = v == std::string::npos ? "" : line.substr(v);
        }
    }
    return c;
}

style::TextStyle style_of(const Case& c) {
    auto st = test::typeset().layout.style(c.header.count("style") ? c.header.at("style") : "body");
    const auto get = [&](const char* k) { return c.header.count(k) ? c.header.at(k) : std::string(); };
    const std::string k = get("kinsoku");
    if (k == "strict") st.kinsoku = style::Kinsoku::kStrict;
    if (k == "loose") st.kinsoku = style::Kinsoku::kLoose;
    if (k == "very-loose") st.kinsoku = style::Kinsoku::kVeryLoose;
    if (k == "very-strict") st.kinsoku = style::Kinsoku::kVeryStrict;
    if (get("hang") == "yes") st.hang = true;
    if (get("writing") == "vertical") st.writing = style::Writing::kVertical;
    if (get("align") == "start") st.align = style::Align::kStart;
    return st;
}

compose::Composition compose_case(const Case& c) {
    const auto mode = c.header.count("mode") && c.header.at("mode") == "greedy" ? linebreak::Mode::kGreedy
                                                                               : linebreak::Mode::kOptimal;
    const auto width = style::parse_length(c.header.count("width") ? c.header.at("width") : "60mm");
    REQUIRE(width.has_value());
    return test::typeset().setter(mode).compose(compose::ruby_from_markup(c.text), style_of(c), *width);
}

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kCorpus)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("the golden corpus has at least 80 hard paragraphs", "[typeset][golden]") {
    const auto files = corpus();
    CHECK(files.size() >= 80);
    for (const auto& f : files) {
        INFO(f.filename().string());
        CHECK(fs::exists(fs::path(f).replace_extension(".lines")));
    }
}

TEST_CASE("golden line dumps match the reviewed ones", "[typeset][golden]") {
    REQUIRE_FALSE(test::typeset().diags.has_errors());
    const bool update = std::getenv("SHOKUHON_UPDATE_GOLDEN") != nullptr;
    for (const auto& file : corpus()) {
        const Case c = read_case(file);
        const compose::Composition comp = compose_case(c);
        const std::string got = compose::dump_lines(comp, {c.header.count("items") > 0});
        const fs::path want_file = fs::path(file).replace_extension(".lines");
        const fs::path actual_file = fs::path(file).replace_extension(".actual");
        INFO(file.filename().string() << "\n" << got);
        test::check_rules(comp, c.header.count("allow-short-last") > 0);
        if (update) {
            test::write_file(want_file, got);
            fs::remove(actual_file);
            continue;
        }
        const std::string want = test::read_file(want_file);
        if (got == want) {
            fs::remove(actual_file);
            continue;
        }
        test::write_file(actual_file, got);
        const auto diff = test::run("diff -u " + test::quote(want_file) + " " + test::quote(actual_file));
        FAIL_CHECK(file.filename().string() << " differs (SHOKUHON_UPDATE_GOLDEN=1 to accept):\n" << diff.output);
    }
}
