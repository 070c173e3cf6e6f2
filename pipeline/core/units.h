// core/: lengths and geometry shared by every stage. Integers only: 1 pt = 65536 sp (TeX's
// scaled point), so layout arithmetic is exact and deterministic; conversion to double happens
// only at the Cairo boundary.
#pragma once
#include <cmath>
#include <compare>
#include <cstdint>

namespace shokuhon {

struct Length {
    std::int64_t sp = 0;

    static constexpr std::int64_t kPerPt = 65536;
    static constexpr Length from_sp(std::int64_t v) { return Length{v}; }
    static Length from_pt(double pt) { return Length{std::llround(pt * kPerPt)}; }
    static Length from_mm(double mm) { return from_pt(mm * 72.0 / 25.4); }
    // 級 (Q) and 歯 (H): 0.25 mm, the native unit of Japanese type sizes and line feeds.
    static Length from_q(double q) { return from_mm(q * 0.25); }
    double pt() const { return static_cast<double>(sp) / kPerPt; }
    double mm() const { return pt() * 25.4 / 72.0; }

    constexpr Length operator+(Length o) const { return {sp + o.sp}; }
    constexpr Length operator-(Length o) const { return {sp - o.sp}; }
    constexpr Length operator-() const { return {-sp}; }
    constexpr Length& operator+=(Length o) { sp += o.sp; return *this; }
    constexpr Length& operator-=(Length o) { sp -= o.sp; return *this; }
    constexpr Length operator*(std::int64_t k) const { return {sp * k}; }
    constexpr Length operator/(std::int64_t k) const { return {sp / k}; }
    Length scaled(double f) const { return {std::llround(static_cast<double>(sp) * f)}; }
    constexpr auto operator<=>(const Length&) const = default;
};

constexpr Length max(Length a, Length b) { return a < b ? b : a; }
constexpr Length min(Length a, Length b) { return a < b ? a : b; }

struct Point { Length x, y; };
struct Size { Length w, h; };
struct Rect {
    Length x, y, w, h;
    Length right() const { return x + w; }
    Length bottom() const { return y + h; }
};

}  // namespace shokuhon
