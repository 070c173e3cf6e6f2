#include "bench/child.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <deque>
#include <fstream>

namespace shokuhon::bench {
namespace {

double seconds(const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(char* const* argv, const char* log) {
    const int fd = ::open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0 || null_in < 0 || ::dup2(null_in, 0) < 0 || ::dup2(fd, 1) < 0 || ::dup2(fd, 2) < 0) ::_exit(126);
    ::execv(argv[0], argv);
    ::_exit(127);
}

}  // namespace

ChildRun run_child(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    ChildRun run;
    if (argv.empty()) return run;
    // Everything the child needs is ready before fork.
    std::vector<std::string> args = argv;
    std::vector<char*> ptrs;
    for (auto& a : args) ptrs.push_back(a.data());
    ptrs.push_back(nullptr);
    const std::string log_path = log.string();

    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) return run;
    if (pid == 0) exec_child(ptrs.data(), log_path.c_str());
    int status = 0;
    rusage ru{};
    pid_t got = -1;
    do {
        got = ::wait4(pid, &status, 0, &ru);
    } while (got < 0 && errno == EINTR);
    run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (got != pid) return run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.user_s = seconds(ru.ru_utime);
    run.sys_s = seconds(ru.ru_stime);
    run.peak_rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    return run;
}

std::string log_tail(const std::filesystem::path& log, int lines) {
    std::ifstream in(log);
    std::deque<std::string> last;
    for (std::string line; std::getline(in, line);) {
        last.push_back(line);
        if (static_cast<int>(last.size()) > lines) last.pop_front();
    }
    std::string out;
    for (const auto& l : last) out += "    " + l + '\n';
    return out;
}

}  // namespace shokuhon::bench
