// finish/: effective photo resolution in the composed book (see photo_ppi.h).
#include "finish/photo_ppi.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "finish/jpeg_io.h"

namespace shokuhon::finish {
namespace {

std::string format(double v, const char* fmt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

struct Size {
    int w = 0, h = 0;
};

Size pixel_size(const std::string& path, std::map<std::string, Size>& cache) {
    if (auto it = cache.find(path); it != cache.end()) return it->second;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Size s;
    jpeg_size(bytes, s.w, s.h);
    return cache.emplace(path, s).first->second;
}

std::string message(const PhotoPlacement& p, const PhotoOwner* owner, double threshold) {
    std::string who = owner ? owner->label + ": photo " + owner->src : "photo " + p.path;
    return who + " is " + std::to_string(p.width_px) + "×" + std::to_string(p.height_px) + " px in a " +
           format(p.frame_w_mm, "%.1f") + "×" + format(p.frame_h_mm, "%.1f") + " mm frame on page " +
           std::to_string(p.page) + ": " + format(p.ppi, "%.0f") + " ppi effective, under " +
           format(threshold, "%.0f");
}

// The pixels this frame needs at `ppi`, for the hint.
std::string needed(const PhotoPlacement& p, double ppi) {
    const double w_in = p.frame_w_mm / 25.4, h_in = p.frame_h_mm / 25.4;
    // Scaled to cover the frame, the photo needs both sides at ppi (its aspect ratio kept).
    const double scale = std::max(w_in * ppi / p.width_px, h_in * ppi / p.height_px);
    return std::to_string(static_cast<long>(std::ceil(p.width_px * scale))) + "×" +
           std::to_string(static_cast<long>(std::ceil(p.height_px * scale))) + " px";
}

}  // namespace

std::vector<PhotoPlacement> photo_placements(const compose::Document& doc) {
    std::vector<PhotoPlacement> out;
    std::map<std::string, Size> sizes;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        for (const auto& item : doc.pages[i].items) {
            const auto* img = std::get_if<compose::ImageItem>(&item);
            if (!img || img->path.empty() || img->frame.w.sp <= 0 || img->frame.h.sp <= 0) continue;
            const Size s = pixel_size(img->path, sizes);
            if (s.w <= 0 || s.h <= 0) continue;
            PhotoPlacement p{static_cast<int>(i) + 1, img->path, s.w, s.h, img->frame.w.mm(), img->frame.h.mm(), 0};
            p.ppi = 72.0 * std::min(s.w / img->frame.w.pt(), s.h / img->frame.h.pt());
            out.push_back(p);
        }
    }
    return out;
}

std::vector<PhotoPlacement> check_photo_resolution(const compose::Document& doc,
                                                   const std::map<std::string, PhotoOwner>& owners,
                                                   double warning_ppi, double error_ppi, Diagnostics& diags) {
    auto placements = photo_placements(doc);
    for (const auto& p : placements) {
        if (p.ppi >= warning_ppi) continue;
        auto it = owners.find(p.path);
        const PhotoOwner* owner = it == owners.end() ? nullptr : &it->second;
        const SourceLoc loc = owner ? owner->loc : SourceLoc{p.path, 0, 0};
        if (p.ppi < error_ppi) {
            diags.error("E-PRINT-041", loc, message(p, owner, error_ppi),
                        "a photo of at least " + needed(p, warning_ppi) + " prints well here (" +
                            format(warning_ppi, "%.0f") + " ppi); or lower ppi-error in <print>");
        } else {
            diags.warning("W-PRINT-040", loc, message(p, owner, warning_ppi),
                          "a photo of at least " + needed(p, warning_ppi) + " prints at " +
                              format(warning_ppi, "%.0f") + " ppi here");
        }
    }
    return placements;
}

}  // namespace shokuhon::finish
