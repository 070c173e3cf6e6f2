// shape/: the fonts of a build, opened once from the files fonts/fonts.lock names (never
// fontconfig). Each role (mincho, gothic-bold, ...) maps to one face of one file.
#pragma once
#include <hb.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostics.h"

namespace shokuhon::shape {

struct FontLockEntry {
    std::string role;
    unsigned face = 0;
    std::string sha256;
    std::filesystem::path file;
    SourceLoc loc;
};

// Reads fonts/fonts.lock. Errors (bad lines, missing files) name the lock file and line.
std::vector<FontLockEntry> read_font_lock(const std::filesystem::path& lock, Diagnostics& diags);

class Font {
public:
    const std::string& role() const { return role_; }
    const std::filesystem::path& file() const { return file_; }
    unsigned face_index() const { return face_; }
    unsigned upem() const { return upem_; }
    hb_font_t* hb() const { return font_.get(); }

private:
    friend class FontSet;
    std::string role_;
    std::filesystem::path file_;
    unsigned face_ = 0, upem_ = 1000;
    CHandle<hb_font_t, hb_font_destroy> font_;
};

class FontSet {
public:
    // Opens every entry; a file that cannot be read is an error naming the lock line.
    static FontSet open(const std::vector<FontLockEntry>& lock, Diagnostics& diags);
    const Font* find(const std::string& role) const;
    // The same faces (files read once, shared) with fonts of their own: HarfBuzz keeps glyph
    // caches per font, and threads shaping with one font contend for them. One per thread.
    FontSet clone() const;
    std::vector<std::string> roles() const;

private:
    std::map<std::string, std::unique_ptr<Font>> fonts_;
};

}  // namespace shokuhon::shape
