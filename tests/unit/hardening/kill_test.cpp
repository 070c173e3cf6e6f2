// Nothing lost: builds killed with SIGKILL at random moments leave the output either as it was
// or complete and new (a valid PDF, byte for byte one of the two good builds), and the next
// build cleans up after them. Bounded: 15 kills that land, at most 30 builds.
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "unit/hardening/process.h"
#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

// Without the build cache, so that every build does the same work and takes about as long as
// the one that was timed (with it, a build's time depends on what the one before left).
std::vector<std::string> build_argv(const test::Sandbox& s) {
    return {test::kProgram.string(), "build", "-q", "--no-cache", "--content", s.content.string(), "--layouts",
            s.layouts.string(), "--fonts", s.fonts.string(), "-o", s.out.string()};
}

// Two variants of the book (different subtitles), so "previous" and "new" differ.
void use_variant(const test::Sandbox& s, int v) {
    const std::string book = test::read_file(test::kSource / "tests/data/mini/book.xml");
    std::string edited = book;
    if (v == 1) edited.replace(edited.find("<subtitle>") + 10, 0, "第二版 ");
    test::write_file(s.content / "book.xml", edited);
}

}  // namespace

TEST_CASE("a build killed at any moment leaves the previous or the new PDF, never half of one",
          "[hardening][kill]") {
    test::Sandbox s;
    fs::remove(s.out);
    std::string good[2];
    double seconds = 0;
    for (int v : {0, 1}) {
        use_variant(s, v);
        const auto t0 = std::chrono::steady_clock::now();
        REQUIRE(test::wait_for(test::spawn(build_argv(s))) == 0);
        // The second build's time: the font hashes are cached by then, as in the loop below.
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        good[v] = test::read_file(s.out);
        REQUIRE(test::run("qpdf --check " + test::quote(s.out)).exit_code == 0);
    }
    REQUIRE(good[0] != good[1]);

    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    // Half anywhere in the build, half in its last part, where the files are written.
    std::uniform_real_distribution<double> anywhere(0.0, 1.1), late(0.6, 1.05);
    // A build that finished before its kill says the estimate is too long (the machine got less
    // busy): the next kills come sooner. Up to 15 kills that land, at most 30 tries.
    int landed = 0;
    for (int i = 0; i < 30 && landed < 15; ++i) {
        use_variant(s, i % 2);
        const double at = (i % 2 == 0 ? anywhere(rng) : late(rng)) * seconds;
        const pid_t pid = test::spawn(build_argv(s));
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::duration<double>(at));
        ::kill(pid, SIGKILL);
        const int code = test::wait_for(pid);
        if (code == 128 + SIGKILL) ++landed;
        else seconds *= 0.8;
        INFO("seed " << seed << ", kill " << i << " after " << at << " s, exit " << code);
        REQUIRE(fs::exists(s.out));
        const std::string now = test::read_file(s.out);
        CHECK((now == good[0] || now == good[1]));
    }
    CHECK(landed >= 10);  // the kills hit running builds, not finished ones

    // The next build removes what the killed ones left and finds the lock free.
    use_variant(s, 0);
    REQUIRE(test::wait_for(test::spawn(build_argv(s))) == 0);
    CHECK(test::read_file(s.out) == good[0]);
    CHECK(s.leftovers() == 0);
    CHECK(test::run("qpdf --check " + test::quote(s.out)).exit_code == 0);
    // Every complete record of the build log is still readable.
    const auto log = test::run(test::quote(test::kProgram) + " log -o " + test::quote(s.out));
    CHECK(log.exit_code == 0);
    CHECK(log.output.find(" ok ") != std::string::npos);
}

TEST_CASE("a build killed while its processes render parts leaves no process holding the lock",
          "[hardening][kill]") {
    test::Sandbox s(test::kSource / "content");  // the sample book: ten parts, long enough to hit
    std::vector<std::string> argv = build_argv(s);
    argv.insert(argv.end(), {"--jobs", "2"});
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(test::wait_for(test::spawn(argv)) == 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::string good = test::read_file(s.out);
    // Kills spread over the second half of the build, where the parts are rendered: the render
    // processes die with the build, so the next build at once finds the lock free.
    for (const double share : {0.4, 0.5, 0.6, 0.7, 0.8}) {
        const pid_t pid = test::spawn(argv);
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::duration<double>(share * seconds));
        ::kill(pid, SIGKILL);
        test::wait_for(pid);
        INFO("killed after " << share * seconds << " s");
        CHECK(test::wait_for(test::spawn(argv)) == 0);
        CHECK(test::read_file(s.out) == good);
        CHECK(s.leftovers() == 0);
    }
}
