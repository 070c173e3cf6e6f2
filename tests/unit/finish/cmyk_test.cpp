// finish/: the palette's reverse table (renderer RGB → declared CMYK) and the content-stream
// rewrite that uses it.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/diagnostics.h"
#include "finish/cmyk.h"
#include "finish/recolour.h"
#include "style/load.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all()) {
        if (x.code == code) return true;
    }
    return false;
}

finish::PaletteColour colour(const std::string& name, double c, double m, double y, double k) {
    style::Colour col;
    col.c = c;
    col.m = m;
    col.y = y;
    col.k = k;
    const auto rgb = col.rgb();
    return {name, rgb.r, rgb.g, rgb.b, {c, m, y, k}, {"layout.xml", 1, 1}};
}

// A one-page PDF whose page content is `content`, with a form XObject /Fm0 holding `form`.
std::string rewritten(const std::string& content, const std::string& form, finish::RecolourLog& log,
                      std::string* form_out = nullptr) {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle fm = QPDFObjectHandle::newStream(&pdf, form);
    fm.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    fm.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    fm.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 10 10]"));
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Page /MediaBox [0 0 100 100] /Resources << /XObject << >> /ColorSpace << /CS0 [/CalRGB << /WhitePoint [0.95 1 1.09] >>] >> >> >>"));
    page.getKey("/Resources").getKey("/XObject").replaceKey("/Fm0", fm);
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
    Diagnostics diags;
    style::LayoutSet layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto palette = finish::PrintPalette::from_layout(layout);
    std::vector<QPDFObjGen> done;
    finish::recolour_page(page, palette, 1, log, done);
    if (form_out) {
        auto data = fm.getStreamData(qpdf_dl_generalized);
        *form_out = std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    }
    auto data = page.getKey("/Contents").getStreamData(qpdf_dl_generalized);
    return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
}

}  // namespace

TEST_CASE("the sample palette maps every renderer RGB back to exactly its CMYK", "[finish][print]") {
    Diagnostics diags;
    const auto layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto palette = finish::PrintPalette::from_layout(layout);
    CHECK(palette.check(layout.print.ink_limit, diags));
    CHECK_FALSE(diags.has_errors());
    for (const auto& [name, col] : layout.colours) {
        INFO(name);
        const auto rgb = col.rgb();
        const finish::PaletteColour* p = palette.find(rgb.r, rgb.g, rgb.b);
        REQUIRE(p != nullptr);
        CHECK(p->name == name);
        CHECK(p->cmyk.c == col.c);
        CHECK(p->cmyk.k == col.k);
    }
    // Black and rich black are both 0 0 0 in the naive conversion: black keeps it (K only),
    // rich black moves by an invisible 0.002.
    const auto black = layout.colour("black").rgb();
    CHECK(black.r == 0);
    CHECK(palette.find(0, 0, 0)->name == "black");
    CHECK(layout.colour("rich-black").rgb().r == Approx(0.002));
    CHECK(palette.find(0.002, 0, 0)->name == "rich-black");
}

TEST_CASE("a palette colour above the ink limit, or two colours with one RGB, is an error", "[finish][print]") {
    Diagnostics diags;
    finish::PrintPalette over({colour("black", 0, 0, 0, 1), colour("mud", 1, 1, 1, 1)});
    CHECK_FALSE(over.check(300, diags));
    REQUIRE(has_code(diags, "E-PRINT-002"));
    CHECK(diags.all()[0].message.find("\"mud\" has 400 % total ink") != std::string::npos);
    Diagnostics d2;
    finish::PrintPalette clash({colour("black", 0, 0, 0, 1), colour("four-black", 1, 1, 1, 1)});
    CHECK_FALSE(clash.check(400, d2));
    CHECK(has_code(d2, "E-PRINT-003"));
}

TEST_CASE("numbers in rewritten content are short and exact", "[finish][print]") {
    CHECK(finish::pdf_number(0) == "0");
    CHECK(finish::pdf_number(1) == "1");
    CHECK(finish::pdf_number(0.92) == "0.92");
    CHECK(finish::pdf_number(0.0375) == "0.0375");
    CHECK(finish::pdf_number(1e-7) == "0");
    CHECK(finish::pdf_number(-0.5) == "-0.5");
}

TEST_CASE("rg and RG become the palette's k and K, black text single-ink", "[finish][print]") {
    finish::RecolourLog log;
    // accent 0 85 95 0 → 1 0.15 0.05; grey 0 0 0 65 → 0.35 0.35 0.35.
    const std::string out = rewritten("q\n1 0.15 0.05 rg /a0 gs\n0 0 10 10 re f\n0.35 0.35 0.35 RG 0 0 0 rg BT ET Q\n", "", log);
    CHECK(out == "q\n0 0.85 0.95 0 k /a0 gs\n0 0 10 10 re f\n0 0 0 0.65 K 0 0 0 1 k BT ET Q\n");
    CHECK(log.rewritten == 3);
    CHECK(log.used["black"] == 1);
    CHECK(log.unmapped.empty());
}

TEST_CASE("RGB colour spaces set with cs/CS become DeviceCMYK, scoped by q/Q", "[finish][print]") {
    finish::RecolourLog log;
    const std::string out =
        rewritten("/DeviceRGB cs 1 0.15 0.05 sc q /CS0 CS 0 0 0 SC Q 0.5 sc /DeviceGray cs 0.5 sc\n", "", log);
    CHECK(out == "/DeviceCMYK cs 0 0.85 0.95 0 sc q /DeviceCMYK CS 0 0 0 1 SC Q 0.5 sc /DeviceGray cs 0.5 sc\n");
    CHECK(log.unmapped.empty());
}

TEST_CASE("form XObjects are rewritten too, and unknown colours are reported", "[finish][print]") {
    finish::RecolourLog log;
    std::string form;
    const std::string out = rewritten("/Fm0 Do 0.88 0.88 0.88 rg\n", "0 0 0 RG 0.5 0.5 0.25 rg\n", log, &form);
    CHECK(form == "0 0 0 1 K 0.5 0.5 0.25 rg\n");  // kept as it was, and reported
    CHECK(out == "/Fm0 Do 0.88 0.88 0.88 rg\n");
    REQUIRE(log.unmapped.size() == 2);
    CHECK(log.unmapped.count("0.88 0.88 0.88 rg") == 1);
    CHECK(log.unmapped.count("0.5 0.5 0.25 rg") == 1);
    CHECK(log.unmapped.at("0.88 0.88 0.88 rg") == 1);  // page 1
}

TEST_CASE("patterns cannot be mapped to the palette and are reported", "[finish][print]") {
    finish::RecolourLog log;
    rewritten("/Pattern cs /P0 scn 0 0 5 5 re f\n", "", log);
    CHECK(log.unsupported.count("/Pattern cs") == 1);
}
