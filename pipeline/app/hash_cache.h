// app/: SHA-256 of input files, remembered by path, size and modification time, so a build
// neither re-hashes 90 MB of fonts every time nor hashes a file twice (the font check and the
// build log share one cache). The cache is one TSV file per user (default_hash_cache()),
// replaced atomically; a changed size, mtime (nanoseconds) or inode means the file is hashed again.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/sha256.h"

namespace shokuhon::app {

using shokuhon::Sha256;  // core/sha256.h
using shokuhon::sha256_bytes;
using shokuhon::sha256_file;

// The user's cache folder: $XDG_CACHE_HOME/shokuhon, else ~/.cache/shokuhon; "" without a home.
// What is kept there is a function of file contents only (hashes, photo verdicts): it serves
// every build of every book, and deleting it costs time, never a different PDF.
std::filesystem::path user_cache_dir();

// $XDG_CACHE_HOME/shokuhon/file-hashes.tsv, else ~/.cache/shokuhon/file-hashes.tsv, else
// .shokuhon-hashes.tsv beside `output` (no home: a service account, a bare container).
std::filesystem::path default_hash_cache(const std::filesystem::path& output);

class HashCache {
public:
    HashCache() = default;  // memory only
    // Loads `file` when it exists; unreadable or malformed lines are ignored (hashed anew).
    explicit HashCache(std::filesystem::path file);

    // The file's SHA-256, from the cache when path, size, mtime and inode match; "" when unreadable
    // or not a regular file.
    std::string sha256(const std::filesystem::path& file);
    // Records a hash computed while the file was written (its bytes are not read again). The
    // entry takes the file's size, mtime and inode as they are now.
    void remember(const std::filesystem::path& file, const std::string& sha256);

    // Writes the cache back (temp file + rename) when anything changed, dropping entries whose
    // files are gone. Returns false when it could not be written (the next build re-hashes).
    bool save() const;

private:
    struct Entry {
        std::uintmax_t size = 0;
        std::int64_t mtime_ns = 0;
        std::uint64_t inode = 0;
        std::string sha256;
    };
    std::filesystem::path file_;
    std::map<std::string, Entry> entries_;  // by absolute path
    bool dirty_ = false;
};

}  // namespace shokuhon::app
