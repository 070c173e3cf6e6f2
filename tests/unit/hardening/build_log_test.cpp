// Accountability: every build, failed ones too, appends one JSON record to the build log with
// who, when, where, the source revision, the SHA-256 of every input and of the output, the
// result and its diagnostic counts; `shokuhon log` shows it. The hash cache is shared by the
// log and the font check and is keyed by path, size and mtime.
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>
#include <pwd.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <sstream>

#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;
using Poco::JSON::Object;

namespace {

std::string sha256(const std::string& bytes) {
    Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
    e.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(e.digest());
}

std::vector<std::string> lines_of(const fs::path& p) {
    std::vector<std::string> out;
    std::istringstream in(test::read_file(p));
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

Object::Ptr parse(const std::string& line) {
    Poco::JSON::Parser parser;
    return parser.parse(line).extract<Object::Ptr>();
}

std::string log_of(const test::Sandbox& s) { return (s.out.parent_path() / "build-log.jsonl").string(); }

}  // namespace

TEST_CASE("every build appends one record: who, when, where, what went in and came out", "[hardening][log]") {
    test::Sandbox s;
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    auto lines = lines_of(log_of(s));
    REQUIRE(lines.size() == 1);
    const auto r = parse(lines[0]);
    passwd* pw = ::getpwuid(::geteuid());
    CHECK(r->getValue<std::string>("user") == (pw ? pw->pw_name : ""));
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    CHECK(r->getValue<std::string>("host") == host);
    const std::string time = r->getValue<std::string>("time");
    REQUIRE(time.size() == 20);
    CHECK(time[10] == 'T');
    CHECK(time.back() == 'Z');
    std::tm tm{};
    REQUIRE(::strptime(time.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm) != nullptr);
    CHECK(std::abs(std::difftime(std::time(nullptr), ::timegm(&tm))) < 600);
    CHECK(r->getValue<std::string>("revision") == "unknown");  // /tmp is no git work tree
    CHECK(r->getValue<std::string>("result") == "ok");
    CHECK(r->getValue<int>("exit_code") == 0);
    CHECK(r->getValue<int>("errors") == 0);
    CHECK(r->getValue<int>("pages") == 16);
    CHECK(r->getValue<std::string>("output_sha256") == sha256(test::read_file(s.out)));
    const auto inputs = r->getObject("inputs");
    for (const auto& f : {s.content / "book.xml", s.content / "shops/main.xml", s.layouts / "layout.xml", s.fonts}) {
        INFO(f);
        REQUIRE(inputs->has(f.string()));
        CHECK(inputs->getValue<std::string>(f.string()) == sha256(test::read_file(f)));
    }
    // Fonts: recorded with the hash the lock pins (the real files match it).
    CHECK(inputs->getValue<std::string>("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") ==
          "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a");
}

TEST_CASE("a failed build is recorded too, and shokuhon log shows one line per build, newest last", "[hardening][log]") {
    test::Sandbox s;
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    const std::string good = test::read_file(s.out);
    test::write_file(s.content / "book.xml", "<book>");
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 65);
    const auto lines = lines_of(log_of(s));
    REQUIRE(lines.size() == 2);
    const auto r = parse(lines[1]);
    CHECK(r->getValue<std::string>("result") == "failed");
    CHECK(r->getValue<int>("exit_code") == 65);
    CHECK(r->getValue<int>("errors") >= 1);
    CHECK(r->getObject("codes")->has("E-XML-001"));
    CHECK_FALSE(r->getValue<bool>("output_written"));
    CHECK(r->getValue<std::string>("output_sha256") == sha256(good));  // the previous PDF, untouched

    const auto shown = test::run(test::quote(test::kProgram) + " log -o " + test::quote(s.out));
    CHECK(shown.exit_code == 0);
    const auto ok = shown.output.find("  ok "), failed = shown.output.find("  failed ");
    CHECK(ok != std::string::npos);
    CHECK(failed != std::string::npos);
    CHECK(ok < failed);
    const auto raw = test::run(test::quote(test::kProgram) + " log --json --build-log " + test::quote(log_of(s)));
    CHECK(raw.output == lines[0] + "\n" + lines[1] + "\n");
}

TEST_CASE("a record cut short by a kill does not spoil the log", "[hardening][log]") {
    test::Sandbox s;
    test::write_file(log_of(s), "{\"time\":\"2027-01-01T00:00:00Z\",\"user\":\"x\",\"inp");  // no newline
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    const auto lines = lines_of(log_of(s));
    REQUIRE(lines.size() == 2);
    CHECK(parse(lines[1])->getValue<std::string>("result") == "ok");
    const auto shown = test::run(test::quote(test::kProgram) + " log -o " + test::quote(s.out));
    CHECK(shown.exit_code == 0);
    CHECK(shown.output.find("build-log.jsonl:1: not a complete build record") != std::string::npos);
}

TEST_CASE("the source revision is read from the git work tree around the content", "[hardening][log]") {
    test::Sandbox s;
    const std::string id = "0123456789abcdef0123456789abcdef01234567";
    fs::create_directories(s.root / ".git/refs/heads");
    test::write_file(s.root / ".git/HEAD", "ref: refs/heads/main\n");
    test::write_file(s.root / ".git/packed-refs", "# pack-refs with: peeled\n" + id + " refs/heads/main\n");
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    CHECK(parse(lines_of(log_of(s)).back())->getValue<std::string>("revision") == id);
    const std::string loose = "89abcdef0123456789abcdef0123456789abcdef";
    test::write_file(s.root / ".git/refs/heads/main", loose + "\n");
    REQUIRE(test::run(s.command("build", "-q")).exit_code == 0);
    CHECK(parse(lines_of(log_of(s)).back())->getValue<std::string>("revision") == loose);
}

TEST_CASE("file hashes come from the cache while size and mtime match, fonts included", "[hardening][log]") {
    test::Sandbox s;
    // A cache of this test's own, so forging it touches no other test.
    const std::string env = "XDG_CACHE_HOME=" + test::quote(s.root / "cache") + " ";
    REQUIRE(test::run(env + s.command("build", "-q")).exit_code == 0);
    const fs::path cache = s.root / "cache/shokuhon/file-hashes.tsv";
    std::string tsv = test::read_file(cache);
    const std::string book = fs::absolute(s.content / "book.xml").string();
    const std::string font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    REQUIRE(tsv.find(book) != std::string::npos);
    REQUIRE(tsv.find(font) != std::string::npos);
    // Forge the cached hashes: a build that trusts the cache reports the forged values.
    const std::string forged(64, 'f');
    for (const std::string& path : {book, font}) {
        const auto end = tsv.find("\t" + path + "\n");
        const auto start = tsv.rfind('\t', end - 1) + 1;
        tsv.replace(start, end - start, forged);
    }
    test::write_file(cache, tsv);
    const auto second = test::run(env + s.command("build", "-q"));
    CHECK(second.output.find("[W-FONT-010]") != std::string::npos);  // the font check used the cache
    auto r = parse(lines_of(log_of(s)).back());
    CHECK(r->getObject("inputs")->getValue<std::string>((s.content / "book.xml").string()) == forged);
    // A new mtime means the file is hashed again.
    fs::last_write_time(s.content / "book.xml", fs::file_time_type::clock::now());
    REQUIRE(test::run(env + s.command("build", "-q")).exit_code == 0);
    r = parse(lines_of(log_of(s)).back());
    CHECK(r->getObject("inputs")->getValue<std::string>((s.content / "book.xml").string()) ==
          sha256(test::read_file(s.content / "book.xml")));
}
