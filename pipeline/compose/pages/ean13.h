// compose/pages/: EAN-13 for the 書籍JANコード. Pure functions, tested in tests/unit/compose.
#pragma once
#include <array>
#include <string>

namespace shokuhon::compose::pages {

inline std::string digits_of(const std::string& s) {
    std::string d;
    for (char c : s) {
        if (c >= '0' && c <= '9') d += c;
    }
    return d;
}

// Check digit of the first 12 digits (weights 1, 3, 1, 3, …), as for ISBN-13.
inline int ean13_check(const std::string& d12) {
    int sum = 0;
    for (std::size_t i = 0; i < 12 && i < d12.size(); ++i) sum += (d12[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

// The second bar code: 192 + C-code (4 digits) + price before tax (5 digits) + check digit.
inline std::string book_price_code(const std::string& c_code, int price) {
    std::string p = std::to_string(price);
    std::string d = "192" + c_code + std::string(p.size() < 5 ? 5 - p.size() : 0, '0') + p;
    if (d.size() != 12) return {};
    return d + static_cast<char>('0' + ean13_check(d));
}

// 95 modules ('1' = bar): guard, 6 left digits (L/G by the first digit), centre, 6 right (R), guard.
inline std::string ean13_modules(const std::string& d) {
    static constexpr std::array<const char*, 10> kL = {"0001101", "0011001", "0010011", "0111101", "0100011",
                                                      "0110001", "0101111", "0111011", "0110111", "0001011"};
    static constexpr std::array<const char*, 10> kParity = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                                           "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"};
    if (d.size() != 13) return {};
    std::string out = "101";
    const char* parity = kParity[static_cast<std::size_t>(d[0] - '0')];
    for (std::size_t i = 1; i <= 6; ++i) {
        const std::string l = kL[static_cast<std::size_t>(d[i] - '0')];
        if (parity[i - 1] == 'L') {
            out += l;
        } else {  // G: the R pattern reversed; R is L with every module inverted.
            std::string g;
            for (auto it = l.rbegin(); it != l.rend(); ++it) g += (*it == '1' ? '0' : '1');
            out += g;
        }
    }
    out += "01010";
    for (std::size_t i = 7; i <= 12; ++i) {
        for (char c : std::string(kL[static_cast<std::size_t>(d[i] - '0')])) out += (c == '1' ? '0' : '1');
    }
    return out + "101";
}

}  // namespace shokuhon::compose::pages
