#include "app/photos.h"

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

void check_photos(const content::Book& book, const fs::path& content_dir, Diagnostics& diags) {
    // One check per file, one error per entry that uses it.
    std::map<std::string, std::optional<render::ImageProblem>> checked;
    for (const auto& use : photo_uses(book)) {
        if (use.src.empty()) continue;
        const auto file = content::confined_path(content_dir, use.src);
        std::error_code ec;
        if (!file || !fs::is_regular_file(*file, ec)) continue;
        auto [it, fresh] = checked.try_emplace(file->string());
        if (fresh) it->second = check_file(*file);
        if (!it->second) continue;
        diags.error(it->second->code, use.loc,
                    use.entry + ": photo \"" + use.src + "\" " + it->second->message, it->second->hint);
    }
}

}  // namespace shokuhon::app
