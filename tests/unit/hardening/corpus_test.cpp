// The hostile-input corpus: every row of tests/corpus/cases.tsv is one malformed or hostile
// input with the exact diagnostic it must give (location, code, message fragment). The real
// program runs on each under a time limit; it must exit with the expected code (never crash
// or hang), print that diagnostic, and leave the previous PDF and no temporary file behind.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;
using test::Sandbox;

namespace {

struct Case {
    int row = 0;
    std::string id, setup, input, options;
    int exit = 0;
    std::string location, code, fragment;
};

std::vector<Case> read_cases() {
    std::vector<Case> cases;
    std::ifstream in(test::kCorpus / "cases.tsv");
    int row = 0;
    for (std::string line; std::getline(in, line);) {
        ++row;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::istringstream fields(line);
        for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
        INFO("cases.tsv row " << row << ": " << line);
        REQUIRE(f.size() == 8);
        cases.push_back({row, f[0], f[1], f[2], f[3] == "-" ? "" : f[3], std::stoi(f[4]), f[5], f[6], f[7]});
    }
    return cases;
}

void copy_in(const fs::path& from, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::remove(to);
    fs::copy_file(from, to);
}

const std::string kShop = test::read_file(test::kCorpus / "xml/shop-valid.xml");

// Inputs too big to commit, or that only exist at run time (links, pipes, folders).
const std::map<std::string, std::function<void(Sandbox&)>>& generators() {
    static const std::map<std::string, std::function<void(Sandbox&)>> kGen = {
        {"oversized", [](Sandbox& s) {  // 16 MiB + 1 byte: one byte over the limit
             std::string xml = kShop + "<!--";
             xml += std::string((16u << 20) + 1 - xml.size() - 3, 'x') + "-->";
             test::write_file(s.content / "shops/main.xml", xml);
         }},
        {"deep-nesting", [](Sandbox& s) {
             std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<shops section=\"main\">";
             for (int i = 0; i < 100000; ++i) xml += "<a>";
             test::write_file(s.content / "shops/main.xml", xml);
         }},
        {"huge-text-node", [](Sandbox& s) {
             std::string xml = kShop;
             const auto at = xml.find("平塚駅から");
             xml.insert(at, std::string(10'500'000, 'x'));
             test::write_file(s.content / "shops/main.xml", xml);
         }},
        {"missing-book", [](Sandbox& s) { fs::remove(s.content / "book.xml"); }},
        {"book-is-folder", [](Sandbox& s) {
             fs::remove(s.content / "book.xml");
             fs::create_directory(s.content / "book.xml");
         }},
        {"fifo-shop-file", [](Sandbox& s) { REQUIRE(::mkfifo((s.content / "shops/pipe.xml").c_str(), 0644) == 0); }},
        {"no-shop-files", [](Sandbox& s) { fs::remove(s.content / "shops/main.xml"); }},
        {"symlink-photo-outside", [](Sandbox& s) {
             fs::create_symlink("/etc/passwd", s.content / "photos/main-001.jpg");
         }},
        {"symlink-photo-folder-outside", [](Sandbox& s) {
             fs::create_directories(s.root / "outside");
             copy_in(test::kCorpus / "images/ok-baseline.jpg", s.root / "outside/main-001.jpg");
             fs::remove(s.content / "photos");
             fs::create_directory_symlink(s.root / "outside", s.content / "photos");
         }},
        {"symlink-relative-outside", [](Sandbox& s) {
             copy_in(test::kCorpus / "images/ok-baseline.jpg", s.root / "secret.jpg");
             fs::create_symlink("../../secret.jpg", s.content / "photos/main-001.jpg");
         }},
        {"symlink-shop-file-outside", [](Sandbox& s) {
             fs::create_directories(s.root / "outside");
             test::write_file(s.root / "outside/evil.xml", kShop);
             fs::create_symlink(s.root / "outside/evil.xml", s.content / "shops/evil.xml");
         }},
        {"symlink-book-to-dev-zero", [](Sandbox& s) {
             fs::remove(s.content / "book.xml");
             fs::create_symlink("/dev/zero", s.content / "book.xml");
         }},
        {"symlink-inside-ok", [](Sandbox& s) {
             copy_in(test::kCorpus / "images/ok-baseline.jpg", s.content / "photos/real.jpg");
             fs::create_symlink("real.jpg", s.content / "photos/main-001.jpg");
         }},
        {"dangling-symlink-photo", [](Sandbox& s) {
             fs::create_symlink("gone.jpg", s.content / "photos/main-001.jpg");
         }},
        {"truncated-font", [](Sandbox& s) {
             const std::string head = test::read_file("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").substr(0, 65536);
             test::write_file(s.root / "truncated.ttc", head);
             std::string lock = test::read_file(s.fonts);
             const auto at = lock.find("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
             lock.replace(at, std::string("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").size(),
                          (s.root / "truncated.ttc").string());
             test::write_file(s.fonts, lock);
         }},
        {"photo-too-large", [](Sandbox& s) {  // sparse: 129 MiB on paper, nothing on disk
             test::write_file(s.content / "photos/main-001.jpg", "\xFF\xD8\xFF");
             fs::resize_file(s.content / "photos/main-001.jpg", 129u << 20);
         }},
        {"output-folder-is-a-file", [](Sandbox& s) {
             test::write_file(s.root / "blocker", "a file where the output folder should be");
             s.out = s.root / "blocker/book.pdf";
         }},
    };
    return kGen;
}

void apply(const Case& c, Sandbox& s) {
    const auto colon = c.setup.find(':');
    const std::string kind = c.setup.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : c.setup.substr(colon + 1);
    if (kind == "content") copy_in(test::kCorpus / c.input, s.content / arg);
    else if (kind == "layout") copy_in(test::kCorpus / c.input, s.layouts / arg);
    else if (kind == "photo") copy_in(test::kCorpus / c.input, s.content / "photos/main-001.jpg");
    else if (kind == "fonts") {
        std::string lock = test::read_file(test::kCorpus / c.input);
        for (auto at = lock.find("@CORPUS@"); at != std::string::npos; at = lock.find("@CORPUS@")) {
            lock.replace(at, 8, test::kCorpus.string());
        }
        test::write_file(s.fonts, lock);
    } else if (kind == "gen") {
        REQUIRE(generators().count(arg) == 1);
        generators().at(arg)(s);
    } else {
        FAIL("unknown setup " << c.setup);
    }
}

// The diagnostic line: "<sandbox>/<location>: error|warning: ...fragment... [CODE]".
bool has_diagnostic(const std::string& output, const Case& c) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("[" + c.code + "]") == std::string::npos) continue;
        if (line.find(c.fragment) == std::string::npos) continue;
        // "file:line:col" is matched whole; "file:line:" or "file:" as a prefix.
        const std::string at = "/" + c.location + (c.location.back() == ':' ? "" : ": ");
        if (c.location != "-" && line.find(at) == std::string::npos) continue;
        return true;
    }
    return false;
}

