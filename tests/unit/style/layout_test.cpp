#include <catch2/catch.hpp>
#include <filesystem>

#include "style/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {
const fs::path kLayouts = fs::path(SHOKUHON_SOURCE_DIR) / "layouts";

std::string all(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += format(x) + "\n";
    return s;
}

struct EditedLayouts {
    test::TempDir dir;
    EditedLayouts(const std::string& file, const std::string& from, const std::string& to) {
        fs::copy(kLayouts, dir.path(), fs::copy_options::recursive);
        std::string xml = test::read_file(dir.path() / file);
        const auto pos = xml.find(from);
        REQUIRE(pos != std::string::npos);
        xml.replace(pos, from.size(), to);
        test::write_file(dir.path() / file, xml);
    }
};
}  // namespace

TEST_CASE("lengths parse with their units", "[style]") {
    CHECK(style::parse_length("12mm") == Length::from_mm(12));
    CHECK(style::parse_length("9pt") == Length::from_pt(9));
    CHECK(style::parse_length("13Q") == Length::from_mm(3.25));
    CHECK(style::parse_length("20H") == Length::from_mm(5));
    CHECK(style::parse_length("1zw", Length::from_pt(9)) == Length::from_pt(9));
    CHECK(style::parse_length("-0.5zw", Length::from_pt(10)) == Length::from_pt(-5));
    CHECK_FALSE(style::parse_length("12").has_value());
    CHECK_FALSE(style::parse_length("12px").has_value());
    CHECK_FALSE(style::parse_length("mm").has_value());
}

