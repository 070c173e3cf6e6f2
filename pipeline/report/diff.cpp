#include <algorithm>
#include <cstdlib>

#include "report/report.h"

namespace shokuhon::report {
namespace {

int distance(std::uint32_t a, std::uint32_t b) {
    const auto ch = [](std::uint32_t v, int shift) { return static_cast<int>((v >> shift) & 0xFF); };
    return std::abs(ch(a, 16) - ch(b, 16)) + std::abs(ch(a, 8) - ch(b, 8)) + std::abs(ch(a, 0) - ch(b, 0));
}

struct Grid {
    int cols = 0, rows = 0;
    std::vector<char> on;
    bool at(int c, int r) const { return c >= 0 && r >= 0 && c < cols && r < rows && on[static_cast<std::size_t>(r * cols + c)]; }
    void set(int c, int r) {
        if (c >= 0 && r >= 0 && c < cols && r < rows) on[static_cast<std::size_t>(r * cols + c)] = 1;
    }
};

// Blocks holding a changed pixel, grown by `margin` blocks.
Grid changed_blocks(const render::Raster& a, const render::Raster& b, const DiffOptions& o) {
    Grid g{(a.width + o.block - 1) / o.block, (a.height + o.block - 1) / o.block, {}};
    g.on.assign(static_cast<std::size_t>(g.cols * g.rows), 0);
    Grid hit = g;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const auto i = static_cast<std::size_t>(y * a.width + x);
            if (distance(a.rgb[i], b.rgb[i]) > o.threshold) hit.set(x / o.block, y / o.block);
        }
    }
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            if (!hit.at(c, r)) continue;
            for (int dr = -o.margin; dr <= o.margin; ++dr) {
                for (int dc = -o.margin; dc <= o.margin; ++dc) g.set(c + dc, r + dr);
            }
        }
    }
    return g;
}

// The bounding box (in blocks) of the 8-connected group at (c, r); clears it from the grid.
Box take_group(Grid& g, int c0, int r0) {
    Box b{c0, r0, 1, 1};
    std::vector<std::pair<int, int>> stack{{c0, r0}};
    g.on[static_cast<std::size_t>(r0 * g.cols + c0)] = 0;
    while (!stack.empty()) {
        const auto [c, r] = stack.back();
        stack.pop_back();
        const int x1 = std::max(b.x + b.w, c + 1), y1 = std::max(b.y + b.h, r + 1);
        b.x = std::min(b.x, c);
        b.y = std::min(b.y, r);
        b.w = x1 - b.x;
        b.h = y1 - b.y;
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                if (!g.at(c + dc, r + dr)) continue;
                g.on[static_cast<std::size_t>((r + dr) * g.cols + c + dc)] = 0;
                stack.emplace_back(c + dc, r + dr);
            }
        }
    }
    return b;
}

}  // namespace

std::vector<Box> changed_areas(const render::Raster& before, const render::Raster& after, const DiffOptions& opts) {
    if (before.width != after.width || before.height != after.height || before.rgb.size() != after.rgb.size()) {
        return {Box{0, 0, after.width, after.height}};
    }
    const DiffOptions o{opts.threshold, std::max(1, opts.block), std::max(0, opts.margin)};
    Grid g = changed_blocks(before, after, o);
    std::vector<Box> boxes;
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            if (!g.at(c, r)) continue;
            const Box b = take_group(g, c, r);
            const int x = b.x * o.block, y = b.y * o.block;
            boxes.push_back({x, y, std::min(b.w * o.block, after.width - x), std::min(b.h * o.block, after.height - y)});
        }
    }
    return boxes;
}

}  // namespace shokuhon::report
