// The build cache (.shokuhon-cache beside the PDF) and editions: whatever a build takes from
// the cache, and however many editions run side by side, the PDF is byte for byte the one a
// clean, single build writes.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>
#include <filesystem>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kSample = test::kSource / "content";

// The program with explicit folders (Sandbox::command names one content folder and output).
std::string program(const test::Sandbox& s, const std::string& args) {
    return "XDG_CACHE_HOME=" + test::quote(s.root / "user-cache") + " timeout -k 5 300 " +
           test::quote(test::kProgram) + " build -q --layouts " + test::quote(s.layouts) + " --fonts " +
           test::quote(s.fonts) + " " + args;
}

std::string build_to(const test::Sandbox& s, const fs::path& content, const fs::path& pdf,
                     const std::string& extra = {}) {
    return program(s, "--content " + test::quote(content) + " -o " + test::quote(pdf) + " " + extra);
}

// Ends the first sentence of the first shop description of the first shop file with "！" instead
// of "。": the card changes, its length does not (a longer text could fall back to the short one).
void edit_one_description(const fs::path& content) {
    fs::path file;
    for (const auto& e : fs::directory_iterator(content / "shops")) {
        if (e.path().extension() == ".xml" && (file.empty() || e.path() < file)) file = e.path();
    }
    REQUIRE(!file.empty());
    std::string xml = test::read_file(file);
    const auto start = xml.find("<description>");
    REQUIRE(start != std::string::npos);
    const auto at = xml.find("。", start);
    REQUIRE(at < xml.find("</description>", start));
    xml.replace(at, std::string("。").size(), "！");
    test::write_file(file, xml);
}

}  // namespace

TEST_CASE("a rebuild with the cache after one description changed equals a clean build without it",
          "[hardening][cache]") {
    test::Sandbox s(kSample);
    const fs::path cache = s.out.parent_path() / ".shokuhon-cache";
    const fs::path user_cache = s.root / "user-cache/shokuhon";
    const auto build = [&] { return test::run("XDG_CACHE_HOME=" + test::quote(s.root / "user-cache") + " " + s.command("build", "-q")); };
    auto r = build();
    REQUIRE(r.exit_code == 0);
    // The first build remembered every photo it checked, by content hash, for the user.
    const std::string verdicts = test::read_file(user_cache / "photo-verdicts.tsv");
    REQUIRE(verdicts.rfind("shokuhon photo verdicts", 0) == 0);
    CHECK(std::count(verdicts.begin(), verdicts.end(), '\n') > 100);

    // ... and every part of the PDF it rendered, by what the part draws.
    const fs::path parts = cache / "parts" / s.out.filename();
    const auto part_files = [&] {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(parts)) names.insert(e.path().filename().string());
        return names;
    };
    const std::set<std::string> before = part_files();
    CHECK(before.size() >= 10);  // 80 pages, 8 a part

    edit_one_description(s.content);
    r = build();  // with the cache the first build left
    REQUIRE(r.exit_code == 0);
    const std::string rebuilt = test::read_file(s.out);
    REQUIRE(rebuilt.size() > 1000);

    const fs::path clean = s.root / "clean/book.pdf";
    r = test::run(build_to(s, s.content, clean, "--no-cache"));
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(fs::exists(clean.parent_path() / ".shokuhon-cache"));  // --no-cache writes none
    CHECK(test::read_file(clean) == rebuilt);
    // One part was rendered again: the one with the edited card. The old one is gone.
    const std::set<std::string> after = part_files();
    CHECK(after.size() == before.size());
    std::vector<std::string> changed;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(changed));
    CHECK(changed.size() == 1);

    SECTION("deleting the cache folders changes nothing") {
        fs::remove_all(cache);
        fs::remove_all(user_cache);
        REQUIRE(build().exit_code == 0);
        CHECK(test::read_file(s.out) == rebuilt);
        CHECK(fs::exists(user_cache / "photo-verdicts.tsv"));  // written again
        CHECK(part_files() == after);
    }
    SECTION("a damaged cache file is ignored, not trusted") {
        test::write_file(user_cache / "photo-verdicts.tsv", "garbage\n" + std::string(64, 'f') + "\n");
        REQUIRE(build().exit_code == 0);
        CHECK(test::read_file(s.out) == rebuilt);
    }
    SECTION("damaged kept compositions are composed again, not trusted") {
        const fs::path store = cache / "compositions" / (s.out.filename().string() + ".store");
        const std::string bytes = test::read_file(store);
        REQUIRE(bytes.size() > 100000);  // the book's paragraphs
        std::string damaged = bytes;
        for (std::size_t i = bytes.size() / 3; i < bytes.size(); i += bytes.size() / 7) damaged[i] = '\x7f';
        test::write_file(store, damaged);
        REQUIRE(build().exit_code == 0);
        CHECK(test::read_file(s.out) == rebuilt);
        CHECK(test::read_file(store) != damaged);  // written anew
    }
    SECTION("a damaged part is rendered again, not trusted") {
        for (const auto& name : after) {
            const std::string bytes = test::read_file(parts / name);
            test::write_file(parts / name, bytes.substr(0, bytes.size() / 2));
            break;
        }
        REQUIRE(build().exit_code == 0);
        CHECK(test::read_file(s.out) == rebuilt);
    }
    SECTION("one process or several: the same PDF") {
        for (const char* jobs : {"1", "2", "3"}) {
            const fs::path pdf = s.root / (std::string("jobs-") + jobs) / "book.pdf";
            REQUIRE(test::run(build_to(s, s.content, pdf, std::string("--no-cache --jobs ") + jobs)).exit_code == 0);
            CHECK(test::read_file(pdf) == rebuilt);
            // Without a cache the parts pass through the output folder and are gone afterwards.
            for (const auto& e : fs::directory_iterator(pdf.parent_path())) {
                INFO(e.path());
                CHECK(e.path().filename().string().find(".part") == std::string::npos);
            }
        }
        CHECK(test::run(build_to(s, s.content, s.root / "x/book.pdf", "--jobs many")).exit_code == 64);
    }
}

