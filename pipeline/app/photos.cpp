#include "app/photos.h"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <string>
#include <vector>

#include "app/atomic_file.h"
#include "content/load.h"
#include "render/jpeg.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

struct PhotoUse {
    const std::string& src;
    const SourceLoc& loc;
    std::string entry;  // as the loader names it: shop "name" (id)
};

std::string label(const char* kind, const std::string& name, const std::string& id) {
    return std::string(kind) + " \"" + name + "\" (" + id + ")";
}

std::vector<PhotoUse> photo_uses(const content::Book& b) {
    std::vector<PhotoUse> out;
    for (const auto& s : b.shops) out.push_back({s.photo, s.loc, label("shop", s.name, s.id)});
    for (const auto& p : b.products) out.push_back({p.photo, p.loc, label("product", p.name, p.id)});
    for (const auto& s : b.spots) out.push_back({s.photo, s.loc, label("spot", s.name, s.id)});
    for (const auto& s : b.plan.sections) out.push_back({s.photo, s.loc, label("section", s.title, s.id)});
    out.push_back({b.meta.cover_photo, b.meta.loc, "book cover"});
    return out;
}

std::optional<render::ImageProblem> check_file(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > render::kMaxJpegBytes) {
        return render::ImageProblem{"E-IMAGE-007",
                                    ec ? "cannot be read" : "is larger than the limit of " +
                                             std::to_string(render::kMaxJpegBytes >> 20) + " MiB",
                                    "check the file, or scale it down to its printed size"};
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in) return render::ImageProblem{"E-IMAGE-007", "cannot be read", "check the file's permissions"};
    return render::check_jpeg(bytes);
}

}  // namespace

std::vector<fs::path> photo_files(const content::Book& book, const fs::path& content_dir) {
    std::vector<fs::path> out;
    std::set<std::string> seen;
    for (const auto& use : photo_uses(book)) {
        if (use.src.empty()) continue;
        const auto file = content::confined_path(content_dir, use.src);
        std::error_code ec;
        if (!file || !fs::is_regular_file(*file, ec)) continue;
        if (seen.insert(file->string()).second) out.push_back(*file);
    }
    return out;
}

// The first line names the check's version: a changed check makes every verdict void.
constexpr std::string_view kVerdictHeader = "shokuhon photo verdicts 1 (render::check_jpeg)";

PhotoVerdicts::PhotoVerdicts(fs::path file) : file_(std::move(file)) {
    std::ifstream in(file_);
    std::string line;
    if (!std::getline(in, line) || line != kVerdictHeader) return;
    while (std::getline(in, line)) {
        if (line.size() == 64 && line.find_first_not_of("0123456789abcdef") == std::string::npos) good_.insert(line);
    }
}

void PhotoVerdicts::add(const std::string& sha256) {
    if (sha256.size() == 64 && good_.insert(sha256).second) dirty_ = true;
}

bool PhotoVerdicts::save() const {
    if (!dirty_ || file_.empty()) return true;
    std::string text(kVerdictHeader);
    text += '\n';
    for (const auto& h : good_) text += h + '\n';
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    remove_orphaned_temporaries(file_);  // left by builds killed while saving
    return write_file_atomically(file_, text, ec, Durability::kCache);
}

void check_photos(const content::Book& book, const fs::path& content_dir, Diagnostics& diags,
                  const std::set<std::string>& known_good, std::vector<std::string>* found_good) {
    // One check per file, one error per entry that uses it.
    std::map<std::string, std::optional<render::ImageProblem>> checked;
    for (const auto& use : photo_uses(book)) {
        if (use.src.empty()) continue;
        const auto file = content::confined_path(content_dir, use.src);
        std::error_code ec;
        if (!file || !fs::is_regular_file(*file, ec)) continue;
        auto [it, fresh] = checked.try_emplace(file->string());
        if (fresh && !known_good.count(file->string())) {
            it->second = check_file(*file);
            if (!it->second && found_good) found_good->push_back(file->string());
        }
        if (!it->second) continue;
        diags.error(it->second->code, use.loc,
                    use.entry + ": photo \"" + use.src + "\" " + it->second->message, it->second->hint);
    }
}

}  // namespace shokuhon::app
