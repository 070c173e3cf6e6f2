// Privacy by type, checked from outside: every private field of every shop in a copy of the
// sample book gets a unique sentinel, and no output carries any of them:
// - the build: the PDF (raw, decompressed, its text, its metadata), stdout/stderr (plain or
//   --json), the build log, the hash cache and any other file the build leaves beside the PDF;
// - the proof report (`build --proof`: report.html, thumbnails, the marked PDF) and the shops'
//   proofs (`proof --all`, every PDF raw, decompressed and as text);
// - the fact-check sheet (`export --csv`, UTF-8 and CP932), which is sent to the shops;
// - the print delivery (`build --print`: the folder and every member of the zip, PDFs
//   decompressed);
// - every response of the preview server (page, state, version, page images, errors).
#include <Poco/Path.h>
#include <Poco/Zip/Decompress.h>
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <set>

#include "content/load.h"
#include "unit/hardening/preview_process.h"
#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const char* const kFields[] = {"contact", "mobile", "email", "factcheck", "remarks"};
const std::string kPrefix = "QZPRIV";

std::string sentinel(const std::string& shop_id, const std::string& field) {
    std::string id;
    for (char c : shop_id) id += c == '-' ? 'X' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return kPrefix + id + "Q" + field.substr(0, 3) + "Z";
}

// Replaces (or adds) each shop's <editorial> with all five fields set to sentinels.
std::string plant(std::string xml, std::vector<std::string>& planted) {
    std::size_t at = 0;
    while ((at = xml.find("<shop id=\"", at)) != std::string::npos) {
        const auto id_end = xml.find('"', at + 10);
        const std::string id = xml.substr(at + 10, id_end - at - 10);
        const auto end = xml.find("</shop>", at);
        const auto ed = xml.find("<editorial>", at);
        std::string block = "<editorial>";
        for (const char* f : kFields) {
            planted.push_back(sentinel(id, f));
            block += std::string("<") + f + ">" + planted.back() + "</" + f + ">";
        }
        block += "</editorial>\n  ";
        if (ed != std::string::npos && ed < end) {
            xml.replace(ed, xml.find("</editorial>", ed) + 12 - ed, block);
        } else {
            xml.insert(end, block);
        }
        at = xml.find("</shop>", at) + 7;
    }
    return xml;
}

std::string utf16(const std::string& ascii, bool big_endian) {
    std::string out;
    for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
    return out;
}

// Every place a sentinel was found, as "where: text". All sentinels share the prefix
// QZPRIV, so one scan per encoding finds them all (the outputs are tens of megabytes).
std::vector<std::string> leaks(const std::string& where, const std::string& bytes) {
    std::vector<std::string> found;
    for (const bool wide : {false, true}) {
        for (const bool big_endian : {true, false}) {
            if (!wide && !big_endian) continue;
            const std::string prefix = wide ? utf16(kPrefix, big_endian) : kPrefix;
            for (auto at = bytes.find(prefix); at != std::string::npos; at = bytes.find(prefix, at + 1)) {
                found.push_back(where + ": " + bytes.substr(at, 40));
            }
        }
    }
    return found;
}

// A copy of the sample book with a sentinel in every private field of every shop.
struct PlantedBook {
    test::Sandbox s{test::kSource / "content"};
    std::vector<std::string> planted;
    std::string env = "XDG_CACHE_HOME=" + test::quote(s.root / "cache") + " ";  // the hash cache in the sandbox

    PlantedBook() {
        for (const auto& e : fs::directory_iterator(s.content / "shops")) {
            test::write_file(e.path(), plant(test::read_file(e.path()), planted));
        }
    }
};

// Every leak in a PDF: its bytes, its streams decompressed, its text and its metadata.
void pdf_leaks(const fs::path& pdf, const fs::path& scratch, std::vector<std::string>& found) {
    const std::string q = test::quote(pdf);
    const fs::path qdf = scratch / (pdf.filename().string() + ".qdf");
    // Exit 3: done, with warnings (the shops' proofs repeat a key in a resource dictionary).
    const int qdf_exit = test::run("qpdf --qdf --object-streams=disable " + q + " " + test::quote(qdf)).exit_code;
    CHECK((qdf_exit == 0 || qdf_exit == 3));
    const std::pair<std::string, std::string> views[] = {
        {pdf.string(), test::read_file(pdf)},
        {pdf.string() + " decompressed", test::read_file(qdf)},
        {pdf.string() + " pdftotext", test::run("pdftotext -enc UTF-8 " + q + " -").output},
        {pdf.string() + " pdfinfo", test::run("pdfinfo " + q + " && pdfinfo -meta " + q).output},
    };
    for (const auto& [where, bytes] : views) {
        CHECK(bytes.size() > 100);
        for (const auto& f : leaks(where, bytes)) found.push_back(f);
    }
    fs::remove(qdf);
}