TEST_CASE("a photo known good by its old bytes is checked again once its bytes change", "[hardening][cache]") {
    test::Sandbox s(kSample);
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    // Same name, new bytes: a truncated JPEG must be refused although its path was good before.
    const fs::path photo = s.content / "photos/fish-001.jpg";
    REQUIRE(fs::exists(photo));
    const std::string bytes = test::read_file(photo);
    fs::remove(photo);  // a new inode: the sandbox's copy may share it with nothing, but be sure
    test::write_file(photo, bytes.substr(0, bytes.size() / 2));
    const auto r = test::run(s.command("build", "-q"));
    CHECK(r.exit_code == 65);
    CHECK(r.output.find("E-IMAGE-") != std::string::npos);
}

TEST_CASE("editions built in one run equal their single builds", "[hardening][editions]") {
    test::Sandbox s;  // the mini content
    const fs::path sample = s.root / "sample";
    fs::copy(kSample, sample, fs::copy_options::recursive);
    const fs::path a = s.root / "editions/mini.pdf", b = s.root / "editions/sample.pdf";
    const auto r = test::run(program(s, "--edition " + test::quote(s.content.string() + ":" + a.string()) +
                                            " --edition " + test::quote(sample.string() + ":" + b.string())));
    REQUIRE(r.exit_code == 0);
    const fs::path a1 = s.root / "single-a/mini.pdf", b1 = s.root / "single-b/sample.pdf";
    REQUIRE(test::run(build_to(s, s.content, a1)).exit_code == 0);
    REQUIRE(test::run(build_to(s, sample, b1)).exit_code == 0);
    const std::string pa = test::read_file(a), pb = test::read_file(b);
    REQUIRE(pa.size() > 1000);
    REQUIRE(pb.size() > 1000);
    CHECK(pa == test::read_file(a1));
    CHECK(pb == test::read_file(b1));
    CHECK(pa != pb);
    // Each edition is a build of its own: its own build log beside its PDF.
    CHECK(fs::exists(a.parent_path() / "build-log.jsonl"));

    SECTION("a broken edition fails alone and leaves its previous PDF") {
        test::write_file(s.content / "book.xml", "<book>");  // not well-formed
        const auto bad = test::run(program(s, " --edition " + test::quote(s.content.string() + ":" + a.string()) +
                                                  " --edition " + test::quote(sample.string() + ":" + b.string())));
        CHECK(bad.exit_code == 65);
        CHECK(test::read_file(a) == pa);
        CHECK(test::read_file(b) == pb);
        CHECK(bad.output.find("built 1 of 2 editions") != std::string::npos);
    }
    SECTION("bad usage") {
        CHECK(test::run(program(s, "--edition nocolon")).exit_code == 64);
        CHECK(test::run(program(s, "--edition x:y.pdf -o z.pdf")).exit_code == 64);
    }
}

