// finish/: the print pass on small Cairo PDFs: PDF/X-4 and PDF/X-1a structure, exact CMYK,
// photos tagged or converted (and cached), crop marks, determinism, and the errors a print
// build must not let through. Checked with read_pdf_facts, qpdf and shokuhon's own preflight.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>
#include <cmath>

#include "core/sha256.h"
#include "finish/jpeg_io.h"
#include "finish/preflight.h"
#include "finish/print.h"
#include "print_samples.h"
#include "separations.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

finish::PrintOptions options(finish::PdfX x, const fs::path& cache) {
    const auto& layout = test::sample_layout();
    finish::PrintOptions o;
    o.standard = x;
    o.palette = finish::PrintPalette::from_layout(layout);
    o.ink_limit = layout.print.ink_limit;
    o.cmyk_profile = layout.print.profile;
    o.rgb_profile = layout.print.rgb_profile;
    o.condition = layout.print.condition;
    o.condition_name = layout.print.condition_name;
    o.registry = layout.print.registry;
    o.title = "平塚食本 test";
    o.date = "2027-03-25";
    o.document_key = "isbn:978-4-908291-15-9";
    o.cache_dir = cache;
    return o;
}

// The samples are one 4-page sheet.
finish::PreflightOptions sheet() {
    finish::PreflightOptions o;
    o.signature = 4;
    return o;
}

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all()) {
        if (x.code == code) return true;
    }
    return false;
}

std::string all_content(const fs::path& pdf_path) {
    QPDF pdf;
    pdf.processFile(pdf_path.c_str());
    std::string s;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        for (auto& c : page.getPageContents()) {
            auto data = c.getStreamData(qpdf_dl_generalized);
            s.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
    }
    return s;
}

std::string error_list(const finish::PreflightReport& r) {
    std::string s;
    for (const auto& f : r.findings) s += f.code + " " + f.message + "\n";
    return s;
}

}  // namespace

TEST_CASE("print PDF/X-4: exact CMYK, ICC-tagged photo, no groups or links, passes preflight", "[finish][print]") {
    const fs::path dir = test::print_scratch("x4");
    test::sample_pdf(dir / "in.pdf");
    Diagnostics diags;
    finish::PrintStats stats;
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "out.pdf", options(finish::PdfX::kX4, dir / "cache"), diags, stats));
    CHECK_FALSE(diags.has_errors());
    CHECK(stats.links_removed == 1);
    CHECK(stats.groups_removed == 4);
    CHECK(stats.photos.tagged == 1);
    CHECK(stats.colours.unmapped.empty());
    CHECK(stats.sha256 == sha256_file(dir / "out.pdf"));  // hashed as it was written

    const std::string content = all_content(dir / "out.pdf");
    CHECK(content.find(" rg") == std::string::npos);
    CHECK(content.find(" RG") == std::string::npos);
    CHECK(content.find("0 0.85 0.95 0 k") != std::string::npos);  // accent, exactly as declared
    CHECK(content.find("0 0 0 1 k") != std::string::npos);        // black text: K only
    CHECK(content.find("0.6 0.4 0.4 1 k") != std::string::npos);  // rich black, large area only

    const auto r = finish::preflight(dir / "out.pdf", sheet());
    INFO(finish::preflight_text(r));
    CHECK(r.passed());
    CHECK(r.warnings() == 0);
    CHECK(r.pdf_version == "1.6");
    CHECK(r.info_pdfx_version == "PDF/X-4");
    CHECK(r.xmp_pdfx_version == "PDF/X-4");
    REQUIRE(r.images.size() == 1);
    CHECK(r.images[0].space == "ICCBased-3");
    CHECK(r.images[0].ppi == Approx(304.8).margin(0.5));
    CHECK(r.colour_spaces.count("DeviceRGB") == 0);
    CHECK(r.text_colours.count("K only") == 1);
    CHECK(std::system(("qpdf --check '" + (dir / "out.pdf").string() + "' > /dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("print PDF/X-1a: PDF 1.4, photos in CMYK from lcms2, converted once thanks to the cache", "[finish][print]") {
    const fs::path dir = test::print_scratch("x1a");
    test::sample_pdf(dir / "in.pdf");
    Diagnostics diags;
    finish::PrintStats first, second;
    const auto o = options(finish::PdfX::kX1a, dir / "cache");
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "a.pdf", o, diags, first));
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "b.pdf", o, diags, second));
    CHECK(first.photos.converted == 1);
    CHECK(second.photos.converted == 0);
    CHECK(second.photos.from_cache == 1);
    CHECK(test::slurp(dir / "a.pdf") == test::slurp(dir / "b.pdf"));  // deterministic, cached or not

    const std::string head = test::slurp(dir / "a.pdf").substr(0, 8);
    CHECK(head == "%PDF-1.4");
    const auto r = finish::preflight(dir / "a.pdf", sheet());
    INFO(finish::preflight_text(r));
    CHECK(r.passed());
    CHECK(r.info_pdfx_version == "PDF/X-1:2003");
    CHECK(r.info_pdfx_conformance == "PDF/X-1a:2003");
    REQUIRE(r.images.size() == 1);
    CHECK(r.images[0].space == "DeviceCMYK");
    CHECK(r.images[0].filter == "DCTDecode");
    CHECK_FALSE(r.transparency);
}

