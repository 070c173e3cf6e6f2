// compose/store: paragraphs kept between builds. What comes back from the bytes must set exactly
// as what went in, and anything damaged, cut short or from another context must not be taken.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "compose/store.h"
#include "compose/text.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

struct Fonts {
    Diagnostics diags;
    style::LayoutSet layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", diags);
    shape::FontSet fonts = shape::FontSet::open(
        shape::read_font_lock(fs::path(SHOKUHON_SOURCE_DIR) / "fonts/fonts.lock", diags), diags);
};

// Everything a block draws, as text.
std::string drawn(const compose::TextBlock& b) {
    std::string s = std::to_string(b.lines) + " " + std::to_string(b.height.sp) + " " + std::to_string(b.width.sp) + "\n";
    for (const auto& r : b.runs) {
        s += r.font + " " + std::to_string(r.size.sp) + " " + std::to_string(r.origin.x.sp) + "," +
             std::to_string(r.origin.y.sp) + " " + r.utf8 + ":";
        for (const auto& g : r.glyphs) s += " " + std::to_string(g.gid) + "@" + std::to_string(g.x.sp) + "," + std::to_string(g.y.sp);
        s += "\n";
    }
    return s;
}

const std::vector<std::string> kTexts = {
    "相模湾の朝獲れ鮮魚を、その日のうちに。地魚の刺身定食は「しらす」と「アジ」が看板で、週末は開店前から行列ができる。",
    "ＪＲ平塚駅から徒歩５分。Wi-Fiあり、カード可（VISA・Master）。営業は11:00〜21:00。",
    "｜平塚《ひら つか》の七夕まつりに合わせた限定メニューもある。",
};

// Sets every text in three measures and one line of each: what a build asks of a Typesetter.
std::string set_all(const compose::Typesetter& ts, const style::LayoutSet& layout) {
    std::string out;
    const auto& body = layout.style("body");
    for (const auto& t : kTexts) {
        for (const double mm : {60.0, 85.0, 170.0}) out += drawn(ts.paragraph(t, body, Length::from_mm(mm)));
        out += std::to_string(ts.width(t, layout.style("headline")).sp) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("compositions kept in a store set exactly as composed, from their bytes", "[compose][store]") {
    Fonts f;
    REQUIRE_FALSE(f.diags.has_errors());
    compose::CompositionStore a("context 1");
    const std::string fresh = set_all(compose::Typesetter(f.fonts, f.layout, linebreak::Mode::kOptimal, nullptr, &a), f.layout);
    CHECK(a.size() == kTexts.size() * 4);  // three measures and one plain shaping per text
    CHECK(a.hits() == 0);
    const std::string bytes = a.serialize();

    compose::CompositionStore b("context 1");
    REQUIRE(b.parse(bytes));
    CHECK(b.size() == a.size());
    const std::string kept = set_all(compose::Typesetter(f.fonts, f.layout, linebreak::Mode::kOptimal, nullptr, &b), f.layout);
    CHECK(kept == fresh);
    CHECK(b.hits() == b.size());  // nothing composed again
    CHECK_FALSE(b.added());
    CHECK_FALSE(b.changed());
    CHECK(b.serialize() == bytes);  // the same entries, the same bytes

    SECTION("a new paragraph is appended as a segment, and the file reads whole") {
        compose::Typesetter ts(f.fonts, f.layout, linebreak::Mode::kOptimal, nullptr, &b);
        const auto block = ts.paragraph("湘南ひらつか七夕まつりの季節だけの一皿。", f.layout.style("body"), Length::from_mm(85));
        CHECK(b.added());
        const std::string file = bytes + b.segment();
        compose::CompositionStore c("context 1");
        REQUIRE(c.parse(file));
        CHECK(c.size() == b.size());
        compose::Typesetter tc(f.fonts, f.layout, linebreak::Mode::kOptimal, nullptr, &c);
        CHECK(drawn(tc.paragraph("湘南ひらつか七夕まつりの季節だけの一皿。", f.layout.style("body"), Length::from_mm(85))) ==
              drawn(block));
        CHECK(c.hits() == 1);
        CHECK(c.stale());  // one used of many read: the next save rewrites the file
        compose::CompositionStore cut("context 1");
        CHECK_FALSE(cut.parse(file.substr(0, file.size() - 7)));  // an append cut short by a crash
        CHECK(cut.size() == 0);
    }
    SECTION("damaged bytes or another context are not taken") {
        std::string damaged = bytes;
        damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x20);
        compose::CompositionStore d("context 1");
        CHECK_FALSE(d.parse(damaged));
        CHECK(d.size() == 0);
        compose::CompositionStore other("context 2");  // other fonts, HarfBuzz or program
        CHECK_FALSE(other.parse(bytes));
        CHECK(other.size() == 0);
        compose::CompositionStore empty("context 1");
        CHECK_FALSE(empty.parse(""));
        CHECK_FALSE(empty.parse("shokuhon compositions 1\n"));
    }
}
