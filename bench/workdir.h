// bench/: scratch folders and the edits made between timed rebuilds.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace shokuhon::bench {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it when destroyed.
class TempDir {
public:
    explicit TempDir(const std::string& prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    bool ok() const { return !path_.empty(); }

private:
    std::filesystem::path path_;
};

// Copies a folder for editing: XML and text files copied, everything else (photos, ICC
// profiles) hard-linked, or copied where a link is not possible. Never a symbolic link: the
// content loader refuses photos that lead outside their folder.
bool mirror_tree(const std::filesystem::path& from, const std::filesystem::path& to);

// In `file`, the text between `open` and `close`, where `open` is the first one after `anchor`.
std::optional<std::string> text_between(const std::filesystem::path& file, std::string_view anchor,
                                        std::string_view open, std::string_view close);

// Replaces that text with `inner`; false when the anchor or the delimiters are not found.
bool replace_between(const std::filesystem::path& file, std::string_view anchor, std::string_view open,
                     std::string_view close, const std::string& inner);

// Byte-for-byte equality of two files (false when either cannot be read).
bool same_bytes(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace shokuhon::bench
