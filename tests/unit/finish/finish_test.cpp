// finish/: a small Cairo PDF (text, a link, an outline, page labels) goes through finish_pdf and
// is checked from outside with read_pdf_facts and `qpdf --check`.
#include <cairo-pdf.h>
#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "core/units.h"
#include "finish/finish.h"
#include "finish/pdf_facts.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

using SurfacePtr = CHandle<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = CHandle<cairo_t, cairo_destroy>;

// A fresh, empty scratch directory under the build tree (no time or randomness in the name).
fs::path scratch_dir(const std::string& name) {
    const fs::path dir = fs::path(SHOKUHON_BINARY_DIR) / "test-scratch" / "finish" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

constexpr double kPageW = 216.0 * 72.0 / 25.4;  // 210 × 297 mm trim + 3 mm bleed on each side
constexpr double kPageH = 303.0 * 72.0 / 25.4;

// Two pages labelled "i" and "1", text in a toy font, one URI link (which makes Cairo 1.16
// write a damaged xref) and two top-level outline entries.
void make_raw_pdf(const fs::path& path) {
    SurfacePtr surface{cairo_pdf_surface_create(path.c_str(), kPageW, kPageH)};
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "raw title");
    CairoPtr cr{cairo_create(surface.get())};

    cairo_pdf_surface_set_page_label(surface.get(), "i");
    cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, "Contents", "page=1",
                                  CAIRO_PDF_OUTLINE_FLAG_OPEN);
    cairo_select_font_face(cr.get(), "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), 24);
    cairo_move_to(cr.get(), 72, 120);
    cairo_show_text(cr.get(), "Hiratsuka food guide");
    cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, "uri='https://example.invalid'");
    cairo_move_to(cr.get(), 72, 180);
    cairo_show_text(cr.get(), "example.invalid");
    cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
    cairo_show_page(cr.get());

    cairo_pdf_surface_set_page_label(surface.get(), "1");
    cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, "Gourmet", "page=2",
                                  CAIRO_PDF_OUTLINE_FLAG_OPEN);
    cairo_rectangle(cr.get(), 0, 0, kPageW, 200);  // a band bleeding off the top edge
    cairo_set_source_rgb(cr.get(), 0.9, 0.5, 0.1);
    cairo_fill(cr.get());
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_move_to(cr.get(), 72, 300);
    cairo_show_text(cr.get(), "Page two");
    cairo_show_page(cr.get());

    cr.reset();
    cairo_surface_finish(surface.get());
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
}

