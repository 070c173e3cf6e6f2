// One build per output at a time: a second build on an output that is being written stops at
// once with E-OUTPUT-010 and exit 75 (EX_TEMPFAIL), changes nothing, and is recorded as busy.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "unit/hardening/process.h"
#include "unit/hardening/sandbox.h"

namespace fs = std::filesystem;
using namespace shokuhon;

TEST_CASE("a build refuses an output whose lock another build holds", "[hardening][lock]") {
    test::Sandbox s;
    const fs::path lock = s.out.parent_path() / ".book.pdf.lock";
    const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    REQUIRE(::pwrite(fd, "4242\n", 5, 0) == 5);

    const auto busy = test::run(s.command("build"));
    CHECK(busy.exit_code == 75);
    CHECK(busy.output.find("out/book.pdf:0:0: error: another build is writing this output (pid 4242); "
                           "nothing was changed [E-OUTPUT-010]") != std::string::npos);
    CHECK(test::read_file(s.out) == test::kPrevious);
    CHECK(s.leftovers() == 0);
    CHECK(test::read_file(s.out.parent_path() / "build-log.jsonl").find("\"result\":\"busy\"") != std::string::npos);

    ::close(fd);  // releases the lock
    const auto after = test::run(s.command("build", "-q"));
    CHECK(after.exit_code == 0);
    CHECK(test::run("qpdf --check " + test::quote(s.out)).exit_code == 0);
}

TEST_CASE("two builds started at once on one output: one writes, the other waits its turn or stops",
          "[hardening][lock]") {
    test::Sandbox s;
    const std::vector<std::string> argv = {test::kProgram.string(), "build", "-q", "--content", s.content.string(),
                                           "--layouts", s.layouts.string(), "--fonts", s.fonts.string(),
                                           "-o", s.out.string()};
    const pid_t a = test::spawn(argv), b = test::spawn(argv);
    const int ca = test::wait_for(a), cb = test::wait_for(b);
    INFO("exit codes " << ca << " and " << cb);
    CHECK((ca == 0 || ca == 75));
    CHECK((cb == 0 || cb == 75));
    CHECK((ca == 0 || cb == 0));
    CHECK(test::run("qpdf --check " + test::quote(s.out)).exit_code == 0);
    CHECK(s.leftovers() == 0);
}
