#include <catch2/catch.hpp>
#include <map>

#include "compose/pages/ean13.h"

using namespace shokuhon::compose::pages;

namespace {

// An independent decoder: reads the 95 modules back into 13 digits, or "" when invalid.
std::string decode(const std::string& m) {
    if (m.size() != 95 || m.substr(0, 3) != "101" || m.substr(45, 5) != "01010" || m.substr(92) != "101") return {};
    const std::map<std::string, std::pair<char, char>> left = {
        {"0001101", {'0', 'L'}}, {"0011001", {'1', 'L'}}, {"0010011", {'2', 'L'}}, {"0111101", {'3', 'L'}},
        {"0100011", {'4', 'L'}}, {"0110001", {'5', 'L'}}, {"0101111", {'6', 'L'}}, {"0111011", {'7', 'L'}},
        {"0110111", {'8', 'L'}}, {"0001011", {'9', 'L'}}, {"0100111", {'0', 'G'}}, {"0110011", {'1', 'G'}},
        {"0011011", {'2', 'G'}}, {"0100001", {'3', 'G'}}, {"0011101", {'4', 'G'}}, {"0111001", {'5', 'G'}},
        {"0000101", {'6', 'G'}}, {"0010001", {'7', 'G'}}, {"0001001", {'8', 'G'}}, {"0010111", {'9', 'G'}}};
    const std::map<std::string, char> right = {
        {"1110010", '0'}, {"1100110", '1'}, {"1101100", '2'}, {"1000010", '3'}, {"1011100", '4'},
        {"1001110", '5'}, {"1010000", '6'}, {"1000100", '7'}, {"1001000", '8'}, {"1110100", '9'}};
    const std::map<std::string, char> first = {
        {"LLLLLL", '0'}, {"LLGLGG", '1'}, {"LLGGLG", '2'}, {"LLGGGL", '3'}, {"LGLLGG", '4'},
        {"LGGLLG", '5'}, {"LGGGLL", '6'}, {"LGLGLG", '7'}, {"LGLGGL", '8'}, {"LGGLGL", '9'}};
    std::string digits, parity;
    for (int i = 0; i < 6; ++i) {
        auto it = left.find(m.substr(3 + 7 * static_cast<std::size_t>(i), 7));
        if (it == left.end()) return {};
        digits += it->second.first;
        parity += it->second.second;
    }
    for (int i = 0; i < 6; ++i) {
        auto it = right.find(m.substr(50 + 7 * static_cast<std::size_t>(i), 7));
        if (it == right.end()) return {};
        digits += it->second;
    }
    auto f = first.find(parity);
    return f == first.end() ? "" : f->second + digits;
}

}  // namespace

TEST_CASE("EAN-13 check digits", "[compose][barcode]") {
    CHECK(ean13_check("978490829115") == 9);
    CHECK(ean13_check("400638133393") == 1);  // 4006381333931, the textbook example
    CHECK(ean13_check("978030640615") == 7);  // ISBN 978-0-306-40615-7
}

TEST_CASE("the price code is 192 + C-code + 5-digit price + check digit", "[compose][barcode]") {
    const std::string code = book_price_code("9426", 920);
    CHECK(code.substr(0, 12) == "192942600920");
    CHECK(code.size() == 13);
    CHECK(code.back() - '0' == ean13_check(code.substr(0, 12)));
    CHECK(book_price_code("94", 920).empty());
}

TEST_CASE("EAN-13 modules decode back to the same digits", "[compose][barcode]") {
    for (const std::string d : {"9784908291159", "1929426009205", "4006381333931", "0000000000000"}) {
        INFO(d);
        const std::string m = ean13_modules(d);
        CHECK(m.size() == 95);
        CHECK(decode(m) == d);
    }
    CHECK(ean13_modules("123").empty());
}