void run_case(const Case& c) {
    Sandbox s;
    apply(c, s);
    const auto r = test::run(s.command("build", c.options));
    INFO("case " << c.id << " (cases.tsv row " << c.row << ")\n" << r.output.substr(0, 4000));
    CHECK(r.exit_code == c.exit);
    CHECK(r.output.find("runtime error:") == std::string::npos);  // UBSan
    CHECK(r.output.find("Sanitizer") == std::string::npos);
    if (c.code != "-") CHECK(has_diagnostic(r.output, c));
    std::error_code ec;
    if (fs::is_directory(s.out.parent_path(), ec)) CHECK(s.leftovers() == 0);
    if (c.exit != 0 && fs::exists(s.out, ec)) CHECK(test::read_file(s.out) == test::kPrevious);
    if (c.exit == 0) CHECK(test::run("qpdf --check " + test::quote(s.out)).exit_code == 0);
}

void run_kind(const std::string& kind) {
    int n = 0;
    for (const auto& c : read_cases()) {
        if (c.setup.rfind(kind, 0) != 0) continue;
        ++n;
        run_case(c);
    }
    CHECK(n > 0);
}

}  // namespace

TEST_CASE("the corpus has at least 60 hostile inputs, each with its expected diagnostic", "[hardening][corpus]") {
    const auto cases = read_cases();
    CHECK(cases.size() >= 60);
    std::map<std::string, int> ids;
    for (const auto& c : cases) {
        INFO(c.id);
        CHECK(++ids[c.id] == 1);
        CHECK((c.code == "-" || c.code.rfind("E-", 0) == 0 || c.code.rfind("W-", 0) == 0));
        if (c.input != "-") CHECK(fs::exists(test::kCorpus / c.input));
    }
}

TEST_CASE("corpus: content XML", "[hardening][corpus]") { run_kind("content:"); }
TEST_CASE("corpus: layouts", "[hardening][corpus]") { run_kind("layout:"); }
TEST_CASE("corpus: photos", "[hardening][corpus]") { run_kind("photo"); }
TEST_CASE("corpus: fonts", "[hardening][corpus]") { run_kind("fonts"); }
TEST_CASE("corpus: generated (links, pipes, oversized, deep)", "[hardening][corpus]") { run_kind("gen:"); }
