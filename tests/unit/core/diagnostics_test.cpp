#include <catch2/catch.hpp>
#include <sstream>

#include "core/diagnostics.h"
#include "core/units.h"

using namespace shokuhon;

TEST_CASE("diagnostics print as file:line:col: severity: message [code] with hints", "[core]") {
    Diagnostics d;
    d.error("E-CONTENT-012", {"content/shops/a.xml", 42, 7}, "shop \"なぎさ\" (fish-001): no closing time",
            "write it as 11:30-14:00");
    d.warning("W-X-1", {"b.xml", 3, 1}, "careful");
    CHECK(d.has_errors());
    CHECK(d.error_count() == 1);
    CHECK(d.warning_count() == 1);
    CHECK(format(d.all()[0]) ==
          "content/shops/a.xml:42:7: error: shop \"なぎさ\" (fish-001): no closing time [E-CONTENT-012]\n"
          "  hint: write it as 11:30-14:00");
    std::ostringstream out;
    print_all(d, out);
    CHECK(out.str().find("b.xml:3:1: warning: careful [W-X-1]") != std::string::npos);
}

TEST_CASE("lengths convert exactly between units", "[core]") {
    CHECK(Length::from_pt(1).sp == 65536);
    CHECK(Length::from_q(4).sp == Length::from_mm(1).sp);
    CHECK(std::abs(Length::from_mm(25.4).pt() - 72.0) < 1e-9);
    CHECK((Length::from_pt(10) * 3 - Length::from_pt(5)).pt() == 25.0);
}
