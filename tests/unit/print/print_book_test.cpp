// The sample book's print PDFs (PDF/X-4 and PDF/X-1a, built once each by the ctest fixtures
// "print: the sample book builds as PDF/…") checked from outside: shokuhon's preflight,
// poppler (pdfinfo, pdftoppm), qpdf's JSON view, Ghostscript's separations (tiffsep), a barcode
// reader (zbarimg), and the delivery zip. Only a page or two is rendered at a time.
#include <Poco/Base64Decoder.h>
#include <Poco/Checksum.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <sstream>

#include "content/load.h"
#include "finish/delivery.h"
#include "support/run.h"
#include "unit/finish/separations.h"

namespace fs = std::filesystem;
using namespace shokuhon;
using Poco::JSON::Object;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;
const fs::path kProgram = fs::path(SHOKUHON_BINARY_DIR) / "shokuhon";
const fs::path kPrintDir = SHOKUHON_PRINT_DIR;

struct PrintPdf {
    const char* name;  // X-4, X-1a
    fs::path pdf;
};

const std::vector<PrintPdf>& print_pdfs() {
    static const std::vector<PrintPdf> pdfs = {
        {"X-4", kPrintDir / "x4" / "hiratsuka-food-book-pdfx4.pdf"},
        {"X-1a", kPrintDir / "x1a" / "hiratsuka-food-book-pdfx1a.pdf"},
    };
    return pdfs;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(SHOKUHON_BINARY_DIR) / "test-scratch" / "print-book" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

Object::Ptr parse_json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
}

int ean13_check(const std::string& twelve) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (i % 2 ? 3 : 1);
    return (10 - sum % 10) % 10;
}

std::string digits(const std::string& s) {
    std::string d;
    for (char c : s) {
        if (c >= '0' && c <= '9') d += c;
    }
    return d;
}

}  // namespace

TEST_CASE("the sample book's PDF/X-4 and PDF/X-1a pass shokuhon's preflight", "[print]") {
    for (const auto& p : print_pdfs()) {
        INFO(p.name << ": " << p.pdf);
        REQUIRE(fs::exists(p.pdf));
        const auto r = test::run(test::quote(kProgram) + " preflight --json --layouts " +
                                 test::quote(kSource / "layouts") + " " + test::quote(p.pdf) + " 2>/dev/null");
        INFO(r.output);
        CHECK(r.exit_code == 0);
        const Object::Ptr j = parse_json(r.output);
        CHECK(j->getValue<bool>("passed"));
        CHECK(j->getValue<int>("pages") == 80);
        const Object::Ptr x = j->getObject("pdfx");
        CHECK(x->getValue<std::string>("info") == x->getValue<std::string>("xmp"));
        CHECK(x->getValue<std::string>("trapped") == "False");
        const Object::Ptr spaces = j->getObject("colour_spaces");
        CHECK_FALSE(spaces->has("DeviceRGB"));
        CHECK(spaces->has("DeviceCMYK"));
        const Object::Ptr text = j->getObject("text_colours");
        CHECK_FALSE(text->has("rich black"));
        CHECK_FALSE(text->has("RGB black"));
        CHECK(text->getValue<long>("K only") > 1000);
        const auto intent = j->getArray("output_intents")->getObject(0);
        CHECK(intent->getValue<std::string>("identifier") == "FOGRA39");
        CHECK(intent->getValue<int>("profile_bytes") == 121368);
    }
}

TEST_CASE("without the sample layout's lowered ppi-error, preflight rejects the sample photos", "[print]") {
    // The default thresholds (300/200 ppi) see the generated 1200-px photos as too soft.
    const auto r = test::run(test::quote(kProgram) + " preflight " + test::quote(print_pdfs()[0].pdf));
    INFO(r.output);
    CHECK(r.exit_code == 65);
    CHECK(r.output.find("ppi, under 200 [E-PREFLIGHT-080]") != std::string::npos);
}

TEST_CASE("poppler reads the PDF/X identification and renders every page", "[print]") {
    for (const auto& p : print_pdfs()) {
        INFO(p.name);
        const auto info = test::run("pdfinfo " + test::quote(p.pdf));
        const bool x4 = std::string(p.name) == "X-4";
        CHECK(info.output.find(x4 ? "PDF subtype:    PDF/X-4" : "PDF subtype:    PDF/X-1:2003") != std::string::npos);
        CHECK(info.output.find(x4 ? "PDF version:     1.6" : "PDF version:     1.4") != std::string::npos);
        const fs::path dir = scratch(std::string("render-") + p.name);
        const auto r = test::run("pdftoppm -r 8 -png " + test::quote(p.pdf) + " " + test::quote(dir / "p"));
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK(r.output.empty());  // no syntax errors or warnings
        std::size_t pages = 0;
        for (const auto& e : fs::directory_iterator(dir)) pages += e.path().extension() == ".png" && fs::file_size(e.path()) > 100;
        CHECK(pages == 80);
    }
}

