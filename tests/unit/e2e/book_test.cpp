// End to end: build the sample book with the real program and check the PDF from outside
// (qpdf through finish::read_pdf_facts, poppler's pdftotext and pdffonts).
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <set>
#include <filesystem>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "content/load.h"
#include "finish/pdf_facts.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;
const fs::path kProgram = fs::path(SHOKUHON_BINARY_DIR) / "shokuhon";

std::string build_cmd(const fs::path& content, const fs::path& out, const std::string& cmd = "build") {
    return test::quote(kProgram) + " " + cmd + " --content " + test::quote(content) + " --layouts " +
           test::quote(kSource / "layouts") + " --fonts " + test::quote(kSource / "fonts/fonts.lock") +
           " -o " + test::quote(out);
}

// The sample book, built once by the ctest fixture "e2e: the sample book builds" (run alone,
// e.g. from a debugger, the test builds it itself).
struct SampleBook {
    fs::path pdf = SHOKUHON_E2E_PDF;
    test::RunResult result{0, "built by the ctest fixture"};
    SampleBook() {
        if (!fs::exists(pdf)) result = test::run(build_cmd(kSource / "content", pdf));
    }
};

const SampleBook& sample() {
    static const SampleBook book;
    return book;
}

}  // namespace

TEST_CASE("the sample book builds to an 80-page PDF with trim and bleed boxes", "[e2e]") {
    const auto& b = sample();
    INFO(b.result.output);
    REQUIRE(b.result.exit_code == 0);
    const auto facts = finish::read_pdf_facts(b.pdf);
    REQUIRE(facts.pages.size() == 80);
    const double bleed = 3 * 72 / 25.4;
    for (const auto& p : facts.pages) {
        REQUIRE(p.trim.has_value());
        REQUIRE(p.bleed.has_value());
        CHECK(std::abs((p.media.x1 - p.media.x0) - (216 * 72 / 25.4)) < 0.01);
        CHECK(std::abs((p.media.y1 - p.media.y0) - (303 * 72 / 25.4)) < 0.01);
        CHECK(std::abs(p.trim->x0 - (p.media.x0 + bleed)) < 0.01);
        CHECK(std::abs(p.trim->y1 - (p.media.y1 - bleed)) < 0.01);
        CHECK(std::abs(p.bleed->x1 - p.media.x1) < 0.01);
    }
    CHECK(facts.pages[0].label == "表1");
    CHECK(facts.pages[2].label == "3");
    CHECK(facts.pages[79].label == "表4");
}

TEST_CASE("every font in the sample book is embedded", "[e2e]") {
    const auto facts = finish::read_pdf_facts(sample().pdf);
    REQUIRE_FALSE(facts.fonts.empty());
    for (const auto& f : facts.fonts) {
        INFO(f.base_font);
        CHECK(f.embedded);
    }
}

TEST_CASE("the outline has one entry per section and the metadata names the book", "[e2e]") {
    const auto facts = finish::read_pdf_facts(sample().pdf);
    Diagnostics diags;
    const auto loaded = content::load_book(kSource / "content", diags);
    for (const auto& s : loaded.book.plan.sections) {
        const std::string want = std::to_string(s.number) + "　" + s.title;
        CHECK(std::find(facts.outline_titles.begin(), facts.outline_titles.end(), want) !=
              facts.outline_titles.end());
    }
    CHECK(facts.info_title.find(loaded.book.meta.title) != std::string::npos);
}

TEST_CASE("every shop's name is in the PDF's text and no private field is", "[e2e][privacy]") {
    const auto& b = sample();
    REQUIRE(b.result.exit_code == 0);
    const auto text = test::run("pdftotext -enc UTF-8 " + test::quote(b.pdf) + " -");
    REQUIRE(text.exit_code == 0);
    const std::string flat = test::strip_space(text.output);
    Diagnostics diags;
    const auto loaded = content::load_book(kSource / "content", diags);
    REQUIRE(loaded.book.shops.size() >= 150);
    for (const auto& s : loaded.book.shops) {
        INFO(s.id);
        CHECK(flat.find(test::strip_space(s.name)) != std::string::npos);
    }
    REQUIRE(loaded.notes.by_shop.size() >= 150);
    const std::string raw = test::read_file(b.pdf);
    for (const auto& [id, n] : loaded.notes.by_shop) {
        for (const std::string& secret : {n.contact, n.mobile, n.email, n.factcheck, n.remarks}) {
            if (secret.size() < 4) continue;
            INFO(id << ": " << secret);
            CHECK(flat.find(test::strip_space(secret)) == std::string::npos);
            CHECK(raw.find(secret) == std::string::npos);
        }
    }
}

