// finish/: parts drawn by Cairo (text, a link to a page of another part, a photo-like image)
// are joined by assemble_pdf and checked from outside: read_pdf_facts, qpdf and poppler.
#include <cairo-pdf.h>
#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <system_error>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "core/sha256.h"
#include "core/units.h"
#include "finish/assemble.h"
#include "finish/pdf_facts.h"
#include "unit/finish/print_samples.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

using SurfacePtr = CHandle<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = CHandle<cairo_t, cairo_destroy>;

fs::path scratch_dir(const std::string& name) {
    const fs::path dir = fs::path(SHOKUHON_BINARY_DIR) / "test-scratch" / "assemble" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

constexpr double kPageW = 216.0 * 72.0 / 25.4;  // 210 × 297 mm trim + 3 mm bleed on each side
constexpr double kPageH = 303.0 * 72.0 / 25.4;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A part as render_pdf_part writes one: `texts.size()` pages, each with its text; the first
// page links to the book's page `link_to` by name ("p<N>") when it is > 0 and shows a photo
// `photo_px` wide (passed through as the painter does) when that is > 0.
std::string make_part(const std::vector<std::string>& texts, int link_to, int photo_px = 0) {
    std::string bytes;
    {
        SurfacePtr surface{cairo_pdf_surface_create_for_stream(append, &bytes, kPageW, kPageH)};
        CairoPtr cr{cairo_create(surface.get())};
        cairo_select_font_face(cr.get(), "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr.get(), 24);
        bool first = true;
        for (const auto& text : texts) {
            cairo_set_source_rgb(cr.get(), 0.9, 0.5, 0.1);
            cairo_rectangle(cr.get(), 0, 0, kPageW, 120);  // a band bleeding off the top edge
            cairo_fill(cr.get());
            cairo_set_source_rgb(cr.get(), 0, 0, 0);
            cairo_move_to(cr.get(), 72, 200);
            cairo_show_text(cr.get(), text.c_str());
            if (first && photo_px > 0) test::draw_photo(cr.get(), photo_px, 72, 300);
            if (first && link_to > 0) {
                const std::string attrs = "rect=[72 220 200 30] dest='p" + std::to_string(link_to) + "'";
                cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
                cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
            }
            first = false;
            cairo_show_page(cr.get());
        }
    }
    return bytes;
}

finish::AssembleOptions options() {
    finish::AssembleOptions o;
    o.labels = {"表1", "2", "3"};
    o.outline = {{"表紙", 1}, {"本文", 2}};
    o.title = "平塚食本";
    o.author = "平塚食本編集部";
    o.subject = "Hiratsuka food guide";
    o.creation_date = "D:20270325000000+09'00'";
    return o;
}

std::string assemble(std::vector<std::string> parts, const finish::AssembleOptions& o, Diagnostics& diags) {
    std::string pdf;
    if (!finish::assemble_pdf(parts, o, pdf, diags)) return {};
    return pdf;
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream f(p, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    ::pclose(p);
    return out;
}

}  // namespace

TEST_CASE("assemble_pdf joins parts into one book with boxes, labels, outline and Info", "[finish][assemble]") {
    const fs::path dir = scratch_dir("basic");
    Diagnostics diags;
    const std::string pdf = assemble({make_part({"Cover", "Page two"}, 3), make_part({"Page three"}, 1)}, options(), diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(pdf.size() > 1000);
    write(dir / "book.pdf", pdf);

    const finish::PdfFacts facts = finish::read_pdf_facts(dir / "book.pdf");
    REQUIRE(facts.pages.size() == 3);
    const double bleed = Length::from_mm(3).pt();
    for (const finish::PageFacts& p : facts.pages) {
        CHECK(p.media.x1 == Approx(kPageW).margin(0.01));
        CHECK(p.media.y1 == Approx(kPageH).margin(0.01));
        REQUIRE(p.trim.has_value());
        CHECK(p.trim->x0 == Approx(p.media.x0 + bleed).margin(0.01));
        CHECK(p.trim->y0 == Approx(p.media.y0 + bleed).margin(0.01));
        CHECK(p.trim->x1 == Approx(p.media.x1 - bleed).margin(0.01));
        CHECK(p.trim->y1 == Approx(p.media.y1 - bleed).margin(0.01));
        REQUIRE(p.bleed.has_value());
        CHECK(p.bleed->x1 == Approx(p.media.x1).margin(0.01));
    }
    CHECK(facts.pages[0].label == "表1");
    CHECK(facts.pages[1].label == "2");
    CHECK(facts.pages[2].label == "3");
    REQUIRE(facts.outline_titles.size() == 2);
    CHECK(facts.outline_titles[0] == "表紙");
    CHECK(facts.outline_titles[1] == "本文");
    CHECK(facts.info_title == "平塚食本");
    CHECK(facts.info_author == "平塚食本編集部");
    REQUIRE_FALSE(facts.fonts.empty());
    for (const finish::FontFacts& f : facts.fonts) CHECK(f.embedded);

    CHECK(std::system(("qpdf --check '" + (dir / "book.pdf").string() + "' > /dev/null 2>&1").c_str()) == 0);
    // Each page keeps its own text, in order.
    const std::string text = run("pdftotext -enc UTF-8 '" + (dir / "book.pdf").string() + "' -");
    const auto cover = text.find("Cover"), two = text.find("Page two"), three = text.find("Page three");
    REQUIRE(cover != std::string::npos);
    REQUIRE(two != std::string::npos);
    REQUIRE(three != std::string::npos);
    CHECK((cover < two && two < three));
    // The links name pages of other parts; the book's name tree resolves them to those pages.
    CHECK(pdf.find("/Dest (p3)") != std::string::npos);
    CHECK(pdf.find("/Dest (p1)") != std::string::npos);
    const std::regex kids_re(R"(/Kids \[ ?(\d+) 0 R (\d+) 0 R (\d+) 0 R ?\])");
    std::smatch kids;
    REQUIRE(std::regex_search(pdf, kids, kids_re));
    CHECK(pdf.find("(p1) [" + kids[1].str() + " 0 R /XYZ") != std::string::npos);
    CHECK(pdf.find("(p3) [" + kids[3].str() + " 0 R /XYZ") != std::string::npos);
}

TEST_CASE("assemble_pdf is deterministic and its /ID hashes the file", "[finish][assemble]") {
    Diagnostics diags;
    const std::vector<std::string> parts{make_part({"Cover", "Page two"}, 3), make_part({"Page three"}, 0)};
    const std::string a = assemble(parts, options(), diags), b = assemble(parts, options(), diags);
    REQUIRE_FALSE(a.empty());
    CHECK(a == b);
    // The /ID: the first 16 bytes of the SHA-256 of everything before the trailer (hashed as
    // the parts are written, a part at a time).
    const std::size_t trailer = a.rfind("trailer\n");
    REQUIRE(trailer != std::string::npos);
    Sha256 sha;
    sha.update(std::string_view(a.data(), trailer));
    const auto d = sha.digest();
    REQUIRE(d);
    const std::string id = to_hex(d->data(), 16);
    CHECK(a.find("/ID [<" + id + "> <" + id + ">]", trailer) != std::string::npos);
    // Another title, another file (and another /ID).
    auto other = options();
    other.title = "平塚食本 2028";
    const std::string c = assemble(parts, other, diags);
    CHECK(c != a);
    CHECK(c.find("/ID [<" + id) == std::string::npos);
}

TEST_CASE("assemble_pdf gives the SHA-256 of the whole file it wrote", "[finish][assemble]") {
    Diagnostics diags;
    std::vector<std::string> parts{make_part({"Cover", "Page two"}, 3), make_part({"Page three"}, 0)};
    std::vector<finish::PreparedPart> prepared(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) REQUIRE(finish::prepare_part(parts[i], Length::from_mm(3), prepared[i], diags));
    std::string pdf, sha;
    REQUIRE(finish::assemble_pdf(
        prepared.size(), [&](std::size_t i, finish::PreparedPart& p) { p = prepared[i]; return true; }, options(),
        [&](std::string_view bytes) { pdf.append(bytes); return true; }, diags, &sha));
    REQUIRE(pdf.size() > 1000);
    CHECK(sha == sha256_bytes(pdf));  // the trailer included, not only what the /ID hashes
    Sha256 before_trailer;
    before_trailer.update(std::string_view(pdf.data(), pdf.rfind("trailer\n")));
    CHECK(sha != before_trailer.hex());
}


TEST_CASE("assemble_pdf refuses parts that do not make the book", "[finish][assemble]") {
    SECTION("a page count that differs from the labels") {
        Diagnostics diags;
        CHECK(assemble({make_part({"Cover", "Page two"}, 0)}, options(), diags).empty());
        CHECK(diags.has_errors());
        CHECK(diags.all().front().code == "E-FINISH-002");
    }
    SECTION("a part that is not a PDF") {
        Diagnostics diags;
        CHECK(assemble({make_part({"Cover", "Page two"}, 0), std::string("not a PDF at all")}, options(), diags).empty());
        CHECK(diags.has_errors());
    }
    SECTION("a part cut short") {
        Diagnostics diags;
        std::string part = make_part({"Page three"}, 0);
        part.resize(part.size() / 3);
        CHECK(assemble({make_part({"Cover", "Page two"}, 0), part}, options(), diags).empty());
        CHECK(diags.has_errors());
    }
}

TEST_CASE("a prepared part survives the build cache's file form, and a damaged one is refused", "[finish][assemble]") {
    Diagnostics diags;
    std::vector<std::string> raw{make_part({"Cover", "Page two"}, 3, 600), make_part({"Page three"}, 1, 600)};
    std::vector<std::string> copy = raw;
    const std::string direct = assemble(copy, options(), diags);
    REQUIRE_FALSE(direct.empty());

    std::vector<finish::PreparedPart> prepared(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) REQUIRE(finish::prepare_part(raw[i], options().bleed, prepared[i], diags));
    CHECK(prepared[0].pages.size() == 2);
    CHECK(prepared[1].pages.size() == 1);
    REQUIRE(prepared[0].shared.size() == 1);  // the photo
    CHECK(prepared[0].shared[0].digest == prepared[1].shared[0].digest);
    std::vector<finish::PreparedPart> reread;
    for (const auto& p : prepared) {
        auto back = finish::PreparedPart::parse(p.serialize());
        REQUIRE(back);
        CHECK(back->text == p.text);
        CHECK(back->objects == p.objects);
        REQUIRE(back->shared.size() == p.shared.size());
        CHECK(back->shared[0].digest == p.shared[0].digest);
        reread.push_back(std::move(*back));
    }
    std::string joined;
    REQUIRE(finish::assemble_pdf(reread, options(), joined, diags));
    CHECK(joined == direct);  // the same book whether the parts were just rendered or read back

    const std::string form = prepared[0].serialize();
    CHECK_FALSE(finish::PreparedPart::parse(form.substr(0, form.size() / 2)));  // cut short
    CHECK_FALSE(finish::PreparedPart::parse(form.substr(0, form.size() - 1)));  // its end lost
    CHECK_FALSE(finish::PreparedPart::parse(std::string("not a part")));
    // A damaged number in the table after the text: an object count that no longer matches.
    std::string damaged = form;
    damaged[prepared[0].text.size()] = static_cast<char>(damaged[prepared[0].text.size()] + 1);
    CHECK_FALSE(finish::PreparedPart::parse(std::move(damaged)));
}

TEST_CASE("a photo shown by several parts is written once", "[finish][assemble]") {
    const fs::path dir = scratch_dir("shared-photo");
    Diagnostics diags;
    auto o = options();
    o.labels = {"1", "2", "3", "4"};
    o.outline.clear();
    const std::string pdf = assemble({make_part({"One"}, 0, 600), make_part({"Two"}, 0, 600),
                                      make_part({"Three"}, 0, 400), make_part({"Four"}, 0, 0)},
                                     o, diags);
    REQUIRE_FALSE(diags.has_errors());
    write(dir / "book.pdf", pdf);
    const finish::PdfFacts facts = finish::read_pdf_facts(dir / "book.pdf");
    // Three placements of two photos: the 600 px one is one object for pages 1 and 2.
    REQUIRE(facts.images.size() == 2);
    std::size_t at = 0;
    int image_objects = 0;
    while ((at = pdf.find("/Subtype /Image", at)) != std::string::npos) ++image_objects, ++at;
    CHECK(image_objects == 2);
    const std::string list = run("pdfimages -list '" + (dir / "book.pdf").string() + "'");
    std::regex row(R"(\n\s+(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+).*?\s(\d+)\s+0\s+\d+\s+\d+\s+\S+\s+\S+)");
    std::vector<std::string> objects;
    for (std::sregex_iterator it(list.begin(), list.end(), row), end; it != end; ++it) objects.push_back((*it)[4]);
    REQUIRE(objects.size() == 3);
    CHECK(objects[0] == objects[1]);
    CHECK(objects[0] != objects[2]);
    CHECK(std::system(("qpdf --check '" + (dir / "book.pdf").string() + "' > /dev/null 2>&1").c_str()) == 0);
}