TEST_CASE("a converted photo is a plain CMYK JPEG within the ink limit", "[finish][print]") {
    const auto& layout = test::sample_layout();
    finish::CmykConverter conv(test::slurp(layout.print.profile), test::slurp(layout.print.rgb_profile), 300);
    const std::vector<unsigned char> rgb = {0, 0, 0, 255, 255, 255, 255, 0, 0, 128, 128, 128};
    const auto cmyk = conv.convert(rgb, 4, "");
    REQUIRE(cmyk.size() == 16);
    CHECK(cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3] <= 765);  // RGB black: 316 % in FOGRA39L, limited to 300 %
    CHECK(cmyk[3] > 230);                                  // mostly K
    CHECK(cmyk[4] + cmyk[5] + cmyk[6] + cmyk[7] == 0);     // white: no ink
    CHECK(cmyk[9] > 200);                                  // red: magenta
    CHECK(cmyk[10] > 200);                                 // and yellow
    CHECK(cmyk[8] < 10);

    std::string jpeg;
    REQUIRE(finish::jpeg_encode_cmyk(std::vector<unsigned char>(64 * 64 * 4, 40), 64, 64, 90, jpeg));
    int w = 0, h = 0;
    REQUIRE(finish::jpeg_size(jpeg, w, h));
    CHECK(w == 64);
    CHECK(jpeg.find("\xFF\xEE") == std::string::npos);  // no Adobe APP14: nobody inverts the inks
}

TEST_CASE("crop marks enlarge the page and keep TrimBox and BleedBox on the artwork", "[finish][print][marks]") {
    const fs::path dir = test::print_scratch("marks");
    test::sample_pdf(dir / "in.pdf");
    Diagnostics diags;
    finish::PrintStats stats;
    auto o = options(finish::PdfX::kX4, dir / "cache");
    o.marks = true;
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "out.pdf", o, diags, stats));
    const auto facts = finish::read_pdf_facts(dir / "out.pdf");
    const double mm = 72.0 / 25.4;
    for (const auto& p : facts.pages) {
        CHECK(p.media.x0 == Approx(0));
        CHECK(p.media.x1 == Approx((216 + 24) * mm).margin(0.01));
        CHECK(p.media.y1 == Approx((303 + 24) * mm).margin(0.01));
        REQUIRE(p.trim);
        REQUIRE(p.bleed);
        CHECK(p.trim->x0 == Approx(15 * mm).margin(0.01));
        CHECK(p.trim->x1 - p.trim->x0 == Approx(210 * mm).margin(0.01));
        CHECK(p.bleed->x0 == Approx(12 * mm).margin(0.01));
        CHECK(p.bleed->y1 - p.bleed->y0 == Approx(303 * mm).margin(0.01));
    }
    const auto r = finish::preflight(dir / "out.pdf", sheet());
    INFO(finish::preflight_text(r));
    CHECK(r.passed());
    CHECK(r.colour_spaces.count("Separation") == 1);  // the registration colour

    // Ghostscript's separations: the marks (top-left 40 × 40 px at 72 dpi, outside the bleed)
    // are on every plate at 100 %.
    REQUIRE(test::separate(dir / "out.pdf", 2, dir).exit_code == 0);
    std::vector<test::Plate> plates;
    for (const char* ink : {"Cyan", "Magenta", "Yellow", "Black"}) {
        plates.push_back(test::read_plate(dir / (std::string("p(") + ink + ").tif")));
    }
    std::size_t marked = 0;
    for (std::uint32_t y = 0; y < 40; ++y) {
        for (std::uint32_t x = 0; x < 40; ++x) {
            const std::size_t i = y * plates[0].width + x;
            const int k = test::ink(plates[3], i);
            marked += k == 255;
            for (const auto& p : plates) CHECK(test::ink(p, i) == k);
        }
    }
    CHECK(marked > 40);
}

