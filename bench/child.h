// bench/: one run of a child process (the shokuhon command line), measured from outside:
// wall time around fork/exec and wait4, CPU time and peak resident memory from its rusage.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace shokuhon::bench {

struct ChildRun {
    int exit_code = -1;       // -1: did not start, or ended by a signal
    double wall_s = 0;        // fork to reaped
    double user_s = 0, sys_s = 0;
    double peak_rss_mb = 0;   // ru_maxrss (kB on Linux) / 1024
    double cpu_s() const { return user_s + sys_s; }
};

// Runs argv (argv[0] a path, not searched in PATH) in the current directory; stdout and
// stderr go to `log`, which is replaced.
ChildRun run_child(const std::vector<std::string>& argv, const std::filesystem::path& log);

// The last `lines` lines of a log, for a failed run's report.
std::string log_tail(const std::filesystem::path& log, int lines = 12);

}  // namespace shokuhon::bench
