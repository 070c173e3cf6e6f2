#include "app/hash_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/atomic_file.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::int64_t mtime_ns(const fs::path& p, std::error_code& ec) {
    const auto t = fs::last_write_time(p, ec);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

fs::path user_cache_dir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg == '/') return fs::path(xdg) / "shokuhon";
    if (home && *home == '/') return fs::path(home) / ".cache/shokuhon";
    return {};
}

fs::path default_hash_cache(const fs::path& output) {
    const fs::path user = user_cache_dir();
    return user.empty() ? output.parent_path() / ".shokuhon-hashes.tsv" : user / "file-hashes.tsv";
}

HashCache::HashCache(fs::path file) : file_(std::move(file)) {
    std::ifstream in(file_);
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        Entry e;
        std::string path;
        // size mtime inode sha256 path (older caches lack the inode: such lines are hashed anew)
        std::string third;
        if (!(fields >> e.size >> e.mtime_ns >> third)) continue;
        if (third.size() == 64) continue;
        try {
            e.inode = std::stoull(third);
        } catch (const std::exception&) {
            continue;
        }
        if (!(fields >> e.sha256) || e.sha256.size() != 64) continue;
        fields.get();  // the tab before the path, which may contain spaces
        if (!std::getline(fields, path) || path.empty()) continue;
        entries_[path] = std::move(e);
    }
}

std::string HashCache::sha256(const fs::path& file) {
    std::error_code ec;
    const fs::path key = fs::absolute(file, ec);
    if (ec || !fs::is_regular_file(key, ec)) return {};
    const auto size = fs::file_size(key, ec);
    const auto mtime = mtime_ns(key, ec);
    struct stat st{};
    if (ec || ::stat(key.c_str(), &st) != 0) return sha256_file(key);
    const auto inode = static_cast<std::uint64_t>(st.st_ino);
    auto it = entries_.find(key.string());
    if (it != entries_.end() && it->second.size == size && it->second.mtime_ns == mtime && it->second.inode == inode) {
        return it->second.sha256;
    }
    std::string hash = sha256_file(key);
    // A file changed while it was hashed is not remembered: its mtime no longer matches.
    if (hash.empty() || mtime_ns(key, ec) != mtime || ec) return hash;
    if (key.string().find('\n') == std::string::npos) {
        entries_[key.string()] = Entry{size, mtime, inode, hash};
        dirty_ = true;
    }
    return hash;
}

void HashCache::remember(const fs::path& file, const std::string& sha256) {
    std::error_code ec;
    const fs::path key = fs::absolute(file, ec);
    struct stat st{};
    if (ec || sha256.size() != 64 || key.string().find('\n') != std::string::npos ||
        ::stat(key.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return;
    }
    const auto mtime = mtime_ns(key, ec);
    if (ec) return;
    entries_[key.string()] = Entry{static_cast<std::uintmax_t>(st.st_size), mtime, static_cast<std::uint64_t>(st.st_ino), sha256};
    dirty_ = true;
}

bool HashCache::save() const {
    if (file_.empty() || !dirty_) return true;
    std::ostringstream out;
    std::error_code ec;
    for (const auto& [path, e] : entries_) {
        if (!fs::exists(path, ec)) continue;
        out << e.size << '\t' << e.mtime_ns << '\t' << e.inode << '\t' << e.sha256 << '\t' << path << '\n';
    }
    fs::create_directories(file_.parent_path(), ec);
    remove_orphaned_temporaries(file_);  // left by builds killed while saving
    return write_file_atomically(file_, out.str(), ec, Durability::kCache);
}

}  // namespace shokuhon::app
