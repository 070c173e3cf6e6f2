// Templates designers own: a template's <grid> (columns, gutters, baseline grid) places the card
// blocks, so a change in layouts/templates.xml alone moves them; and no heading is left alone at
// the foot of a page or column with its body on the next.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "compose/paginate.h"
#include "compose/text.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;

std::string all(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += format(x) + "\n";
    return s;
}

// The sample book composed with the sample layouts, or with a copy of them in which `from` is
// replaced by `to` in templates.xml (a designer's edit, nothing else).
struct Book {
    test::TempDir dir;
    Diagnostics diags;
    compose::Document doc;
    style::LayoutSet layout;

    explicit Book(const std::string& from = {}, const std::string& to = {}) {
        fs::path layouts = kSource / "layouts";
        if (!from.empty()) {
            fs::copy(layouts, dir.path(), fs::copy_options::recursive);
            std::string xml = test::read_file(dir.path() / "templates.xml");
            const auto pos = xml.find(from);
            REQUIRE(pos != std::string::npos);
            xml.replace(pos, from.size(), to);
            test::write_file(dir.path() / "templates.xml", xml);
            layouts = dir.path();
        }
        const auto loaded = content::load_book(kSource / "content", diags);
        layout = style::load_layout_set(layouts, diags);
        const auto fonts =
            shape::FontSet::open(shape::read_font_lock(kSource / "fonts/fonts.lock", diags), diags);
        INFO(all(diags));
        REQUIRE_FALSE(diags.has_errors());
        compose::PaginateOptions opts;
        opts.content_dir = kSource / "content";
        doc = compose::paginate(loaded.book, layout, fonts, opts, diags);
        REQUIRE_FALSE(diags.has_errors());
    }

    const compose::Page& page(int folio) const {
        for (const auto& p : doc.pages) {
            if (p.folio == folio) return p;
        }
        FAIL("no page " << folio);
        return doc.pages.front();
    }
};

std::vector<Rect> photos(const compose::Page& p) {
    std::vector<Rect> out;
    for (const auto& item : p.items) {
        if (const auto* im = std::get_if<compose::ImageItem>(&item)) out.push_back(im->frame);
    }
    std::sort(out.begin(), out.end(), [](const Rect& a, const Rect& b) {
        return a.y != b.y ? a.y < b.y : a.x < b.x;
    });
    return out;
}

// The card4 <grid> element as the sample declares it, and the same with other values.
std::string card4_grid(const std::string& attrs) {
    return R"(small-body-style="body-small">
    <grid )" + attrs + "/>";
}
const std::string kSampleGrid = card4_grid(R"(gutter="9mm" baseline="19H")");

int first_folio(const compose::Document& doc, const std::string& tmpl) {
    for (const auto& p : doc.pages) {
        if (p.tmpl == tmpl) return p.folio;
    }
    return 0;
}

bool near(Length a, Length b) { return std::abs((a - b).sp) <= 64; }  // within 1/1000 pt

// The top of the first description line of each card on a page: the highest body run below
// each photo, inside the photo's column.
std::vector<Length> description_tops(const compose::Page& p, const style::TextStyle& body,
                                     Length cell_w) {
    std::vector<Length> tops;
    for (const Rect& ph : photos(p)) {
        std::optional<Length> best;
        for (const auto& item : p.items) {
            const auto* r = std::get_if<compose::GlyphRun>(&item);
            if (!r || r->font != body.font || r->size != body.size) continue;
            if (r->origin.x < ph.x || r->origin.x > ph.x + cell_w || r->origin.y < ph.bottom()) continue;
            if (!best || r->origin.y < *best) best = r->origin.y;
        }
        if (best) tops.push_back(*best - compose::Typesetter::baseline_offset(body));
    }
    return tops;
}

}  // namespace

TEST_CASE("a card template's gutter in layouts alone moves its right-hand cards", "[compose][grid]") {
    const Book sample;
    const Book wide(kSampleGrid, card4_grid(R"(gutter="15mm" row-gutter="9mm" baseline="19H")"));
    const int folio = first_folio(sample.doc, "card4");
    REQUIRE(folio > 0);
    const auto a = photos(sample.page(folio)), b = photos(wide.page(folio));
    REQUIRE(a.size() == 4);
    REQUIRE(b.size() == 4);
    // Columns of (版面 − gutter) / 2: 6 mm more gutter moves the right column 3 mm outwards
    // and makes each card 3 mm narrower; the left column stays on the 版面's edge.
    CHECK(near(b[0].x, a[0].x));
    CHECK(near(b[1].x, a[1].x + Length::from_mm(3)));
    CHECK(near(b[1].w, a[1].w - Length::from_mm(3).scaled(0.46)));
    // The rows stay where they were: row-gutter is its own value.
    CHECK(near(b[2].y, a[2].y));
}

