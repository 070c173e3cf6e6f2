#include "app/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::string prefix_of(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

}  // namespace

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
}

bool UniqueFd::close() {
    const int fd = fd_;
    fd_ = -1;
    return fd < 0 || ::close(fd) == 0;
}

bool write_all(int fd, std::string_view bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

fs::path temp_path_for(const fs::path& target, const std::string& suffix) {
    return target.parent_path() / (prefix_of(target) + std::to_string(::getpid()) + suffix);
}

bool sync_file(const fs::path& file) {
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

bool sync_dir(const fs::path& dir) {
    UniqueFd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

bool write_file_atomically(const fs::path& target, std::string_view bytes, std::error_code& ec,
                           Durability durability) {
    // Unique per thread too: editions built side by side may save the same shared file
    // (the per-user hash cache), and each must write a temporary file of its own.
    const fs::path tmp = temp_path_for(target, "." + std::to_string(::gettid()) + ".part");
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    auto fail = [&] {
        ec = std::error_code(errno, std::generic_category());
        std::error_code ignored;
        fs::remove(tmp, ignored);
        return false;
    };
    if (fd.get() < 0 || !write_all(fd.get(), bytes)) return fail();
    const bool synced = durability == Durability::kSynced;
    if ((synced && ::fsync(fd.get()) != 0) || !fd.close()) return fail();
    if (::rename(tmp.c_str(), target.c_str()) != 0) return fail();
    if (synced) sync_dir(target.parent_path());
    ec.clear();
    return true;
}

void remove_orphaned_temporaries(const fs::path& target) {
    const std::string prefix = prefix_of(target);
    std::error_code ec, rm;
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::size_t at = prefix.size();
        long pid = 0;
        while (at < name.size() && name[at] >= '0' && name[at] <= '9' && pid < 100000000) pid = pid * 10 + (name[at++] - '0');
        if (at == prefix.size() || pid <= 0) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(it->path(), rm);
    }
}

void remove_stale_temporaries(const fs::path& target) {
    const std::string prefix = prefix_of(target);
    std::error_code ec;
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code rm;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind(prefix, 0) == 0) fs::remove(it->path(), rm);
    }
}

}  // namespace shokuhon::app