// Every leak in the files of a folder (PDFs also decompressed and as text); the file count.
int folder_leaks(const fs::path& dir, const fs::path& scratch, std::vector<std::string>& found) {
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        ++files;
        if (e.path().extension() == ".pdf") {
            pdf_leaks(e.path(), scratch, found);
        } else {
            for (const auto& f : leaks(e.path().string(), test::read_file(e.path()))) found.push_back(f);
        }
    }
    return files;
}

}  // namespace

TEST_CASE("no private field reaches any output of a build", "[hardening][privacy]") {
    PlantedBook book;
    const test::Sandbox& s = book.s;
    const std::vector<std::string>& planted = book.planted;
    // The sentinels are really in the content, one per field of every shop.
    Diagnostics diags;
    const auto loaded = content::load_book(s.content, diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(loaded.book.shops.size() >= 150);
    REQUIRE(planted.size() == 5 * loaded.book.shops.size());
    std::set<std::string> in_notes;
    for (const auto& [id, n] : loaded.notes.by_shop) {
        for (const auto& v : {n.contact, n.mobile, n.email, n.factcheck, n.remarks}) in_notes.insert(v);
    }
    REQUIRE(in_notes == std::set<std::string>(planted.begin(), planted.end()));
    // The search finds them where they are (the content), in UTF-16 too: it is not blind.
    CHECK(leaks("content", test::read_file(s.content / "shops/fish.xml")).size() >= 5 * 28);
    CHECK_FALSE(leaks("utf-16BE", utf16(planted.front(), true)).empty());
    CHECK_FALSE(leaks("utf-16LE", utf16(planted.back(), false)).empty());

    const std::string& env = book.env;
    const auto build = test::run(env + s.command("build", "", 600));
    REQUIRE(build.exit_code == 0);
    const auto json = test::run(env + s.command("check", "--json", 600));
    std::vector<std::string> found = leaks("build stdout/stderr", build.output);
    for (const auto& f : leaks("check --json output", json.output)) found.push_back(f);
    // Every file the build wrote: the PDF, the build log, the lock, the hash cache, ...
    int files = 0;
    for (const fs::path& dir : {s.out.parent_path(), s.root / "cache"}) {
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            if (!e.is_regular_file()) continue;
            ++files;
            for (const auto& f : leaks(e.path().string(), test::read_file(e.path()))) found.push_back(f);
        }
    }
    CHECK(files >= 4);
    const std::string q = test::quote(s.out);
    const auto qdf = test::run("qpdf --qdf --object-streams=disable " + q + " " + test::quote(s.root / "book.qdf"));
    CHECK(qdf.exit_code == 0);
    const std::pair<const char*, std::string> views[] = {
        {"decompressed PDF", test::read_file(s.root / "book.qdf")},
        {"pdftotext", test::run("pdftotext -enc UTF-8 " + q + " -").output},
        {"pdfinfo", test::run("pdfinfo " + q + " && pdfinfo -meta " + q).output},
    };
    for (const auto& [where, bytes] : views) {
        CHECK(bytes.size() > 100);
        for (const auto& f : leaks(where, bytes)) found.push_back(f);
    }
    INFO(found.size() << " leaks, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

TEST_CASE("no private field reaches the proof report or the shops' proofs", "[hardening][privacy]") {
    PlantedBook book;
    const test::Sandbox& s = book.s;
    REQUIRE(book.planted.size() >= 5 * 150);
    std::vector<std::string> found;
    const fs::path scratch = s.root / "scratch";
    fs::create_directories(scratch);

    // The proof report: the marked PDF, report.html and its page images.
    const fs::path proof_pdf = s.root / "proof/book.pdf";
    const auto proof = test::run(book.env + s.command("build", "--proof --round 初校 -q", 600, proof_pdf));
    REQUIRE(proof.exit_code == 0);
    REQUIRE(fs::exists(s.root / "proof/report.html"));
    for (const auto& f : leaks("build --proof output", proof.output)) found.push_back(f);
    CHECK(folder_leaks(s.root / "proof", scratch, found) >= 80);  // the PDF, report.html, a thumbnail per page

    // The shops' proofs, one PDF per shop (`proof --all`). Under AddressSanitizer, where
    // drawing 156 sheets takes many minutes, `proof --shop` for the first and the last shop of
    // the book: the Release run covers every shop.
#if defined(__SANITIZE_ADDRESS__)
    Diagnostics diags;
    const auto loaded = content::load_book(s.content, diags);
    REQUIRE(loaded.book.shops.size() >= 2);
    for (const auto* shop : {&loaded.book.shops.front(), &loaded.book.shops.back()}) {
        const auto one = test::run(book.env + s.command("proof", "--shop " + shop->id + " --reply-by 2026-12-10", 1200,
                                                        s.root / "proofs" / (shop->id + ".pdf")));
        REQUIRE(one.exit_code == 0);
        for (const auto& f : leaks("proof --shop output", one.output)) found.push_back(f);
    }
    CHECK(folder_leaks(s.root / "proofs", scratch, found) == 2);
#else
    const auto proofs = test::run(book.env + s.command("proof", "--all --reply-by 2026-12-10", 1200, s.root / "proofs"));
    REQUIRE(proofs.exit_code == 0);
    for (const auto& f : leaks("proof --all output", proofs.output)) found.push_back(f);
    CHECK(folder_leaks(s.root / "proofs", scratch, found) >= 150);
#endif

    INFO(found.size() << " leaks, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

TEST_CASE("no private field reaches the fact-check sheet or the print delivery", "[hardening][privacy]") {
    PlantedBook book;
    const test::Sandbox& s = book.s;
    REQUIRE(book.planted.size() >= 5 * 150);
    std::vector<std::string> found;
    const fs::path scratch = s.root / "scratch";
    fs::create_directories(scratch);

    // The fact-check sheet goes to the shops: only printed fields.
    for (const char* enc : {"utf-8", "cp932"}) {
        const fs::path sheet = s.root / (std::string("sheet-") + enc + ".csv");
        const auto exported = test::run(book.env + s.command("export", std::string("--csv --encoding ") + enc, 120, sheet));
        REQUIRE(exported.exit_code == 0);
        const std::string bytes = test::read_file(sheet);
        CHECK(bytes.size() > 10000);
        for (const auto& f : leaks(sheet.string(), bytes)) found.push_back(f);
        for (const auto& f : leaks("export output", exported.output)) found.push_back(f);
    }

    // The print delivery: the folder, and every member of the zip as the printer unpacks it.
    const fs::path print_pdf = s.root / "print/book-pdfx4.pdf";
    const auto print = test::run(book.env + s.command("build", "--print -q", 900, print_pdf));
    REQUIRE(print.exit_code == 0);
    for (const auto& f : leaks("build --print output", print.output)) found.push_back(f);
    const fs::path zip = s.root / "print/book-pdfx4.zip";
    REQUIRE(fs::exists(zip));
    CHECK(folder_leaks(s.root / "print", scratch, found) >= 6);  // PDF, zip, the folder's 4 files
    const fs::path unpacked = s.root / "unzipped";
    fs::create_directories(unpacked);
    {
        std::ifstream in(zip, std::ios::binary);
        Poco::Zip::Decompress(in, Poco::Path(unpacked.string() + "/")).decompressAllFiles();
    }
    int pdfs = 0;
    for (const auto& e : fs::recursive_directory_iterator(unpacked)) pdfs += e.path().extension() == ".pdf" ? 1 : 0;
    CHECK(pdfs == 1);
    CHECK(folder_leaks(unpacked, scratch, found) == 4);  // the PDF, preflight.txt, preflight.json, manifest.json

    INFO(found.size() << " leaks, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

TEST_CASE("no private field reaches any response of the preview server", "[hardening][privacy]") {
    PlantedBook book;
    const test::Sandbox& s = book.s;
    test::PreviewProcess preview(test::kProgram,
                                 test::preview_args(s.root, s.content, s.layouts, s.fonts),
                                 s.root / "preview.log", s.root);
    REQUIRE(preview.ready());
    std::vector<std::string> found;
    const auto fetch = [&](const std::string& uri) {
        const test::HttpReply r = test::http_get(preview.port(), uri);
        for (const auto& f : leaks("preview " + uri, r.headers + r.body)) found.push_back(f);
        return r;
    };
    CHECK(fetch("/").status == 200);
    CHECK(fetch("/index.html").status == 200);
    CHECK(fetch("/version").status == 200);
    CHECK(fetch("/state?since=0").status == 200);  // not the current version: answers at once
    const test::HttpReply state = fetch("/state");
    REQUIRE(state.status == 200);
    CHECK(state.body.find("\"diagnostics\"") != std::string::npos);
    CHECK(state.body.find("\"pages\"") != std::string::npos);
    // Every page image the page list names, and the error answers.
    int pages = 0;
    for (std::size_t at = state.body.find("{\"n\":"); at != std::string::npos; at = state.body.find("{\"n\":", at + 1)) ++pages;
    CHECK(pages == 80);
    for (int n = 1; n <= pages; ++n) {
        const test::HttpReply png = fetch("/page/" + std::to_string(n) + ".png?dpi=36");
        CHECK(png.status == 200);
    }
    CHECK(fetch("/page/" + std::to_string(pages + 1) + ".png").status == 404);
    CHECK(fetch("/nothing").status == 404);
    CHECK(fetch("/state?since=x").status == 400);
    CHECK(preview.stop() == 0);
    for (const auto& f : leaks("preview log", test::read_file(s.root / "preview.log"))) found.push_back(f);

    INFO(found.size() << " leaks, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}