TEST_CASE("a card template's row gutter and baseline grid place rows and descriptions", "[compose][grid]") {
    const Book sample;
    const Length step = Length::from_mm(6);
    const Book edited(kSampleGrid, card4_grid(R"(gutter="9mm" row-gutter="20mm" baseline="6mm")"));
    const int folio = first_folio(sample.doc, "card4");
    const Rect hm{Length{}, edited.layout.geometry.top, Length{}, Length{}};
    const auto& body = edited.layout.style("body");

    // The second row starts on the first 6 mm line below (版面 height + 20 mm) / 2.
    const auto b = photos(edited.page(folio));
    REQUIRE(b.size() == 4);
    const auto& g = edited.layout.geometry;
    const Length area_h = g.trim_h - g.top - g.bottom;
    const Length raw = g.top + (area_h - Length::from_mm(20)) / 2 + Length::from_mm(20);
    const Length row2 = b[2].y;
    CHECK(row2 >= raw);
    CHECK(row2 - raw < step);
    CHECK((row2 - hm.y).sp % step.sp == 0);
    CHECK_FALSE(near(row2, photos(sample.page(folio))[2].y));

    // Descriptions start on the 6 mm grid (a card keeps its text off the grid only when the
    // grid would cost it its full description or a line; on every card4 page that is rare).
    const Length cell_w = (g.trim_w - g.inner - g.outer - Length::from_mm(9)) / 2;
    int on = 0, off = 0;
    for (const auto& p : edited.doc.pages) {
        if (p.tmpl != "card4") continue;
        for (const Length top : description_tops(p, body, cell_w)) {
            ((top - hm.y).sp % step.sp == 0 ? on : off)++;
        }
    }
    INFO(on << " descriptions on the grid, " << off << " off it");
    CHECK(on >= 40);
    CHECK(off * 10 <= on);
}

TEST_CASE("no heading is the last thing on its page or column", "[compose][grid]") {
    const Book sample;
    const Length mm = Length::from_mm(1);
    const auto& head = sample.layout.style("index-head");
    const auto& entry = sample.layout.style("index-entry");
    int headings = 0, names = 0;
    for (const auto& p : sample.doc.pages) {
        std::vector<const compose::GlyphRun*> runs;
        for (const auto& item : p.items) {
            if (const auto* r = std::get_if<compose::GlyphRun>(&item)) runs.push_back(r);
        }
        if (p.tmpl.rfind("index", 0) == 0) {
            // An index row heading (50音, area, genre) has an entry under it in its column.
            for (const auto* h : runs) {
                if (h->font != head.font || h->size != head.size) continue;
                ++headings;
                const bool body_follows = std::any_of(runs.begin(), runs.end(), [&](const auto* e) {
                    return e->font == entry.font && e->size == entry.size && e->origin.y > h->origin.y &&
                           e->origin.y < h->origin.y + mm * 12 && e->origin.x > h->origin.x - mm * 5 &&
                           e->origin.x < h->origin.x + mm * 5;
                });
                INFO("page " << p.folio << ": index heading " << h->utf8);
                CHECK(body_follows);
            }
        }
        if (p.tmpl.rfind("card", 0) == 0) {
            // A shop's name has its description below it on the same page, in its column.
            const auto& body = sample.layout.style("body");
            for (const auto* n : runs) {
                if (n->font != "gothic-bold" || n->size < Length::from_q(15)) continue;
                ++names;
                const bool body_follows = std::any_of(runs.begin(), runs.end(), [&](const auto* e) {
                    return e->font == body.font && e->size >= Length::from_q(11) && e->origin.y > n->origin.y &&
                           e->origin.x > n->origin.x - mm * 100 && e->origin.x < n->origin.x + mm * 100;
                });
                INFO("page " << p.folio << ": card name " << n->utf8);
                CHECK(body_follows);
            }
        }
        if (p.tmpl == "contents") {
            // A section's title in the contents has its lead under it on the same page.
            const auto& sec = sample.layout.style("toc-section");
            const auto& lead = sample.layout.style("toc-entry");
            for (const auto* h : runs) {
                const bool kana = std::any_of(h->utf8.begin(), h->utf8.end(), [](char c) { return (c & 0x80) != 0; });
                if (h->font != sec.font || h->size != sec.size || !kana) continue;  // not the kicker, not a page
                const bool body_follows = std::any_of(runs.begin(), runs.end(), [&](const auto* e) {
                    return e->font == lead.font && e->size == lead.size && e->origin.y > h->origin.y &&
                           e->origin.y < h->origin.y + mm * 15;
                });
                INFO("contents: section " << h->utf8);
                CHECK(body_follows);
            }
        }
    }
    CHECK(headings > 50);
    CHECK(names >= 150);
}