TEST_CASE("a shop without a phone is reported with file, line and id and the PDF is kept", "[e2e]") {
    test::TempDir dir;
    fs::copy(kSource / "content", dir.path() / "content", fs::copy_options::recursive);
    const fs::path shops = dir.path() / "content/shops/gourmet.xml";
    std::string xml = test::read_file(shops);
    const auto pos = xml.find("<phone>");
    REQUIRE(pos != std::string::npos);
    const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<long>(pos), '\n');
    xml.erase(pos, xml.find("</phone>", pos) + 8 - pos);
    test::write_file(shops, xml);

    const fs::path pdf = dir.path() / "book.pdf";
    test::write_file(pdf, "previous good PDF");
    const auto check = test::run(build_cmd(dir.path() / "content", pdf, "check"));
    CHECK(check.exit_code == 65);
    // Reported on the shop's <info> block (a few lines above) or where <phone> was expected.
    bool located = false;
    for (long l = line - 3; l <= line + 1; ++l) {
        located = located || check.output.find("gourmet.xml:" + std::to_string(l) + ":") != std::string::npos;
    }
    CHECK(located);
    CHECK(check.output.find("<phone> is missing") != std::string::npos);
    CHECK(check.output.find("(gourmet-001)") != std::string::npos);
    CHECK(check.output.find("error:") != std::string::npos);

    const auto build = test::run(build_cmd(dir.path() / "content", pdf));
    CHECK(build.exit_code == 65);
    CHECK(test::read_file(pdf) == "previous good PDF");
}

TEST_CASE("bad usage exits 64 and --help exits 0", "[e2e]") {
    CHECK(test::run(test::quote(kProgram) + " frobnicate").exit_code == 64);
    CHECK(test::run(test::quote(kProgram) + " build --no-such-option").exit_code == 64);
    const auto help = test::run(test::quote(kProgram) + " build --help");
    CHECK(help.exit_code == 0);
    CHECK(help.output.find("usage: shokuhon build") != std::string::npos);
}

TEST_CASE("every photo is passed through unchanged and embedded once", "[e2e][images]") {
    const auto& b = sample();
    REQUIRE(b.result.exit_code == 0);
    Diagnostics diags;
    const auto loaded = content::load_book(kSource / "content", diags);
    std::set<std::string> photos;
    for (const auto& s : loaded.book.shops) photos.insert(s.photo);
    for (const auto& p : loaded.book.products) photos.insert(p.photo);
    for (const auto& s : loaded.book.spots) photos.insert(s.photo);
    for (const auto& s : loaded.book.plan.sections) photos.insert(s.photo);
    photos.insert(loaded.book.meta.cover_photo);
    std::multiset<std::size_t> embedded;
    const auto facts = finish::read_pdf_facts(b.pdf);
    for (const auto& img : facts.images) {
        CHECK(img.filter == "/DCTDecode");
        embedded.insert(img.raw_hash);
    }
    std::size_t present = 0;
    for (const auto& p : photos) {
        const fs::path file = kSource / "content" / p;
        if (!fs::exists(file)) continue;  // reported as a placeholder, checked elsewhere
        ++present;
        INFO(p);
        CHECK(embedded.count(std::hash<std::string>{}(test::read_file(file))) == 1);
    }
    CHECK(facts.images.size() == present);
}

TEST_CASE("the same inputs give the same PDF, byte for byte", "[e2e][determinism]") {
    const auto& b = sample();
    REQUIRE(b.result.exit_code == 0);
    test::TempDir dir;
    const fs::path again = dir.path() / "again.pdf";
    const auto r = test::run(build_cmd(kSource / "content", again));
    REQUIRE(r.exit_code == 0);
    CHECK(test::read_file(again) == test::read_file(b.pdf));
}

TEST_CASE("every link in the PDF reaches a page, also the pages after its own", "[e2e][links]") {
    REQUIRE(sample().result.exit_code == 0);
    QPDF pdf;
    pdf.processFile(sample().pdf.c_str());
    std::map<QPDFObjGen, int> page_number;  // page object → 1-based page
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        page_number[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i) + 1;
    }
    QPDFObjectHandle names = pdf.getRoot().getKey("/Names");
    REQUIRE(names.isDictionary());
    QPDFNameTreeObjectHelper dests(names.getKey("/Dests"), pdf);
    const auto target_of = [&](QPDFObjectHandle dest) {
        if (dest.isString()) {
            QPDFObjectHandle named;
            if (!dests.findObject(dest.getUTF8Value(), named)) return 0;
            dest = named.isDictionary() ? named.getKey("/D") : named;
        }
        if (!dest.isArray() || dest.getArrayNItems() < 1) return 0;
        const auto it = page_number.find(dest.getArrayItem(0).getObjGen());
        return it == page_number.end() ? 0 : it->second;
    };
    int links = 0, forward = 0, unresolved = 0, contents_links = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const int here = static_cast<int>(i) + 1;
        for (auto& annot : pages[i].getAnnotations("/Link")) {
            ++links;
            const int target = target_of(annot.getObjectHandle().getKey("/Dest"));
            if (target == 0) {
                ++unresolved;
                continue;
            }
            forward += target > here ? 1 : 0;
            if (here == 3) {  // the contents: each entry links to its section, later in the book
                ++contents_links;
                CHECK(target > 3);
            }
        }
    }
    CHECK(unresolved == 0);
    CHECK(links > 1000);    // contents, matrix, recommendations, maps and three indexes
    CHECK(forward > 40);    // contents and matrix point ahead
    CHECK(contents_links >= 8);
}
