// CSV reading and writing, and the encodings editors' spreadsheets come in.
#include <catch2/catch.hpp>

#include "app/csv.h"

using namespace shokuhon::app;

TEST_CASE("CSV: quoted fields, doubled quotes, line breaks inside quotes, CRLF", "[import]") {
    const auto t = csv::parse("id,name\r\nfish-001,\"魚処 \"\"波\"\"\r\nまくら\"\r\n\r\nfish-002,\"a,b\"\n");
    REQUIRE(t.error.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].number == 2);
    CHECK(t.rows[1].cells[1] == "魚処 \"波\"\r\nまくら");
    CHECK(t.rows[2].number == 4);  // the blank record keeps its row number, as in a spreadsheet
    CHECK(t.rows[2].cells[1] == "a,b");
}

TEST_CASE("CSV: an unclosed quote names the row it opened in", "[import]") {
    const auto t = csv::parse("a,b\n1,2\n3,\"open\n4,5\n");
    CHECK(t.error == "a quoted field is not closed");
    CHECK(t.error_row == 3);
}

TEST_CASE("CSV: what format_row writes, parse reads back", "[import]") {
    const std::vector<std::string> cells = {"plain", "with,comma", "with \"quote\"", "two\nlines", "", " padded "};
    const auto t = csv::parse(csv::format_row(cells));
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cells == cells);
    CHECK(csv::column_name(1) == "A");
    CHECK(csv::column_name(26) == "Z");
    CHECK(csv::column_name(28) == "AB");
}

TEST_CASE("encoding: UTF-8 with or without BOM is taken as it is", "[import]") {
    auto d = csv::decode("\xEF\xBB\xBFid,店名\n");
    CHECK(d.ok);
    CHECK(d.bom);
    CHECK(d.encoding == csv::Encoding::kUtf8);
    CHECK(d.utf8 == "id,店名\n");
    d = csv::decode("id,店名\n");
    CHECK((d.ok && !d.bom && d.utf8 == "id,店名\n"));
}

TEST_CASE("encoding: Shift_JIS (CP932) as Excel writes it, 〜 as the book writes it", "[import]") {
    // 店名 = 0x93 0x58 0x96 0xBC; 11:00〜14:00 with CP932's wave dash 0x81 0x60.
    const auto d = csv::decode("id,\x93\x58\x96\xBC\r\nx,11:00\x81\x60" "14:00\r\n");
    REQUIRE(d.ok);
    CHECK(d.encoding == csv::Encoding::kCp932);
    CHECK(d.utf8 == "id,店名\r\nx,11:00\u301C14:00\r\n");  // U+301C, not CP932's U+FF5E
}

TEST_CASE("encoding: bytes that are neither UTF-8 nor CP932 are reported with their line", "[import]") {
    const auto d = csv::decode("id,name\nok,ok\nbad,\x85\x40\n");  // 0x85 0x40 is unassigned in CP932
    CHECK_FALSE(d.ok);
    CHECK(d.bad_line == 3);
}

TEST_CASE("encoding: CP932 round trip, characters it lacks as references", "[import]") {
    const std::string text = "らゔぁーぐ 11:00〜14:00 ‖ − ¢ £ ¬ — 𠮷 &#x41; ①";
    std::vector<std::string> missing;
    const std::string sjis = csv::encode_cp932(text, &missing);
    CHECK(missing == std::vector<std::string>{"ゔ", "𠮷"});
    const auto back = csv::decode(sjis);
    REQUIRE(back.ok);
    CHECK(back.encoding == csv::Encoding::kCp932);
    CHECK(back.utf8 == text);
}
