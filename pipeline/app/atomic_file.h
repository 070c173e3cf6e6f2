// app/: files that are either there complete or not at all. Every file a build writes goes
// through a temporary file in the same folder, fsync and rename, so a crash, a kill or a full
// disk at any moment leaves the previous complete file (or none), never half of one.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace shokuhon::app {

// RAII for a POSIX file descriptor.
class UniqueFd {
public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd();
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    int get() const { return fd_; }
    // Closes now and reports close()'s own error (some file systems report write errors late).
    bool close();

private:
    int fd_;
};

// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
bool write_all(int fd, std::string_view bytes);

// Whether a file must be on disk before the call returns (what editors wrote) or may be lost to
// a power cut (a cache: the next build recomputes it; a reader never sees half of it either way).
enum class Durability { kSynced, kCache };

// Writes `bytes` to a temporary file beside `target`, flushes it to disk (kSynced) and renames it
// over `target`. On failure returns false with `ec` set and leaves `target` as it was.
bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes,
                           std::error_code& ec, Durability durability = Durability::kSynced);

// Flushes a file, or a folder's entries (after a rename), to disk. Returns false on failure.
bool sync_file(const std::filesystem::path& file);
bool sync_dir(const std::filesystem::path& dir);

// The name of a temporary file for `target` in the same folder; unique per process.
// ".name.tmp-PID<suffix>": remove_stale_temporaries() knows the pattern.
std::filesystem::path temp_path_for(const std::filesystem::path& target, const std::string& suffix);

// Removes temporaries of `target` whose process is gone (killed builds), leaving those of live
// processes: for files that builds of other outputs share (the per-user caches), with no lock.
void remove_orphaned_temporaries(const std::filesystem::path& target);

// Removes temporaries of `target` left by builds that were killed. Only call it while holding
// the output's lock: then no other live build owns one.
void remove_stale_temporaries(const std::filesystem::path& target);

}  // namespace shokuhon::app