TEST_CASE("qpdf's JSON view shows no DeviceRGB colour operator or colour space", "[print]") {
    for (const auto& p : print_pdfs()) {
        INFO(p.name);
        const fs::path dir = scratch(std::string("json-") + p.name);
        // A cover, a page of shop cards with photos, a text page and the back cover.
        REQUIRE(test::run("qpdf --empty --pages " + test::quote(p.pdf) + " 1,18,64,80 -- " +
                          test::quote(dir / "pages.pdf")).exit_code == 0);
        const auto r = test::run("qpdf --json-output --json-stream-data=inline --decode-level=generalized " +
                                 test::quote(dir / "pages.pdf") + " " + test::quote(dir / "pages.json"));
        REQUIRE(r.exit_code == 0);
        const std::string text = test::read_file(dir / "pages.json");
        const Object::Ptr objects = parse_json(text)->getArray("qpdf")->getObject(1);
        static const std::regex kRgbOperator(R"((^|\s)(rg|RG)(\s|$))");
        int content_streams = 0;
        for (const auto& name : objects->getNames()) {
            const Object::Ptr obj = objects->getObject(name);
            if (!obj->has("stream")) continue;
            const Object::Ptr stream = obj->getObject("stream");
            const Object::Ptr dict = stream->getObject("dict");
            if (dict->has("/Subtype") || dict->has("/Type") || dict->has("/N") || dict->has("/Length1") ||
                !stream->has("data")) {
                continue;  // images, fonts, profiles, XMP: not content streams
            }
            std::istringstream in(stream->getValue<std::string>("data"));
            Poco::Base64Decoder decoder(in);
            const std::string data{std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>()};
            ++content_streams;
            INFO(name);
            CHECK_FALSE(std::regex_search(data, kRgbOperator));
            CHECK(data.find("/DeviceRGB") == std::string::npos);
        }
        CHECK(content_streams >= 4);
        // DeviceRGB appears only as the /Alternate of an ICC profile stream (PDF/X-4 photos).
        auto count = [&](const std::string& s) {
            std::size_t n = 0;
            for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) ++n;
            return n;
        };
        CHECK(count("\"/DeviceRGB\"") == count("\"/Alternate\": \"/DeviceRGB\""));
    }
}

TEST_CASE("Ghostscript's separations: body text marks only the black plate", "[print]") {
    for (const auto& p : print_pdfs()) {
        INFO(p.name);
        const fs::path dir = scratch(std::string("tiffsep-") + p.name);
        // Page 64: the club's recommendations, body text in Mincho beside tinted portraits.
        const auto r = test::separate(p.pdf, 64, dir);
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        const test::Plate k = test::read_plate(dir / "p(Black).tif");
        const test::Plate c = test::read_plate(dir / "p(Cyan).tif");
        const test::Plate m = test::read_plate(dir / "p(Magenta).tif");
        const test::Plate y = test::read_plate(dir / "p(Yellow).tif");
        std::size_t black = 0, rich = 0;
        for (std::size_t i = 0; i < k.pixels.size(); ++i) {
            if (test::ink(k, i) < 128) continue;
            ++black;
            rich += test::ink(c, i) > 0 || test::ink(m, i) > 0 || test::ink(y, i) > 0;
        }
        CHECK(black > 5000);  // the page's text is there
        CHECK(rich == 0);     // and nothing of it on the cyan, magenta or yellow plate
    }
}

TEST_CASE("a barcode reader decodes both EAN-13 symbols of the back cover", "[print]") {
    Diagnostics diags;
    const auto loaded = content::load_book(kSource / "content", diags);
    const auto& m = loaded.book.meta;
    std::string row2 = "192" + digits(m.c_code) + std::string(5 - std::to_string(m.price).size(), '0') +
                       std::to_string(m.price);
    row2 += static_cast<char>('0' + ean13_check(row2));
    for (const auto& p : print_pdfs()) {
        INFO(p.name);
        const fs::path dir = scratch(std::string("zbar-") + p.name);
        REQUIRE(test::run("pdftoppm -r 200 -gray -f 80 -l 80 " + test::quote(p.pdf) + " " + test::quote(dir / "p"))
                    .exit_code == 0);
        const auto r = test::run("zbarimg -q " + test::quote(dir / "p-80.pgm") + " 2>/dev/null");
        INFO(r.output);
        CHECK(r.output.find("EAN-13:" + digits(m.isbn)) != std::string::npos);
        CHECK(r.output.find("EAN-13:" + row2) != std::string::npos);
    }
}