TEST_CASE("the per-user caches lose the temporary files of killed builds, not those of live ones",
          "[hardening][cache]") {
    test::Sandbox s(kSample);  // with photos: both caches are written
    const fs::path user = s.root / "user-cache/shokuhon";
    fs::create_directories(user);
    // A process that has ended: its pid names no process any more.
    const pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    REQUIRE(gone > 0);
    int status = 0;
    REQUIRE(::waitpid(gone, &status, 0) == gone);
    const std::string dead = std::to_string(gone), alive = std::to_string(::getpid());
    const std::vector<fs::path> orphans{user / (".file-hashes.tsv.tmp-" + dead + "." + dead + ".part"),
                                        user / (".photo-verdicts.tsv.tmp-" + dead + "." + dead + ".part")};
    const fs::path live = user / (".file-hashes.tsv.tmp-" + alive + "." + alive + ".part");
    for (const auto& f : orphans) test::write_file(f, "half a cache");
    test::write_file(live, "being written");
    REQUIRE(test::run(program(s, "--content " + test::quote(s.content) + " -o " + test::quote(s.out))).exit_code == 0);
    for (const auto& f : orphans) {
        INFO(f);
        CHECK_FALSE(fs::exists(f));
    }
    CHECK(fs::exists(live));
    CHECK(fs::exists(user / "file-hashes.tsv"));
    CHECK(fs::exists(user / "photo-verdicts.tsv"));
}

TEST_CASE("font subsets kept per user serve builds into new folders; damaged or foreign ones are not trusted",
          "[hardening][cache]") {
    test::Sandbox s(kSample);
    const fs::path kept = s.root / "user-cache/shokuhon/font-subsets";
    // Builds into a new folder each time (no build cache there), printing the JSON summary.
    int n = 0;
    const auto build = [&](fs::path& pdf) {
        pdf = s.root / ("out-" + std::to_string(++n)) / "book.pdf";
        const auto r = test::run(build_to(s, s.content, pdf, "--json"));
        REQUIRE(r.exit_code == 0);
        Poco::JSON::Parser parser;
        return parser.parse(r.output).extract<Poco::JSON::Object::Ptr>();
    };
    fs::path first, pdf;
    auto o = build(first);
    const int fonts = o->getValue<int>("font_subsets");
    CHECK(fonts == 4);  // mincho, gothic and their bold faces
    CHECK(o->getValue<int>("font_subsets_kept") == 0);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kept)) files.push_back(e.path());
    REQUIRE(files.size() == 4);
    const std::string book = test::read_file(first);

    o = build(pdf);  // a new folder: every part rendered again, every font from the kept subsets
    CHECK(o->getValue<int>("pdf_parts_rendered") == o->getValue<int>("pdf_parts"));
    CHECK(o->getValue<int>("font_subsets_kept") == fonts);
    CHECK(test::read_file(pdf) == book);

    SECTION("a damaged subset is cut again") {
        const std::string bytes = test::read_file(files[0]);
        test::write_file(files[0], bytes.substr(0, bytes.size() - 100));
        o = build(pdf);
        CHECK(o->getValue<int>("font_subsets_kept") == fonts - 1);
        CHECK(test::read_file(pdf) == book);
        CHECK(test::read_file(files[0]) == bytes);  // and kept again
    }
    SECTION("another font's subset under this font's name is not taken") {
        fs::copy_file(files[1], files[0], fs::copy_options::overwrite_existing);
        o = build(pdf);
        CHECK(o->getValue<int>("font_subsets_kept") == fonts - 1);
        CHECK(test::read_file(pdf) == book);
    }
    SECTION("a subset that lacks a glyph the book needs is not taken") {
        // The glyph list of a kept subset, cut down to its first glyph: the book needs more.
        std::string bytes = test::read_file(files[0]);
        const std::size_t count_at = bytes.find('\n', bytes.find("\nrecipe ") + 1) + 1;
        const std::size_t count_end = bytes.find('\n', count_at);
        const std::size_t glyphs = std::stoul(bytes.substr(count_at, count_end - count_at));
        REQUIRE(glyphs > 10);
        const std::size_t list = count_end + 1;
        bytes.replace(count_at, count_end - count_at, "1");
        bytes.erase(list + 4, (glyphs - 1) * 4);
        test::write_file(files[0], bytes);
        o = build(pdf);
        CHECK(o->getValue<int>("font_subsets_kept") == fonts - 1);
        CHECK(test::read_file(pdf) == book);
    }
    SECTION("--no-cache neither reads nor writes them") {
        fs::remove_all(kept);
        const fs::path none = s.root / "none/book.pdf";
        REQUIRE(test::run(build_to(s, s.content, none, "--no-cache")).exit_code == 0);
        CHECK_FALSE(fs::exists(kept));
        CHECK(test::read_file(none) == book);
    }
}
