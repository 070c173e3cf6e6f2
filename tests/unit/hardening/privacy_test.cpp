// Privacy by type, checked from outside: every private field of every shop in a copy of the
// sample book gets a unique sentinel, the book is built, and no output carries any of them:
// not the PDF (raw, decompressed, its text, its metadata), not stdout/stderr (plain or --json),
// not the build log, the hash cache or any other file the build leaves beside the PDF.
#include <catch2/catch.hpp>
#include <cctype>
#include <set>

#include "content/load.h"
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

}  // namespace

TEST_CASE("no private field reaches any output of a build", "[hardening][privacy]") {
    test::Sandbox s(test::kSource / "content");
    std::vector<std::string> planted;
    for (const auto& e : fs::directory_iterator(s.content / "shops")) {
        test::write_file(e.path(), plant(test::read_file(e.path()), planted));
    }
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

    // The hash cache goes into the sandbox too, so that it is searched like the rest.
    const std::string env = "XDG_CACHE_HOME=" + test::quote(s.root / "cache") + " ";
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
