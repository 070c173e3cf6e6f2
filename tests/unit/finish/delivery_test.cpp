// finish/: the delivery folder and zip, and the effective resolution of placed photos.
#include <Poco/Zip/ZipArchive.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "finish/delivery.h"
#include "finish/photo_ppi.h"
#include "print_samples.h"

namespace fs = std::filesystem;
using namespace shokuhon;

TEST_CASE("the delivery folder and zip hold the PDF, its preflight and a manifest, nothing else",
          "[finish][delivery]") {
    const fs::path dir = test::print_scratch("delivery");
    test::sample_pdf(dir / "book.pdf");
    const auto report = finish::preflight(dir / "book.pdf", {});
    finish::DeliveryInfo info{"平塚食本", "978-4-908291-15-9", "2027年版", "2027-03-25", "PDF/X-4", "FOGRA39",
                              "FOGRA39L Coated", {{"content", "content/book.xml", "ab12", 10}}, {}};
    Diagnostics diags;
    finish::DeliveryResult a, b;
    REQUIRE(finish::write_delivery(dir / "book.pdf", dir / "book", dir / "book.zip", info, report, diags, a));
    const std::string first = test::slurp(dir / "book.zip");
    REQUIRE(finish::write_delivery(dir / "book.pdf", dir / "book", dir / "book.zip", info, report, diags, b));
    CHECK(test::slurp(dir / "book.zip") == first);  // the same book gives the same zip

    for (const char* f : {"book.pdf", "preflight.txt", "preflight.json", "manifest.json"}) {
        CHECK(fs::is_regular_file(dir / "book" / f));
    }
    std::ifstream in(dir / "book.zip", std::ios::binary);
    Poco::Zip::ZipArchive zip(in);
    std::vector<std::string> names;
    for (auto it = zip.headerBegin(); it != zip.headerEnd(); ++it) {
        names.push_back(it->first);
        CHECK(it->second.lastModifiedAt().year() == 2027);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"book/book.pdf", "book/manifest.json", "book/preflight.json",
                                            "book/preflight.txt"});
    const std::string manifest = test::slurp(dir / "book" / "manifest.json");
    CHECK(manifest.find("\"pdfx\": \"PDF/X-4\"") != std::string::npos);
    CHECK(manifest.find("{\"role\": \"content\", \"path\": \"content/book.xml\", \"sha256\": \"ab12\", \"bytes\": 10}") !=
          std::string::npos);
    CHECK(manifest.find("\"sha256\": \"" + finish::sha256_of_file(dir / "book.pdf") + "\"") != std::string::npos);
    CHECK(test::slurp(dir / "book" / "book.pdf") == test::slurp(dir / "book.pdf"));
}

TEST_CASE("the delivery takes the PDF's hash when the caller knows it, and survives the PDF's replacement",
          "[finish][delivery]") {
    const fs::path dir = test::print_scratch("delivery-known");
    test::sample_pdf(dir / "book.pdf");
    const std::string bytes = test::slurp(dir / "book.pdf");
    const auto report = finish::preflight(dir / "book.pdf", {});
    finish::DeliveryInfo info{"平塚食本", "", "2027年版", "2027-03-25", "PDF/X-4", "FOGRA39", "FOGRA39L Coated", {},
                              std::string(64, 'a')};
    Diagnostics diags;
    finish::DeliveryResult r;
    REQUIRE(finish::write_delivery(dir / "book.pdf", dir / "book", dir / "book.zip", info, report, diags, r));
    REQUIRE_FALSE(r.outputs.empty());
    CHECK(r.outputs[0].sha256 == std::string(64, 'a'));  // not read back
    // The next build replaces the PDF by rename: the delivered one keeps the bytes delivered.
    test::write_text(dir / "next.pdf", "%PDF-1.6 another book");
    fs::rename(dir / "next.pdf", dir / "book.pdf");
    CHECK(test::slurp(dir / "book" / "book.pdf") == bytes);
}

TEST_CASE("effective photo resolution names the entry and the photo", "[finish][print]") {
    const fs::path dir = test::print_scratch("ppi");
    const fs::path photo = dir / "shop-001.jpg";
    test::write_text(photo, test::rgb_jpeg(1200, 800));
    compose::Document doc;
    doc.pages.resize(2);
    // 1200 px across 100 mm: 305 ppi; the same photo covering 200 × 100 mm: 152 ppi; 80 mm tall
    // and 90 mm wide: it covers by height, 800 px over 80 mm = 254 ppi.
    doc.pages[0].items.emplace_back(compose::ImageItem{{{}, {}, Length::from_mm(100), Length::from_mm(66)}, photo.string()});
    doc.pages[1].items.emplace_back(compose::ImageItem{{{}, {}, Length::from_mm(200), Length::from_mm(100)}, photo.string()});
    doc.pages[1].items.emplace_back(compose::ImageItem{{{}, {}, Length::from_mm(90), Length::from_mm(80)}, photo.string()});
    std::map<std::string, finish::PhotoOwner> owners{
        {photo.string(), {"shop \"魚処なぎさ\" (fish-001)", "photos/shop-001.jpg", {"content/shops/fish.xml", 12, 3}}}};
    Diagnostics diags;
    const auto placed = finish::check_photo_resolution(doc, owners, 300, 200, diags);
    REQUIRE(placed.size() == 3);
    CHECK(placed[0].ppi == Approx(304.8).margin(0.1));
    CHECK(placed[1].ppi == Approx(152.4).margin(0.1));
    CHECK(placed[2].ppi == Approx(254.0).margin(0.1));
    REQUIRE(diags.all().size() == 2);
    const auto& err = diags.all()[0];
    CHECK(err.code == "E-PRINT-041");
    CHECK(err.loc.file == "content/shops/fish.xml");
    CHECK(err.loc.line == 12);
    CHECK(err.message == "shop \"魚処なぎさ\" (fish-001): photo photos/shop-001.jpg is 1200×800 px in a 200.0×100.0 mm "
                         "frame on page 2: 152 ppi effective, under 200");
    REQUIRE_FALSE(err.hints.empty());
    CHECK(err.hints[0].find("2363×1575 px") != std::string::npos);  // 200 mm at 300 ppi, aspect kept
    CHECK(diags.all()[1].code == "W-PRINT-040");
    CHECK(diags.all()[1].message.find("254 ppi effective, under 300") != std::string::npos);
}
