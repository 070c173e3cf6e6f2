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
#include "unit/typeset/golden_cases.h"
#include "unit/typeset/golden_support.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

using test::Case;
using test::compose_case;
using test::read_case;
using test::kCorpus;

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
