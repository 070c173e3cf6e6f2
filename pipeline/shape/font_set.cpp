#include "shape/font_set.h"

#include <fstream>
#include <sstream>

namespace shokuhon::shape {

std::vector<FontLockEntry> read_font_lock(const std::filesystem::path& lock, Diagnostics& diags) {
    std::vector<FontLockEntry> out;
    std::ifstream in(lock);
    if (!in) {
        diags.error("E-FONT-001", {lock.string(), 0, 0}, "cannot read the font lock file");
        return out;
    }
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        std::istringstream fields(line);
        FontLockEntry e;
        std::string file;
        if (!(fields >> e.role >> e.face >> e.sha256 >> file) || e.sha256.size() != 64) {
            diags.error("E-FONT-002", {lock.string(), line_no, static_cast<int>(first) + 1},
                        "expected: role face sha256 file", "e.g. mincho 0 <64 hex digits> /path/font.ttc");
            continue;
        }
        e.file = file;
        e.loc = {lock.string(), line_no, static_cast<int>(first) + 1};
        std::error_code ec;
        if (!std::filesystem::is_regular_file(e.file, ec)) {
            diags.error("E-FONT-003", e.loc, "font file for role \"" + e.role + "\" not found: " + file,
                        "install it (apt-get install fonts-noto-cjk) or point the lock at another file");
            continue;
        }
        out.push_back(std::move(e));
    }
    return out;
}

FontSet FontSet::open(const std::vector<FontLockEntry>& lock, Diagnostics& diags) {
    FontSet set;
    for (const auto& e : lock) {
        CHandle<hb_blob_t, hb_blob_destroy> blob{hb_blob_create_from_file_or_fail(e.file.c_str())};
        if (!blob) {
            diags.error("E-FONT-004", e.loc, "cannot read font file " + e.file.string());
            continue;
        }
        if (e.face >= hb_face_count(blob.get())) {
            diags.error("E-FONT-005", e.loc, "font file has no face " + std::to_string(e.face));
            continue;
        }
        CHandle<hb_face_t, hb_face_destroy> face{hb_face_create(blob.get(), e.face)};
        auto font = std::make_unique<Font>();
        font->role_ = e.role;
        font->file_ = e.file;
        font->face_ = e.face;
        font->upem_ = hb_face_get_upem(face.get());
        font->font_.reset(hb_font_create(face.get()));
        const int upem = static_cast<int>(font->upem_);
        hb_font_set_scale(font->font_.get(), upem, upem);
        set.fonts_[e.role] = std::move(font);
    }
    return set;
}

FontSet FontSet::clone() const {
    FontSet set;
    for (const auto& [role, f] : fonts_) {
        auto font = std::make_unique<Font>();
        font->role_ = f->role_;
        font->file_ = f->file_;
        font->face_ = f->face_;
        font->upem_ = f->upem_;
        font->font_.reset(hb_font_create(hb_font_get_face(f->font_.get())));
        const int upem = static_cast<int>(font->upem_);
        hb_font_set_scale(font->font_.get(), upem, upem);
        set.fonts_[role] = std::move(font);
    }
    return set;
}

const Font* FontSet::find(const std::string& role) const {
    auto it = fonts_.find(role);
    return it == fonts_.end() ? nullptr : it->second.get();
}

std::vector<std::string> FontSet::roles() const {
    std::vector<std::string> r;
    for (const auto& [k, v] : fonts_) r.push_back(k);
    return r;
}

}  // namespace shokuhon::shape