TEST_CASE("a colour outside the palette stops the print PDF", "[finish][print]") {
    const fs::path dir = test::print_scratch("stray");
    test::SampleOptions so;
    so.stray_grey = true;
    test::sample_pdf(dir / "in.pdf", so);
    Diagnostics diags;
    finish::PrintStats stats;
    CHECK_FALSE(finish::print_pdf(dir / "in.pdf", dir / "out.pdf", options(finish::PdfX::kX4, ""), diags, stats));
    REQUIRE(has_code(diags, "E-PRINT-010"));
    CHECK(diags.all()[0].message == "page 1: colour \"0.88 0.88 0.88 rg\" is not in the palette");
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

TEST_CASE("transparency: blended in CMYK in PDF/X-4, an error in PDF/X-1a", "[finish][print]") {
    const fs::path dir = test::print_scratch("alpha");
    test::SampleOptions so;
    so.transparent = true;
    test::sample_pdf(dir / "in.pdf", so);
    Diagnostics d4, d1;
    finish::PrintStats s4, s1;
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "x4.pdf", options(finish::PdfX::kX4, ""), d4, s4));
    CHECK(s4.groups_removed == 3);  // pages 2–4 have nothing transparent
    const auto r = finish::preflight(dir / "x4.pdf", sheet());
    INFO(finish::preflight_text(r));
    CHECK(r.transparency);
    CHECK(r.passed());
    CHECK_FALSE(finish::print_pdf(dir / "in.pdf", dir / "x1a.pdf", options(finish::PdfX::kX1a, ""), d1, s1));
    CHECK(has_code(d1, "E-PRINT-020"));
}

TEST_CASE("rich black text fails preflight, and a missing profile stops the print pass", "[finish][print]") {
    const fs::path dir = test::print_scratch("rich");
    test::SampleOptions so;
    so.text_colour = "rich-black";
    test::sample_pdf(dir / "in.pdf", so);
    Diagnostics diags;
    finish::PrintStats stats;
    REQUIRE(finish::print_pdf(dir / "in.pdf", dir / "out.pdf", options(finish::PdfX::kX4, ""), diags, stats));
    const auto r = finish::preflight(dir / "out.pdf", sheet());
    CHECK_FALSE(r.passed());
    CHECK(error_list(r).find("E-PREFLIGHT-043") != std::string::npos);

    auto o = options(finish::PdfX::kX4, "");
    o.cmyk_profile = dir / "missing.icc";
    Diagnostics d2;
    CHECK_FALSE(finish::print_pdf(dir / "in.pdf", dir / "out2.pdf", o, d2, stats));
    CHECK(has_code(d2, "E-PRINT-001"));
}

TEST_CASE("preflight rejects a screen PDF and what cannot be read", "[finish][preflight]") {
    const fs::path dir = test::print_scratch("screen");
    test::SampleOptions so;
    so.photo_px = 300;  // 152 ppi at 50 mm
    test::sample_pdf(dir / "screen.pdf", so);
    const auto r = finish::preflight(dir / "screen.pdf", {});
    const std::string errors = error_list(r);
    INFO(errors);
    CHECK_FALSE(r.passed());
    for (const char* code : {"E-PREFLIGHT-040", "E-PREFLIGHT-041", "E-PREFLIGHT-046", "E-PREFLIGHT-060", "E-PREFLIGHT-080"}) {
        CHECK(errors.find(code) != std::string::npos);
    }
    CHECK(errors.find("152 ppi") != std::string::npos);
    CHECK(r.text_colours.at("RGB black") > 0);
    const std::string json = finish::preflight_json(r);
    CHECK(json.find("\"passed\": false") != std::string::npos);
    CHECK(json.find("\"DeviceRGB\"") != std::string::npos);

    test::write_text(dir / "not.pdf", "hello");
    const auto bad = finish::preflight(dir / "not.pdf", {});
    CHECK_FALSE(bad.readable);
    CHECK(error_list(bad).find("E-PREFLIGHT-001") != std::string::npos);
}
