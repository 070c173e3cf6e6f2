// finish/content_lexer: the tokens the print pass and preflight read content streams with.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "finish/cmyk.h"
#include "finish/content_lexer.h"
#include "finish/recolour.h"

using namespace shokuhon;
using finish::ContentLexer;
using finish::ContentToken;

namespace {

std::vector<ContentToken> lex(std::string_view s) {
    std::vector<ContentToken> out;
    ContentLexer l(s);
    for (ContentToken t = l.next(); t.kind != ContentToken::kEnd; t = l.next()) out.push_back(t);
    return out;
}

std::string kinds(const std::vector<ContentToken>& ts) {
    static const char* kNames[] = {"num", "name", "str", "arr", "dict", "kw", "op", "data", "bad", "end"};
    std::string s;
    for (const auto& t : ts) s += std::string(s.empty() ? "" : " ") + kNames[t.kind];
    return s;
}

}  // namespace

TEST_CASE("content lexer: operators and their operands, as Cairo writes a text page", "[finish][lexer]") {
    const std::string s = "q\n0.2 0.4 .6 rg\nBT /f-0-0 1 Tf [<0012>-12<0034>]TJ (a\\)b(c)) Tj T* ' ET Q";
    const auto t = lex(s);
    CHECK(kinds(t) == "op num num num op op name num op arr op str op op op op op");
    CHECK(t[0].text == "q");
    CHECK(t[1].number == 0.2);
    CHECK(t[3].number == 0.6);
    CHECK(t[4].text == "rg");
    CHECK(t[6].text == "/f-0-0");
    CHECK(t[9].text == "[<0012>-12<0034>]");
    CHECK(t[11].text == "(a\\)b(c))");  // an escaped parenthesis and a nested pair
    CHECK(t[13].text == "T*");
    CHECK(t[14].text == "'");
    for (const auto& x : t) CHECK(s.substr(x.begin, x.end - x.begin) == x.text);
}

TEST_CASE("content lexer: numbers, keywords, dictionaries and comments", "[finish][lexer]") {
    const auto t = lex("+.5 -3. 12 1.2.3 true null % a comment ( not a string\n<< /A (]) /B [1 2] >> BDC");
    CHECK(kinds(t) == "num num num op kw kw dict op");
    CHECK(t[0].number == 0.5);
    CHECK(t[1].number == -3.0);
    CHECK(t[2].number == 12);
    CHECK(t[3].text == "1.2.3");  // not a number: an unknown operator, as a reader sees it
    CHECK(t[6].text == "<< /A (]) /B [1 2] >>");
}

TEST_CASE("content lexer: an inline image's bytes end at white space, EI, white space", "[finish][lexer]") {
    const std::string s = "BI /W 2 /H 1 /CS /RGB /BPC 8 ID \x01" "EI\xffxEI\x02\nEI Q";
    const auto t = lex(s);
    CHECK(kinds(t) == "op name num name num name name name num op data op op");
    CHECK(t[10].text == "\x01" "EI\xffxEI\x02");  // "EI" inside the data does not end it
    CHECK(t[11].text == "EI");
    CHECK(t[12].text == "Q");
}

TEST_CASE("content lexer: malformed streams give bad tokens and end, never read past the data", "[finish][lexer]") {
    CHECK(kinds(lex("(open string")) == "bad");
    CHECK(kinds(lex("[1 2")) == "bad");
    CHECK(kinds(lex(") ] > 1 rg")) == "bad bad bad num op");
    CHECK(kinds(lex("BI /W 1 ID no end")) == "op name num op bad");
    CHECK(lex("").empty());
    CHECK(lex(" \n% only a comment").empty());
}

TEST_CASE("content lexer: names decode #xx escapes", "[finish][lexer]") {
    CHECK(finish::name_value("/F#201") == "F 1");
    CHECK(finish::name_value("/DeviceRGB") == "DeviceRGB");
    CHECK(finish::name_value("/A#2") == "A#2");  // too short for an escape: kept
}

TEST_CASE("recolour_content changes colour operators and keeps every other byte", "[finish][lexer][cmyk]") {
    const finish::PrintPalette palette({{"ink", 0, 0, 0, {0, 0, 0, 1}, {}}, {"red", 1, 0, 0, {0, 1, 1, 0}, {}}});
    finish::RecolourLog log;
    const std::string in = "q\n0 0 0 rg\n% keep me\n1 0 0 RG (0 0 0 rg) Tj [1 0 0] 0 d 0.5 0.5 0.5 rg Q";
    const std::string out = finish::recolour_content(in, palette, QPDFObjectHandle(), 3, log);
    CHECK(out == "q\n0 0 0 1 k\n% keep me\n0 1 1 0 K (0 0 0 rg) Tj [1 0 0] 0 d 0.5 0.5 0.5 rg Q");
    CHECK(log.rewritten == 2);
    CHECK(log.unmapped.count("0.5 0.5 0.5 rg") == 1);
    CHECK(log.unmapped.at("0.5 0.5 0.5 rg") == 3);
    // An RGB colour space set by name, then sc with three components.
    finish::RecolourLog log2;
    CHECK(finish::recolour_content("/DeviceRGB cs 1 0 0 sc", palette, QPDFObjectHandle(), 1, log2) ==
          "/DeviceCMYK cs 0 1 1 0 sc");
    // Nothing to change: the very same bytes.
    finish::RecolourLog log3;
    const std::string plain = "BT /F1 9 Tf (x) Tj ET\n";
    CHECK(finish::recolour_content(plain, palette, QPDFObjectHandle(), 1, log3) == plain);
    CHECK(log3.rewritten == 0);
}

TEST_CASE("content lexer: ID as the stream's last token ends it (found by fuzz_content_stream)", "[finish][lexer]") {
    CHECK(kinds(lex("BI /W 1 ID")) == "op name num op");
    CHECK(kinds(lex("BI /W 1 ID ")) == "op name num op");
}
