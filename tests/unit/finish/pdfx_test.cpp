// finish/: PDF/X identification (Info and XMP agree, dates from the issue date, output intent)
// and the Japanese crop marks' geometry.
#include <qpdf/QPDF.hh>

#include <catch2/catch.hpp>
#include <cmath>
#include <regex>
#include <sstream>

#include "finish/marks.h"
#include "finish/pdfx.h"

using namespace shokuhon;

TEST_CASE("PDF/X standards parse, and dates come from the issue date in JST", "[finish][print]") {
    finish::PdfX x = finish::PdfX::kX4;
    CHECK(finish::parse_pdfx("X-1a", x));
    CHECK(x == finish::PdfX::kX1a);
    CHECK(finish::parse_pdfx("pdf/x-4", x));
    CHECK(x == finish::PdfX::kX4);
    CHECK_FALSE(finish::parse_pdfx("X-3", x));
    CHECK(std::string(finish::pdfx_pdf_version(finish::PdfX::kX1a)) == "1.4");
    CHECK(std::string(finish::pdfx_pdf_version(finish::PdfX::kX4)) == "1.6");
    CHECK(finish::pdf_date_of("2027-03-25") == "D:20270325000000+09'00'");
    CHECK(finish::xmp_date_of("2027-03-25") == "2027-03-25T00:00:00+09:00");
    CHECK(finish::pdf_date_of("March 2027").empty());
}

TEST_CASE("apply_pdfx writes Info, XMP and the output intent that agree", "[finish][print]") {
    for (const auto standard : {finish::PdfX::kX4, finish::PdfX::kX1a}) {
        QPDF pdf;
        pdf.emptyPDF();
        finish::PdfxInfo x;
        x.standard = standard;
        x.title = "平塚食本 <2027>";
        x.author = "編集部";
        x.date = "2027-03-25";
        x.condition = "FOGRA39";
        x.registry = "http://www.color.org";
        x.profile = std::string(200, 'p');
        x.document_key = "isbn:978-4-908291-15-9";
        finish::apply_pdfx(pdf, x);
        QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
        const std::string version = info.getKey("/GTS_PDFXVersion").getUTF8Value();
        CHECK(version == (standard == finish::PdfX::kX4 ? "PDF/X-4" : "PDF/X-1:2003"));
        CHECK(info.getKey("/Trapped").getName() == "/False");
        CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20270325000000+09'00'");
        CHECK(info.getKey("/Title").getUTF8Value() == "平塚食本 <2027>");
        auto data = pdf.getRoot().getKey("/Metadata").getStreamData(qpdf_dl_generalized);
        const std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        CHECK(xmp.find("GTS_PDFXVersion>" + version + "<") != std::string::npos);
        CHECK(xmp.find("<xmp:CreateDate>2027-03-25T00:00:00+09:00</xmp:CreateDate>") != std::string::npos);
        CHECK(xmp.find("平塚食本 &lt;2027&gt;") != std::string::npos);
        CHECK(xmp.find("<pdf:Trapped>False</pdf:Trapped>") != std::string::npos);
        CHECK(std::regex_search(xmp, std::regex("<xmpMM:DocumentID>uuid:[0-9a-f-]{36}</xmpMM:DocumentID>")));
        QPDFObjectHandle oi = pdf.getRoot().getKey("/OutputIntents").getArrayItem(0);
        CHECK(oi.getKey("/S").getName() == "/GTS_PDFX");
        CHECK(oi.getKey("/OutputConditionIdentifier").getUTF8Value() == "FOGRA39");
        CHECK(oi.getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 4);
        if (standard == finish::PdfX::kX1a) {
            CHECK(info.getKey("/GTS_PDFXConformance").getUTF8Value() == "PDF/X-1a:2003");
        }
    }
}

TEST_CASE("the XMP document ID is the same for the same book, whatever the run", "[finish][print]") {
    finish::PdfxInfo x;
    x.document_key = "isbn:978-4-908291-15-9";
    x.date = "2027-03-25";
    CHECK(finish::pdfx_xmp(x) == finish::pdfx_xmp(x));
    finish::PdfxInfo y = x;
    y.document_key = "isbn:978-4-00-416004-5";
    CHECK(finish::pdfx_xmp(x) != finish::pdfx_xmp(y));
}

namespace {

struct Line {
    double ax, ay, bx, by;
};

std::vector<Line> lines_of(const std::string& content) {
    std::vector<Line> out;
    static const std::regex kLine(R"(([-0-9.]+) ([-0-9.]+) m ([-0-9.]+) ([-0-9.]+) l)");
    for (std::sregex_iterator it(content.begin(), content.end(), kLine), end; it != end; ++it) {
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
    }
    return out;
}

}  // namespace

TEST_CASE("Japanese crop marks: double corner marks 3 mm apart and centre crosses, 0.25 pt, all plates",
          "[finish][print][marks]") {
    const double mm = 72.0 / 25.4;
    finish::MarkGeometry g;
    const double x0 = 100, y0 = 100, x1 = x0 + 210 * mm, y1 = y0 + 297 * mm;
    const std::string s = finish::crop_marks_content(x0, y0, x1, y1, g, "/Reg");
    CHECK(s.find("/Reg CS 1 SCN 0.25 w") != std::string::npos);  // registration colour, 0.25 pt
    const auto lines = lines_of(s);
    REQUIRE(lines.size() == 4 * 4 + 4 * 2);
    // Top-left corner: horizontal lines at the trim (y1) and at the bleed (y1 + 3 mm).
    auto near = [](double a, double b) { return std::fabs(a - b) < 0.01; };
    int trim_h = 0, bleed_h = 0;
    for (const Line& l : lines) {
        if (!near(l.ay, l.by) || std::max(l.ax, l.bx) > x0 + 1) continue;  // horizontal, left of the trim
        if (near(l.ay, y1)) {
            ++trim_h;
            CHECK(near(std::max(l.ax, l.bx), x0 - 3 * mm));   // stops at the bleed line
            CHECK(near(std::min(l.ax, l.bx), x0 - 13 * mm));  // reaches 10 mm beyond it
        }
        if (near(l.ay, y1 + 3 * mm)) {
            ++bleed_h;
            CHECK(near(std::max(l.ax, l.bx), x0));  // reaches in to the trim line
        }
    }
    CHECK(trim_h == 1);
    CHECK(bleed_h == 1);
    // Every mark stays outside the trimmed page.
    for (const Line& l : lines) {
        const bool inside_a = l.ax > x0 + 0.01 && l.ax < x1 - 0.01 && l.ay > y0 + 0.01 && l.ay < y1 - 0.01;
        const bool inside_b = l.bx > x0 + 0.01 && l.bx < x1 - 0.01 && l.by > y0 + 0.01 && l.by < y1 - 0.01;
        CHECK_FALSE((inside_a || inside_b));
    }
}
