// app/: the load-time check of every photo the book names, so a broken, hostile or unprintable
// image is refused with its entry before anything is composed (render::check_jpeg decides what
// a usable JPEG is; the content loader has already refused paths that leave the folder).
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content/model.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

// Adds one E-IMAGE-* error per entry whose photo cannot go into the book. Missing files and
// paths outside the content folder are left to the loader's own diagnostics.
// `known_good`: files (as path strings) a verdict cache already knows to be good, not decoded
// again; `found_good` (optional) gets the files found good now.
void check_photos(const content::Book& book, const std::filesystem::path& content_dir,
                  Diagnostics& diags, const std::set<std::string>& known_good = {},
                  std::vector<std::string>* found_good = nullptr);

// The photo files the book names that exist inside the content folder, each once, in book order.
std::vector<std::filesystem::path> photo_files(const content::Book& book,
                                               const std::filesystem::path& content_dir);

// Which photos are known good, by the SHA-256 of their bytes: one file in the build's cache
// folder (see README, "Incremental builds"), valid for this version of the check only.
class PhotoVerdicts {
public:
    explicit PhotoVerdicts(std::filesystem::path file);  // loads it when it exists
    bool good(const std::string& sha256) const { return good_.count(sha256) > 0; }
    bool empty() const { return good_.empty(); }
    void add(const std::string& sha256);
    bool save() const;  // temp file + rename when anything was added; false when it failed

private:
    std::filesystem::path file_;
    std::set<std::string> good_;
    bool dirty_ = false;
};

}  // namespace shokuhon::app
