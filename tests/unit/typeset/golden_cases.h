// The golden paragraphs of tests/golden/linebreak/*.txt: reading a case and composing it with
// the sample layouts and pinned fonts (golden_test.cpp dumps the lines, page_image_test.cpp
// draws them).
#pragma once
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "compose/ruby.h"
#include "support/run.h"
#include "unit/typeset/golden_support.h"

namespace shokuhon::test {

inline const std::filesystem::path kCorpus = std::filesystem::path(SHOKUHON_SOURCE_DIR) / "tests/golden/linebreak";

struct Case {
    std::map<std::string, std::string> header;  // style, width, mode, kinsoku, hang, writing, items
    std::string text;                           // ruby as <ruby rt="…">…</ruby>
};

// "key: value" lines, then a line "---", then the paragraph (its line breaks are dropped).
inline Case read_case(const std::filesystem::path& file) {
    Case c;
    std::istringstream in(read_file(file));
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

inline style::TextStyle style_of(const Case& c) {
    auto st = typeset().layout.style(c.header.count("style") ? c.header.at("style") : "body");
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

inline compose::Composition compose_case(const Case& c) {
    const auto mode = c.header.count("mode") && c.header.at("mode") == "greedy" ? linebreak::Mode::kGreedy
                                                                               : linebreak::Mode::kOptimal;
    const auto width = style::parse_length(c.header.count("width") ? c.header.at("width") : "60mm");
    REQUIRE(width.has_value());
    return typeset().setter(mode).compose(compose::ruby_from_markup(c.text), style_of(c), *width);
}

}  // namespace shokuhon::test