TEST_CASE("the sample layouts load with every style and template", "[style]") {
    Diagnostics diags;
    const auto set = style::load_layout_set(kLayouts, diags);
    INFO(all(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(set.style("body").size == Length::from_q(12));
    CHECK(set.style("body").indent == Length::from_q(12));  // 1zw at 12Q
    CHECK(set.find_template("card4") != nullptr);
    CHECK(set.find_template("card4")->get_int("columns", 0) == 2);
    const auto& c = set.colour("fish");
    CHECK(c.c == Approx(0.92));
    CHECK(set.geometry.bleed == Length::from_mm(3));
}

TEST_CASE("an unknown attribute in a layout is an error with file and line", "[style]") {
    EditedLayouts e("layout.xml", "<style name=\"body\" font=\"mincho\"", "<style name=\"body\" fnot=\"x\" font=\"mincho\"");
    Diagnostics diags;
    style::load_layout_set(e.dir.path(), diags);
    const std::string out = all(diags);
    INFO(out);
    CHECK(diags.has_errors());
    CHECK(out.find("layout.xml:") != std::string::npos);
    CHECK(out.find("fnot") != std::string::npos);
    CHECK(out.find("did you mean \"font\"?") != std::string::npos);
}

TEST_CASE("a style with an undeclared colour is an error", "[style]") {
    EditedLayouts e("layout.xml", "name=\"reading\" font=\"gothic\" size=\"8Q\" leading=\"10H\" align=\"start\" colour=\"grey\"",
                    "name=\"reading\" font=\"gothic\" size=\"8Q\" leading=\"10H\" align=\"start\" colour=\"gray\"");
    Diagnostics diags;
    style::load_layout_set(e.dir.path(), diags);
    CHECK(all(diags).find("unknown colour \"gray\"") != std::string::npos);
}

TEST_CASE("changing the cards per page is a layout change only", "[style]") {
    EditedLayouts e("templates.xml", "id=\"card4\" kind=\"shop-cards\" columns=\"2\" rows=\"2\"",
                    "id=\"card4\" kind=\"shop-cards\" columns=\"2\" rows=\"3\"");
    Diagnostics diags;
    const auto set = style::load_layout_set(e.dir.path(), diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(set.find_template("card4")->get_int("rows", 0) == 3);
}

TEST_CASE("a 版面 given as characters × lines derives its margins", "[style]") {
    EditedLayouts e("layout.xml", "<hanmen top=\"16mm\" bottom=\"18mm\" inner=\"16mm\" outer=\"14mm\"",
                    "<hanmen top=\"16mm\" inner=\"16mm\" chars=\"58\" lines=\"55\" style=\"body\"");
    Diagnostics diags;
    const auto set = style::load_layout_set(e.dir.path(), diags);
    INFO(all(diags));
    REQUIRE_FALSE(diags.has_errors());
    // body: 12Q (3 mm) on 19H (4.75 mm): 58 × 3 = 174 mm wide, 54 × 4.75 + 3 = 259.5 mm tall.
    CHECK(std::abs(set.geometry.outer.mm() - (210 - 16 - 174)) < 0.01);
    CHECK(std::abs(set.geometry.bottom.mm() - (297 - 16 - 259.5)) < 0.01);
}

TEST_CASE("a 版面 larger than the page is an error", "[style]") {
    EditedLayouts e("layout.xml", "<hanmen top=\"16mm\" bottom=\"18mm\" inner=\"16mm\" outer=\"14mm\"",
                    "<hanmen top=\"16mm\" inner=\"16mm\" chars=\"80\" lines=\"55\" style=\"body\"");
    Diagnostics diags;
    style::load_layout_set(e.dir.path(), diags);
    CHECK(all(diags).find("do not fit on the page") != std::string::npos);
}

TEST_CASE("a template's grid and named frames load, a misspelt name suggests the right one", "[style][grid]") {
    Diagnostics diags;
    const auto set = style::load_layout_set(kLayouts, diags);
    INFO(all(diags));
    REQUIRE_FALSE(diags.has_errors());
    const auto* card4 = set.find_template("card4");
    REQUIRE(card4 != nullptr);
    CHECK(card4->grid.gutter == Length::from_mm(9));
    CHECK(card4->grid.baseline == Length::from_q(19));
    CHECK_FALSE(card4->grid.row_gutter.has_value());
    // <frame name="photo" share=… position=…> stands for photo-share and photo-position.
    const auto* card2 = set.find_template("card2");
    REQUIRE(card2 != nullptr);
    CHECK(card2->get("photo-position") == "outside");
    CHECK(card2->get_double("photo-share", 0) == Approx(0.46));

    EditedLayouts typo("templates.xml", "<grid gutter=\"9mm\" baseline=\"19H\"/>\n  </template>",
                       "<grid gutter=\"9mm\" baseline=\"19H\" colums=\"2\"/>\n  </template>");
    Diagnostics d1;
    style::load_layout_set(typo.dir.path(), d1);
    const std::string out1 = all(d1);
    INFO(out1);
    CHECK(d1.has_errors());
    CHECK(out1.find("templates.xml:") != std::string::npos);
    CHECK(out1.find("did you mean \"columns\"?") != std::string::npos);

    EditedLayouts element("templates.xml", "<grid gutter=\"9mm\" baseline=\"19H\"/>\n  </template>",
                          "<gird gutter=\"9mm\" baseline=\"19H\"/>\n  </template>");
    Diagnostics d2;
    style::load_layout_set(element.dir.path(), d2);
    INFO(all(d2));
    CHECK(all(d2).find("did you mean \"grid\"?") != std::string::npos);

    EditedLayouts wrong("templates.xml", "<frame name=\"photo\" share=\"0.46\"",
                        "<frame name=\"photo\" columns=\"2\" share=\"0.46\"");
    Diagnostics d3;
    style::load_layout_set(wrong.dir.path(), d3);
    const std::string out3 = all(d3);
    INFO(out3);
    CHECK(out3.find("E-LAYOUT-011") != std::string::npos);
    CHECK(out3.find("a photo frame takes height, position, share") != std::string::npos);
}

TEST_CASE("a grid or frame a template kind does not use is an error, not ignored", "[style][grid]") {
    EditedLayouts idx("templates.xml", "<grid gutter=\"4.5mm\"/>", "<grid gutter=\"4.5mm\" baseline=\"19H\"/>");
    Diagnostics d1;
    style::load_layout_set(idx.dir.path(), d1);
    INFO(all(d1));
    CHECK(all(d1).find("an index's grid takes only gutter, not baseline") != std::string::npos);

    EditedLayouts cover("templates.xml", "<template id=\"cover\" kind=\"cover\" folio=\"no\" running-head=\"no\" tab=\"no\"/>",
                        "<template id=\"cover\" kind=\"cover\" folio=\"no\" running-head=\"no\" tab=\"no\"><grid gutter=\"9mm\"/></template>");
    Diagnostics d2;
    style::load_layout_set(cover.dir.path(), d2);
    INFO(all(d2));
    CHECK(all(d2).find("E-LAYOUT-012") != std::string::npos);
}