TEST_CASE("the delivery zip holds the PDF, preflight and manifest, no content XML and nothing private",
          "[print][privacy]") {
    Diagnostics diags;
    const auto loaded = content::load_book(kSource / "content", diags);
    std::vector<std::string> secrets;
    for (const auto& [id, n] : loaded.notes.by_shop) {
        for (const auto* s : {&n.contact, &n.mobile, &n.email, &n.factcheck, &n.remarks}) {
            if (s->size() >= 4) secrets.push_back(*s);
        }
    }
    REQUIRE_FALSE(secrets.empty());
    const auto& p = print_pdfs()[0];
    const fs::path zip_path = p.pdf.parent_path() / (p.pdf.stem().string() + ".zip");
    std::ifstream in(zip_path, std::ios::binary);
    Poco::Zip::ZipArchive zip(in);
    std::map<std::string, std::string> entries;
    const std::string pdf_bytes = test::read_file(p.pdf);
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(pdf_bytes.data(), static_cast<unsigned>(pdf_bytes.size()));
    for (auto it = zip.headerBegin(); it != zip.headerEnd(); ++it) {
        if (it->first.size() > 4 && it->first.substr(it->first.size() - 4) == ".pdf") {
            // The PDF as built (its bytes through Poco's stream would take seconds): CRC and size.
            CHECK(it->second.getCRC() == crc.checksum());
            CHECK(it->second.getUncompressedSize() == pdf_bytes.size());
            entries[it->first] = "";
            continue;
        }
        std::ifstream again(zip_path, std::ios::binary);
        Poco::Zip::ZipInputStream entry(again, it->second);
        std::ostringstream bytes;
        bytes << entry.rdbuf();
        entries[it->first] = bytes.str();
    }
    const std::string folder = p.pdf.stem().string() + "/";
    std::vector<std::string> names;
    for (const auto& [name, bytes] : entries) names.push_back(name);
    CHECK(names == std::vector<std::string>{folder + "hiratsuka-food-book-pdfx4.pdf", folder + "manifest.json",
                                            folder + "preflight.json", folder + "preflight.txt"});
    for (const auto& [name, bytes] : entries) {
        INFO(name);
        CHECK(name.find(".xml") == std::string::npos);
        for (const auto& s : secrets) CHECK(bytes.find(s) == std::string::npos);
    }
    // The manifest: SHA-256 of the output, and of every input file, font lock and font.
    const Object::Ptr manifest = parse_json(entries[folder + "manifest.json"]);
    CHECK(manifest->getArray("outputs")->getObject(0)->getValue<std::string>("sha256") ==
          finish::sha256_of_file(p.pdf));
    std::map<std::string, std::string> inputs;
    const std::string lock = test::read_file(kSource / "fonts" / "fonts.lock");
    std::size_t fonts = 0, content_files = 0;
    const auto list = manifest->getArray("inputs");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Object::Ptr e = list->getObject(static_cast<unsigned>(i));
        const std::string path = e->getValue<std::string>("path"), role = e->getValue<std::string>("role");
        inputs[path] = e->getValue<std::string>("sha256");
        content_files += role == "content";
        if (role == "font") {  // the hash the font lock pins (the print build refuses others)
            ++fonts;
            CHECK(lock.find(inputs[path]) != std::string::npos);
        }
    }
    CHECK(fonts >= 2);
    std::size_t on_disk = 0;
    for (const auto& e : fs::recursive_directory_iterator(kSource / "content")) on_disk += e.is_regular_file();
    CHECK(content_files == on_disk);  // every content file (XML and photos), hashed
    // Paths inside the book's folders: nothing about where it lives on the editor's machine.
    REQUIRE(inputs.count("content/book.xml") == 1);
    CHECK(inputs["content/book.xml"] == finish::sha256_of_file(kSource / "content" / "book.xml"));
    CHECK(inputs.count("layouts/icc/FOGRA39L_coated.icc") == 1);
    CHECK(inputs.count("fonts.lock") == 1);
    CHECK(entries[folder + "manifest.json"].find(kSource.string()) == std::string::npos);
}

TEST_CASE("a photo under the layout's ppi-error stops the print build, naming entry and photo", "[print]") {
    const fs::path dir = scratch("ppi");
    fs::copy(kSource / "layouts", dir / "layouts", fs::copy_options::recursive);
    std::string layout = test::read_file(dir / "layouts" / "layout.xml");
    const auto at = layout.find("ppi-error=\"", layout.find("<print "));
    REQUIRE(at != std::string::npos);
    layout.replace(at, layout.find('"', at + 11) - at + 1, "ppi-error=\"200\"");
    test::write_file(dir / "layouts" / "layout.xml", layout);
    const auto r = test::run(test::quote(kProgram) + " check --print -q --content " + test::quote(kSource / "content") +
                             " --layouts " + test::quote(dir / "layouts") + " --fonts " +
                             test::quote(kSource / "fonts" / "fonts.lock"));
    INFO(r.output);
    CHECK(r.exit_code == 65);
    CHECK(r.output.find("error: section opener \"") != std::string::npos);
    CHECK(r.output.find("photo photos/opener-gourmet.jpg is 1600×1100 px") != std::string::npos);
    CHECK(r.output.find("[E-PRINT-041]") != std::string::npos);
    CHECK(r.output.find("[W-PRINT-040]") != std::string::npos);  // the spot photos at 291 ppi
}