bool has_code(const Diagnostics& diags, const std::string& code) {
    for (const Diagnostic& d : diags.all()) {
        if (d.code == code) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("finish_pdf sets boxes and Info and keeps Cairo's structure", "[finish]") {
    const fs::path dir = scratch_dir("basic");
    const fs::path raw = dir / "raw.pdf";
    const fs::path out = dir / "book.pdf";
    make_raw_pdf(raw);

    finish::FinishOptions opts;
    opts.title = "平塚食本";
    opts.author = "平塚食本編集部";
    opts.subject = "Hiratsuka food guide";
    opts.creation_date = "D:20261126000000+09'00'";
    Diagnostics diags;
    REQUIRE(finish::finish_pdf(raw, out, opts, diags));
    CHECK_FALSE(diags.has_errors());

    const finish::PdfFacts facts = finish::read_pdf_facts(out);
    REQUIRE(facts.pages.size() == 2);
    const double bleed = Length::from_mm(3).pt();
    for (const finish::PageFacts& p : facts.pages) {
        CHECK(p.media.x0 == Approx(0).margin(0.01));
        CHECK(p.media.y0 == Approx(0).margin(0.01));
        CHECK(p.media.x1 == Approx(kPageW).margin(0.01));
        CHECK(p.media.y1 == Approx(kPageH).margin(0.01));
        REQUIRE(p.trim.has_value());
        CHECK(p.trim->x0 == Approx(p.media.x0 + bleed).margin(0.01));
        CHECK(p.trim->y0 == Approx(p.media.y0 + bleed).margin(0.01));
        CHECK(p.trim->x1 == Approx(p.media.x1 - bleed).margin(0.01));
        CHECK(p.trim->y1 == Approx(p.media.y1 - bleed).margin(0.01));
        REQUIRE(p.bleed.has_value());
        CHECK(p.bleed->x0 == Approx(p.media.x0).margin(0.01));
        CHECK(p.bleed->y0 == Approx(p.media.y0).margin(0.01));
        CHECK(p.bleed->x1 == Approx(p.media.x1).margin(0.01));
        CHECK(p.bleed->y1 == Approx(p.media.y1).margin(0.01));
    }
    // The trim is 210 × 297 mm.
    CHECK((facts.pages[0].trim->x1 - facts.pages[0].trim->x0) ==
          Approx(210.0 * 72.0 / 25.4).margin(0.01));
    CHECK((facts.pages[0].trim->y1 - facts.pages[0].trim->y0) ==
          Approx(297.0 * 72.0 / 25.4).margin(0.01));

    CHECK(facts.pages[0].label == "i");
    CHECK(facts.pages[1].label == "1");
    REQUIRE(facts.outline_titles.size() == 2);
    CHECK(facts.outline_titles[0] == "Contents");
    CHECK(facts.outline_titles[1] == "Gourmet");
    CHECK(facts.info_title == "平塚食本");
    CHECK(facts.info_author == "平塚食本編集部");

    REQUIRE_FALSE(facts.fonts.empty());
    for (const finish::FontFacts& f : facts.fonts) {
        INFO(f.base_font << " (" << f.subtype << ")");
        CHECK_FALSE(f.base_font.empty());
        CHECK_FALSE(f.subtype.empty());
        CHECK(f.embedded);
    }

    // The raw file is damaged by Cairo's link bug; the finished one must be clean.
    const std::string cmd = "qpdf --check '" + out.string() + "' > /dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("finish_pdf is deterministic", "[finish]") {
    const fs::path dir = scratch_dir("deterministic");
    make_raw_pdf(dir / "raw.pdf");
    finish::FinishOptions opts;
    opts.title = "平塚食本";
    opts.creation_date = "D:20261126000000+09'00'";
    Diagnostics diags;
    REQUIRE(finish::finish_pdf(dir / "raw.pdf", dir / "a.pdf", opts, diags));
    REQUIRE(finish::finish_pdf(dir / "raw.pdf", dir / "b.pdf", opts, diags));
    auto slurp = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string a = slurp(dir / "a.pdf");
    CHECK_FALSE(a.empty());
    CHECK(a == slurp(dir / "b.pdf"));
}

namespace {

// The boxes that every finished page must carry, whatever path finish_pdf took.
void check_boxes(const fs::path& pdf, std::size_t pages) {
    const finish::PdfFacts facts = finish::read_pdf_facts(pdf);
    REQUIRE(facts.pages.size() == pages);
    const double bleed = Length::from_mm(3).pt();
    for (const finish::PageFacts& p : facts.pages) {
        REQUIRE(p.trim.has_value());
        REQUIRE(p.bleed.has_value());
        CHECK(p.trim->x0 == Approx(p.media.x0 + bleed).margin(0.01));
        CHECK(p.trim->y1 == Approx(p.media.y1 - bleed).margin(0.01));
        CHECK(p.bleed->x1 == Approx(p.media.x1).margin(0.01));
    }
    CHECK(facts.info_title == "平塚食本");
}

std::string slurp_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("finish_pdf keeps Cairo's objects byte for byte and appends an update", "[finish]") {
    const fs::path dir = scratch_dir("incremental");
    make_raw_pdf(dir / "raw.pdf");
    finish::FinishOptions opts;
    opts.title = "平塚食本";
    opts.creation_date = "D:20261126000000+09'00'";
    Diagnostics diags;
    REQUIRE(finish::finish_pdf(dir / "raw.pdf", dir / "book.pdf", opts, diags));
    const std::string raw = slurp_file(dir / "raw.pdf");
    const std::string out = slurp_file(dir / "book.pdf");
    // Everything up to Cairo's xref table is unchanged (streams are neither decoded nor
    // rewritten); the table itself is repaired in place; the update follows Cairo's %%EOF.
    const std::size_t xref = raw.rfind("\nxref\n");
    REQUIRE(xref != std::string::npos);
    REQUIRE(out.size() > raw.size());
    CHECK(out.compare(0, xref, raw, 0, xref) == 0);
    CHECK(out.compare(raw.size() - 6, 6, "%%EOF\n") == 0);
    CHECK(out.find("/Prev " + std::to_string(xref + 1), raw.size()) != std::string::npos);
    check_boxes(dir / "book.pdf", 2);
    // The /ID is the first 16 bytes of the SHA-256 of everything before it (hashed in parts,
    // partly on a second thread: the result must be that of one pass).
    const std::size_t id_at = out.rfind(" /ID [<");
    REQUIRE(id_at != std::string::npos);
    {
        std::ofstream hashed(dir / "hashed.bin", std::ios::binary);
        hashed.write(out.data(), static_cast<std::streamsize>(id_at));
    }
    const std::string sum = "sha256sum '" + (dir / "hashed.bin").string() + "' > '" + (dir / "sum.txt").string() + "'";
    REQUIRE(std::system(sum.c_str()) == 0);
    const std::string id = slurp_file(dir / "sum.txt").substr(0, 32);
    CHECK(out.compare(id_at, 7 + 32 + 3 + 32, " /ID [<" + id + "> <" + id) == 0);
    // Both the repaired table alone and the file with its update read without a warning.
    const std::string cmd = "qpdf --check '" + (dir / "book.pdf").string() + "' > /dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("finish_pdf rewrites a PDF that is not laid out as Cairo writes it", "[finish]") {
    const fs::path dir = scratch_dir("rewrite");
    make_raw_pdf(dir / "raw.pdf");
    // The same document with object streams and an xref stream (qpdf repairs Cairo's table).
    const std::string conv = "qpdf --object-streams=generate '" + (dir / "raw.pdf").string() + "' '" +
                             (dir / "streams.pdf").string() + "' > /dev/null 2>&1";
    REQUIRE(std::system(conv.c_str()) != -1);
    REQUIRE(fs::exists(dir / "streams.pdf"));
    REQUIRE(slurp_file(dir / "streams.pdf").find("/XRef") != std::string::npos);
    finish::FinishOptions opts;
    opts.title = "平塚食本";
    Diagnostics diags;
    REQUIRE(finish::finish_pdf(dir / "streams.pdf", dir / "a.pdf", opts, diags));
    REQUIRE(finish::finish_pdf(dir / "streams.pdf", dir / "b.pdf", opts, diags));
    CHECK_FALSE(diags.has_errors());
    check_boxes(dir / "a.pdf", 2);
    CHECK(slurp_file(dir / "a.pdf") == slurp_file(dir / "b.pdf"));
    const std::string cmd = "qpdf --check '" + (dir / "a.pdf").string() + "' > /dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("finish_pdf on a file that is not a PDF reports E-FINISH-001", "[finish]") {
    const fs::path dir = scratch_dir("not_pdf");
    const fs::path in = dir / "notes.pdf";
    {
        std::ofstream f(in);
        f << "this is not a PDF file\n";
    }
    Diagnostics diags;
    CHECK_FALSE(finish::finish_pdf(in, dir / "out.pdf", {}, diags));
    CHECK(diags.has_errors());
    CHECK(has_code(diags, "E-FINISH-001"));
    REQUIRE_FALSE(diags.all().empty());
    CHECK(diags.all().front().loc.file == in.string());
    CHECK(diags.all().front().message.rfind("cannot finish PDF: ", 0) == 0);
}

TEST_CASE("read_pdf_facts throws on unreadable input", "[finish]") {
    const fs::path dir = scratch_dir("unreadable");
    CHECK_THROWS_AS(finish::read_pdf_facts(dir / "missing.pdf"), std::runtime_error);
}
