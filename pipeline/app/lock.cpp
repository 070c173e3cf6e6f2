#include "app/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace shokuhon::app {

namespace fs = std::filesystem;

fs::path OutputLock::lock_path(const fs::path& output) {
    return output.parent_path() / ("." + output.filename().string() + ".lock");
}

std::optional<OutputLock> OutputLock::acquire(const fs::path& output, Diagnostics& diags, bool& busy) {
    busy = false;
    std::error_code ec;
    if (!output.parent_path().empty()) fs::create_directories(output.parent_path(), ec);
    const fs::path path = lock_path(output);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        diags.error("E-OUTPUT-011", {path.string(), 0, 0},
                    std::string("cannot create the lock file: ") + std::strerror(errno));
        return std::nullopt;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        busy = true;
        // The holder wrote its pid when it took the lock.
        char buf[64] = {};
        const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        std::string holder = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
        diags.error("E-OUTPUT-010", {output.string(), 0, 0},
                    "another build is writing this output" + (holder.empty() ? "" : " (pid " + holder + ")") +
                        "; nothing was changed",
                    "wait for it to finish and build again");
        return std::nullopt;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t w = ::pwrite(fd, pid.data(), pid.size(), 0);
    }
    return OutputLock(fd);
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace shokuhon::app
