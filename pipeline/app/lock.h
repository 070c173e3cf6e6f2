// app/: one build per output at a time. A build holds an exclusive flock(2) on
// ".<output name>.lock" beside the output for as long as it runs; a second build on the same
// output stops at once with a clear message (exit 75, EX_TEMPFAIL: try again later) instead of
// racing the first. The kernel drops the lock when the process ends, even on SIGKILL, so a
// killed build never leaves the output locked. The file itself stays (removing it would race).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.h"

namespace shokuhon::app {

constexpr int kExitTempFail = 75;  // sysexits EX_TEMPFAIL

class OutputLock {
public:
    // Takes the lock for `output`, or returns nullopt after adding E-OUTPUT-010 (another build
    // holds it: `busy` is set) or E-OUTPUT-011 (the lock file cannot be created).
    static std::optional<OutputLock> acquire(const std::filesystem::path& output, Diagnostics& diags,
                                             bool& busy);

    OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    OutputLock& operator=(OutputLock&&) = delete;
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;
    ~OutputLock();

    static std::filesystem::path lock_path(const std::filesystem::path& output);

private:
    explicit OutputLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace shokuhon::app
