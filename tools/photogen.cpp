// photogen: draws the placeholder photographs the sample book refers to.
//
// Usage: photogen CONTENT_DIR
//
// Every <photo src="..."> in CONTENT_DIR/*.xml and CONTENT_DIR/shops/*.xml names a JPEG relative
// to CONTENT_DIR. Missing ones are painted with Cairo as soft, stylised "magazine" photographs
// (food seen from above, still lifes, Shonan landscapes) and written with libjpeg. The picture
// depends only on the file name, so the sample book is reproducible without shipping binaries.
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <numbers>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// jpeglib.h uses FILE and size_t without including their headers, so it must come after <cstdio>.
#include <jpeglib.h>

#include "core/c_handle.h"

namespace fs = std::filesystem;

namespace {

using shokuhon::CHandle;
using SurfaceHandle = CHandle<cairo_surface_t, cairo_surface_destroy>;
using CairoHandle = CHandle<cairo_t, cairo_destroy>;
using PatternHandle = CHandle<cairo_pattern_t, cairo_pattern_destroy>;
using XmlDocHandle = CHandle<xmlDoc, xmlFreeDoc>;

// xmlFree is a function-pointer variable, not a function, so it cannot be a template argument.
void free_xml_string(xmlChar* s) { xmlFree(s); }
using XmlStringHandle = CHandle<xmlChar, free_xml_string>;

// jpeg_mem_dest hands back a malloc'd buffer that the caller must free.
void free_bytes(unsigned char* p) { std::free(p); }
using MallocBytes = CHandle<unsigned char, free_bytes>;

constexpr double kPi = std::numbers::pi;
constexpr double kTau = 2 * kPi;

// ------------------------------------------------------------------------------------ randomness

// splitmix64: tiny, fast and fully specified, so the pictures are identical on every machine
// and compiler (std:: distributions are not portable across standard libraries).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_{seed} {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double range(double lo, double hi) { return lo + (hi - lo) * unit(); }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(double p) { return unit() < p; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[next() % N]; }

private:
    std::uint64_t state_;
};

constexpr std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

// ---------------------------------------------------------------------------------------- colour

struct Rgb {
    double r, g, b;
};

constexpr Rgb hex(std::uint32_t v) {
    return {((v >> 16) & 255u) / 255.0, ((v >> 8) & 255u) / 255.0, (v & 255u) / 255.0};
}
constexpr Rgb mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
constexpr Rgb kWhite{1, 1, 1};
constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb lighten(Rgb c, double t) { return mix(c, kWhite, t); }
constexpr Rgb darken(Rgb c, double t) { return mix(c, kBlack, t); }

// Small random shifts in lightness and hue so repeated objects never look stamped.
Rgb vary(Rgb c, Rng& rng, double amount) {
    const double k = rng.range(-amount, amount);
    const Rgb base = k > 0 ? lighten(c, k) : darken(c, -k);
    const double q = amount * 0.3;
    return {std::clamp(base.r + rng.range(-q, q), 0.0, 1.0),
            std::clamp(base.g + rng.range(-q, q), 0.0, 1.0),
            std::clamp(base.b + rng.range(-q, q), 0.0, 1.0)};
}

void set_rgb(cairo_t* cr, Rgb c, double a = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, a); }

struct Stop {
    double at;
    Rgb c;
    double a = 1.0;
};

void add_stops(cairo_pattern_t* p, std::initializer_list<Stop> stops) {
    for (const Stop& s : stops) cairo_pattern_add_color_stop_rgba(p, s.at, s.c.r, s.c.g, s.c.b, s.a);
}

void source_linear(cairo_t* cr, double x0, double y0, double x1, double y1,
                   std::initializer_list<Stop> stops) {
    const PatternHandle p{cairo_pattern_create_linear(x0, y0, x1, y1)};
    add_stops(p.get(), stops);
    cairo_set_source(cr, p.get());
}

// Radial gradient from the point (fx, fy) out to the circle (cx, cy, r).
void source_radial(cairo_t* cr, double fx, double fy, double cx, double cy, double r,
                   std::initializer_list<Stop> stops) {
    const PatternHandle p{cairo_pattern_create_radial(fx, fy, 0, cx, cy, r)};
    add_stops(p.get(), stops);
    cairo_set_source(cr, p.get());
}

// -------------------------------------------------------------------------------------- geometry

struct Pt {
    double x, y;
};
struct Disc {
    double x, y, r;
};
struct Oval {
    double x, y, rx, ry, angle = 0;
};

void disc_path(cairo_t* cr, Disc d) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, d.x, d.y, d.r, 0, kTau);
    cairo_close_path(cr);
}

void oval_path(cairo_t* cr, const Oval& o) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_scale(cr, o.rx, o.ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, kTau);
    cairo_close_path(cr);
    cairo_restore(cr);  // the path stays in device space, the transform goes
}

void fill_oval(cairo_t* cr, const Oval& o, Rgb c, double a = 1.0) {
    oval_path(cr, o);
    set_rgb(cr, c, a);
    cairo_fill(cr);
}

// Fills an oval with a radial gradient built in the oval's own (scaled) space, so it follows the
// oval's shape; (fx, fy) moves the gradient's centre, e.g. toward the light for a highlight.
void shade_oval(cairo_t* cr, const Oval& o, std::initializer_list<Stop> stops, double fx = 0,
                double fy = 0) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_scale(cr, o.rx, o.ry);
    cairo_arc(cr, 0, 0, 1, 0, kTau);
    source_radial(cr, fx, fy, 0, 0, 1, stops);
    cairo_fill(cr);
    cairo_restore(cr);
}

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -kPi / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, kPi / 2);
    cairo_arc(cr, x + r, y + h - r, r, kPi / 2, kPi);
    cairo_arc(cr, x + r, y + r, r, kPi, 1.5 * kPi);
    cairo_close_path(cr);
}

// Closed Catmull-Rom spline through the points: organic outlines (food, hills) without corners.
void smooth_closed(cairo_t* cr, const std::vector<Pt>& p) {
    const std::size_t n = p.size();
    cairo_new_sub_path(cr);
    cairo_move_to(cr, p[0].x, p[0].y);
    for (std::size_t i = 0; i < n; ++i) {
        const Pt& a = p[(i + n - 1) % n];
        const Pt& b = p[i];
        const Pt& c = p[(i + 1) % n];
        const Pt& d = p[(i + 2) % n];
        cairo_curve_to(cr, b.x + (c.x - a.x) / 6, b.y + (c.y - a.y) / 6, c.x - (d.x - b.x) / 6,
                       c.y - (d.y - b.y) / 6, c.x, c.y);
    }
    cairo_close_path(cr);
}

// Points around an oval with a random, smooth wobble of relative size `wobble`.
std::vector<Pt> blob_points(Rng& rng, const Oval& o, double wobble, int n = 14) {
    const double p2 = rng.range(0, kTau), p3 = rng.range(0, kTau);
    const double a2 = rng.range(0.3, 1.0), a3 = rng.range(0.2, 0.7);
    const double ca = std::cos(o.angle), sa = std::sin(o.angle);
    std::vector<Pt> pts;
    for (int i = 0; i < n; ++i) {
        const double t = kTau * i / n;
        const double k = 1 + wobble * (a2 * std::sin(2 * t + p2) * 0.6 +
                                       a3 * std::sin(3 * t + p3) * 0.4 + rng.range(-0.3, 0.3));
        const double lx = std::cos(t) * o.rx * k, ly = std::sin(t) * o.ry * k;
        pts.push_back({o.x + lx * ca - ly * sa, o.y + lx * sa + ly * ca});
    }
    return pts;
}

void blob_path(cairo_t* cr, Rng& rng, const Oval& o, double wobble, int n = 14) {
    smooth_closed(cr, blob_points(rng, o, wobble, n));
}

// Strokes a circle whose colour runs from `upper_left` to `lower_right`, transparent between:
// the cue that makes a flat disc read as a raised rim (light first) or a sunken well (dark first).
void shaded_ring(cairo_t* cr, Disc d, double width, Stop upper_left, Stop lower_right) {
    disc_path(cr, d);
    source_linear(cr, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r,
                  {{0.1, upper_left.c, upper_left.a},
                   {0.5, mix(upper_left.c, lower_right.c, 0.5), 0},
                   {0.9, lower_right.c, lower_right.a}});
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

// ------------------------------------------------------------------------------------ pixel work

// One box-filter pass over `n` pixels. All four bytes are averaged, which keeps premultiplied
// ARGB consistent and is harmless for RGB24's unused byte.
void box_pass(const std::uint32_t* src, std::ptrdiff_t src_step, std::uint32_t* dst,
              std::ptrdiff_t dst_step, int n, int r) {
    const auto at = [&](int i) { return src[std::clamp(i, 0, n - 1) * src_step]; };
    std::array<std::uint32_t, 4> sum{};
    for (int i = -r; i <= r; ++i)
        for (int k = 0; k < 4; ++k) sum[static_cast<std::size_t>(k)] += (at(i) >> (8 * k)) & 255u;
    const auto div = static_cast<std::uint32_t>(2 * r + 1);
    for (int i = 0; i < n; ++i) {
        std::uint32_t out = 0;
        const std::uint32_t gone = at(i - r), come = at(i + r + 1);
        for (int k = 0; k < 4; ++k) {
            std::uint32_t& s = sum[static_cast<std::size_t>(k)];
            out |= ((s + div / 2) / div) << (8 * k);
            s += ((come >> (8 * k)) & 255u) - ((gone >> (8 * k)) & 255u);  // wraps back exactly
        }
        dst[i * dst_step] = out;
    }
}

// Repeated box passes approximate a Gaussian blur at a fraction of its cost.
void blur_pixels(std::uint32_t* px, int w, int h, std::ptrdiff_t stride, int r, int passes) {
    if (r < 1) return;
    std::vector<std::uint32_t> tmp(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int p = 0; p < passes; ++p) {
        for (int y = 0; y < h; ++y) box_pass(px + y * stride, 1, tmp.data() + y * w, 1, w, r);
        for (int x = 0; x < w; ++x) box_pass(tmp.data() + x, w, px + x, stride, h, r);
    }
}

struct PixelView {
    std::uint32_t* px;
    int w, h;
    std::ptrdiff_t stride;  // in pixels
};

// Cairo image rows are 32-bit pixels on 4-byte aligned rows.
PixelView pixels(cairo_surface_t* s) {
    cairo_surface_flush(s);
    return {reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(s)),
            cairo_image_surface_get_width(s), cairo_image_surface_get_height(s),
            cairo_image_surface_get_stride(s) / 4};
}

void blur_surface(cairo_surface_t* s, int r, int passes = 2) {
    const PixelView v = pixels(s);
    blur_pixels(v.px, v.w, v.h, v.stride, r, passes);
    cairo_surface_mark_dirty(s);
}

std::uint32_t blend_px(std::uint32_t a, std::uint32_t b, std::uint32_t t256) {
    std::uint32_t out = 0;
    for (int k = 0; k < 24; k += 8) {
        const std::uint32_t ca = (a >> k) & 255u, cb = (b >> k) & 255u;
        out |= ((ca * (256u - t256) + cb * t256) >> 8) << k;
    }
    return out;
}

// Shallow depth of field: sharp within `sharp` px of the focus, fully blurred beyond `soft`.
// Photographers shoot food this way, and it hides the drawing's hard edges at the frame.
void depth_of_field(cairo_surface_t* s, Pt focus, double sharp, double soft, int radius) {
    const PixelView v = pixels(s);
    std::vector<std::uint32_t> blurred(static_cast<std::size_t>(v.w) * static_cast<std::size_t>(v.h));
    for (int y = 0; y < v.h; ++y)
        std::copy_n(v.px + y * v.stride, v.w, blurred.data() + y * v.w);
    blur_pixels(blurred.data(), v.w, v.h, v.w, radius, 2);
    for (int y = 0; y < v.h; ++y) {
        for (int x = 0; x < v.w; ++x) {
            const double d = std::hypot(x - focus.x, (y - focus.y) * 1.25);
            const double t = std::clamp((d - sharp) / (soft - sharp), 0.0, 1.0);
            const auto t256 = static_cast<std::uint32_t>(t * t * (3 - 2 * t) * 256);
            std::uint32_t& p = v.px[y * v.stride + x];
            p = blend_px(p, blurred[static_cast<std::size_t>(y * v.w + x)], t256);
        }
    }
    cairo_surface_mark_dirty(s);
}

// ----------------------------------------------------------------------------------- the canvas

struct Canvas {
    cairo_t* cr;
    cairo_surface_t* surface;
    double w, h;
};

// Soft shadow of whatever `path` outlines: drawn at quarter size on its own surface, blurred and
// laid under the object. Cairo cannot blur, and hard-edged shadows are what make drawings look
// like drawings. Offsets are in the scene's user space, so a mirrored scene mirrors its light.
template <class Path>
void soft_shadow(const Canvas& c, double alpha, double blur_px, Pt offset, Path&& path) {
    constexpr double k = 0.25;
    const SurfaceHandle layer{cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, static_cast<int>(c.w * k) + 2, static_cast<int>(c.h * k) + 2)};
    {
        const CairoHandle lc{cairo_create(layer.get())};
        cairo_matrix_t m;
        cairo_get_matrix(c.cr, &m);
        cairo_scale(lc.get(), k, k);
        cairo_transform(lc.get(), &m);
        cairo_translate(lc.get(), offset.x, offset.y);
        path(lc.get());
        cairo_set_source_rgba(lc.get(), 0, 0, 0, 1);
        cairo_fill(lc.get());
    }
    blur_surface(layer.get(), std::max(1, static_cast<int>(blur_px * k / 2)), 3);
    cairo_save(c.cr);
    cairo_identity_matrix(c.cr);
    cairo_scale(c.cr, 1 / k, 1 / k);
    cairo_set_source_surface(c.cr, layer.get(), 0, 0);
    cairo_paint_with_alpha(c.cr, alpha);
    cairo_restore(c.cr);
}

// ----------------------------------------------------------------------------------- table tops

enum class TableKind { wood, linen, slate };
struct TableLook {
    TableKind kind;
    Rgb base;
};

// A single board: rounded shading across it, tonal drift along it, wavy grain lines, a seam.
void draw_plank(cairo_t* cr, double y0, double thick, double len, Rgb col, Rng& rng) {
    cairo_save(cr);
    cairo_rectangle(cr, 0, y0, len, thick);
    cairo_clip(cr);
    source_linear(cr, 0, y0, 0, y0 + thick,
                  {{0, lighten(col, 0.05)}, {0.5, col}, {1, darken(col, 0.1)}});
    cairo_paint(cr);
    source_linear(cr, 0, 0, len, 0,
                  {{0, kBlack, rng.range(0, 0.12)}, {0.35, kBlack, rng.range(0, 0.12)},
                   {0.7, kBlack, rng.range(0, 0.12)}, {1, kBlack, rng.range(0, 0.12)}});
    cairo_paint(cr);
    const int lines = 26 + rng.below(16);
    for (int i = 0; i < lines; ++i) {
        const double gy = y0 + rng.range(-0.1, 1.1) * thick;
        const double amp = rng.range(1, 7), f1 = rng.range(0.002, 0.006), p1 = rng.range(0, kTau);
        const double f2 = rng.range(0.01, 0.02), p2 = rng.range(0, kTau);
        cairo_move_to(cr, -20, gy);
        for (double x = -20; x < len + 40; x += 24)
            cairo_line_to(cr, x, gy + amp * std::sin(x * f1 + p1) + 1.2 * std::sin(x * f2 + p2));
        const bool dark = rng.chance(0.75);
        set_rgb(cr, dark ? darken(col, 0.45) : lighten(col, 0.25), rng.range(0.07, 0.3));
        cairo_set_line_width(cr, rng.range(0.6, 2.6));
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    cairo_set_line_width(cr, 2.5);
    set_rgb(cr, darken(col, 0.6), 0.6);
    cairo_move_to(cr, 0, y0);
    cairo_line_to(cr, len, y0);
    cairo_stroke(cr);
}

void draw_wood(const Canvas& c, Rgb base, Rng& rng) {
    cairo_t* cr = c.cr;
    cairo_save(cr);
    double len = c.w, across = c.h;
    if (rng.chance(0.5)) {  // boards running top to bottom: rotate so draw_plank stays horizontal
        cairo_translate(cr, c.w, 0);
        cairo_rotate(cr, kPi / 2);
        std::swap(len, across);
    }
    const double plank = c.h * rng.range(0.2, 0.32);
    for (double y = -rng.range(0, plank); y < across; y += plank)
        draw_plank(cr, y, plank, len, vary(base, rng, 0.07), rng);
    cairo_restore(cr);
}

// Linen: threads of random lightness in both directions give the weave, a few slubs break its
// regularity, and broad soft bands suggest the folds of a cloth that was just laid.
void draw_linen(const Canvas& c, Rgb base, Rng& rng) {
    cairo_t* cr = c.cr;
    set_rgb(cr, base);
    cairo_paint(cr);
    cairo_set_line_width(cr, 1.3);
    for (int dir = 0; dir < 2; ++dir) {
        const double len = dir ? c.h : c.w;
        for (double p = 0; p < (dir ? c.w : c.h); p += 2.7) {
            set_rgb(cr, rng.chance(0.5) ? darken(base, 0.35) : lighten(base, 0.5), rng.range(0.02, 0.12));
            cairo_move_to(cr, dir ? p : 0, dir ? 0 : p);
            cairo_line_to(cr, dir ? p : len, dir ? len : p);
            cairo_stroke(cr);
        }
    }
    for (int i = 0; i < 260; ++i) {
        const double x = rng.range(0, c.w), y = rng.range(0, c.h), l = rng.range(8, 40);
        const bool vertical = rng.chance(0.5);
        set_rgb(cr, darken(base, 0.3), rng.range(0.05, 0.14));
        cairo_set_line_width(cr, rng.range(1.4, 2.4));
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, vertical ? x : x + l, vertical ? y + l : y);
        cairo_stroke(cr);
    }
    for (int i = 0; i < 3; ++i) {
        const double a = rng.range(0, kPi), cx = rng.range(0, c.w), cy = rng.range(0, c.h);
        const double dx = std::cos(a) * c.h * 0.12, dy = std::sin(a) * c.h * 0.12;
        source_linear(cr, cx - dx, cy - dy, cx + dx, cy + dy,
                      {{0, kWhite, 0}, {0.4, kWhite, 0.12}, {0.6, kBlack, 0.1}, {1, kBlack, 0}});
        cairo_paint(cr);
    }
}

// Slate or dark lacquered counter: soft mottling plus fine mineral speckle.
void draw_slate(const Canvas& c, Rgb base, Rng& rng) {
    cairo_t* cr = c.cr;
    set_rgb(cr, base);
    cairo_paint(cr);
    for (int i = 0; i < 70; ++i) {
        const double r = rng.range(40, 220);
        const Rgb tone = rng.chance(0.5) ? lighten(base, 0.2) : darken(base, 0.3);
        shade_oval(cr, {rng.range(0, c.w), rng.range(0, c.h), r * 1.6, r},
                   {{0, tone, 0.12}, {1, tone, 0}});
    }
    for (int i = 0; i < 2500; ++i) {
        set_rgb(cr, lighten(base, 0.35), rng.range(0.04, 0.16));
        cairo_rectangle(cr, rng.range(0, c.w), rng.range(0, c.h), 1.5, 1.5);
        cairo_fill(cr);
    }
}

void draw_table(const Canvas& c, const TableLook& t, Rng& rng) {
    switch (t.kind) {
        case TableKind::wood: draw_wood(c, t.base, rng); break;
        case TableKind::linen: draw_linen(c, t.base, rng); break;
        case TableKind::slate: draw_slate(c, t.base, rng); break;
    }
}

// -------------------------------------------------------------------------------------- tableware

constexpr std::array kPorcelain = {hex(0xF5F2EB), hex(0xEFE8DA), hex(0xE2E8E6), hex(0xF2EEE8)};
constexpr std::array kStoneware = {hex(0x7A5E48), hex(0x3D4E6E), hex(0x8E8A80), hex(0x34302D),
                                   hex(0xA9BBA6), hex(0xC9B79A)};
constexpr std::array kAccents = {hex(0x2F4F8F), hex(0x9C3B2E), hex(0x2E5E4E), hex(0x6B4A2A)};

void draw_plate(const Canvas& c, Disc d, Rgb glaze, Rng& rng) {
    cairo_t* cr = c.cr;
    soft_shadow(c, 0.5, d.r * 0.14, {d.r * 0.05, d.r * 0.08}, [&](cairo_t* s) { disc_path(s, d); });
    shade_oval(cr, {d.x, d.y, d.r, d.r},
               {{0, lighten(glaze, 0.18)}, {0.75, glaze}, {1, darken(glaze, 0.12)}}, -0.35, -0.35);
    const Disc well{d.x, d.y, d.r * rng.range(0.64, 0.74)};
    // The well lies below the rim: its edge is dark toward the light and lit away from it.
    shaded_ring(c.cr, well, d.r * 0.04, {0, darken(glaze, 0.35), 0.45}, {0, lighten(glaze, 0.6), 0.5});
    shade_oval(cr, {well.x, well.y, well.r * 0.985, well.r * 0.985},
               {{0, lighten(glaze, 0.1)}, {1, darken(glaze, 0.04)}}, 0.25, 0.25);
    if (rng.chance(0.4)) {  // a painted line on the rim, as on much Japanese tableware
        set_rgb(cr, rng.pick(kAccents), 0.75);
        cairo_set_line_width(cr, d.r * 0.018);
        disc_path(cr, {d.x, d.y, (well.r + d.r) / 2});
        cairo_stroke(cr);
    }
    shaded_ring(cr, {d.x, d.y, d.r * 0.985}, d.r * 0.03, {0, kWhite, 0.7}, {0, darken(glaze, 0.45), 0.4});
}

// A long rectangular plate (for grilled fish or skewers), lying at `angle`.
void draw_long_plate(const Canvas& c, Oval o, Rgb glaze) {
    cairo_t* cr = c.cr;
    const auto outline = [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, o.x, o.y);
        cairo_rotate(t, o.angle);
        rounded_rect(t, -o.rx, -o.ry, 2 * o.rx, 2 * o.ry, o.ry * 0.18);
        cairo_restore(t);
    };
    soft_shadow(c, 0.5, o.ry * 0.25, {o.ry * 0.08, o.ry * 0.12}, outline);
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    rounded_rect(cr, -o.rx, -o.ry, 2 * o.rx, 2 * o.ry, o.ry * 0.18);
    source_linear(cr, -o.rx, -o.ry, o.rx, o.ry,
                  {{0, lighten(glaze, 0.15)}, {0.6, glaze}, {1, darken(glaze, 0.1)}});
    cairo_fill(cr);
    const double in = o.ry * 0.16;
    rounded_rect(cr, -o.rx + in, -o.ry + in, 2 * (o.rx - in), 2 * (o.ry - in), o.ry * 0.12);
    source_linear(cr, -o.rx, -o.ry, o.rx, o.ry,
                  {{0, darken(glaze, 0.3), 0.5}, {0.2, glaze, 0}, {0.8, glaze, 0}, {1, kWhite, 0.4}});
    cairo_set_line_width(cr, o.ry * 0.05);
    cairo_stroke(cr);
    cairo_restore(cr);
}

struct BowlLook {
    Rgb outside, inside;
};

// A bowl seen from above; `fill(contents)` draws the food, clipped to the bowl's opening.
template <class Fill>
void draw_bowl(const Canvas& c, Disc d, BowlLook look, Fill&& fill) {
    cairo_t* cr = c.cr;
    soft_shadow(c, 0.55, d.r * 0.2, {d.r * 0.08, d.r * 0.12}, [&](cairo_t* s) { disc_path(s, d); });
    shade_oval(cr, {d.x, d.y, d.r, d.r},
               {{0, look.outside}, {0.92, look.outside}, {1, darken(look.outside, 0.35)}});
    const Disc wall{d.x, d.y, d.r * 0.93};
    // The inner wall: its far side faces the window, its near side lies in the rim's shade.
    disc_path(cr, wall);
    source_linear(cr, wall.x - wall.r, wall.y - wall.r, wall.x + wall.r, wall.y + wall.r,
                  {{0.15, darken(look.inside, 0.35)}, {0.55, look.inside},
                   {0.9, lighten(look.inside, 0.3)}});
    cairo_fill(cr);
    const Disc food{d.x + d.r * 0.025, d.y + d.r * 0.035, d.r * 0.8};
    cairo_save(cr);
    disc_path(cr, food);
    cairo_clip(cr);
    fill(food);
    shade_oval(cr, {food.x + food.r * 0.12, food.y + food.r * 0.15, food.r * 1.22, food.r * 1.22},
               {{0.72, kBlack, 0}, {1, kBlack, 0.5}});
    cairo_restore(cr);
    shaded_ring(cr, {d.x, d.y, d.r * 0.965}, d.r * 0.05, {0, kWhite, 0.65},
                {0, darken(look.outside, 0.4), 0.3});
}

BowlLook random_bowl(Rng& rng) {
    if (rng.chance(0.4)) {
        const Rgb p = rng.pick(kPorcelain);
        return {p, p};
    }
    const Rgb s = rng.pick(kStoneware);
    return {s, rng.chance(0.5) ? s : rng.pick(kPorcelain)};
}

// ------------------------------------------------------------------------------------ food: basics

// Polar point spread evenly over a disc (sqrt keeps the centre from crowding).
Pt in_disc(Rng& rng, Disc d) {
    const double rr = d.r * std::sqrt(rng.unit()), t = rng.range(0, kTau);
    return {d.x + rr * std::cos(t), d.y + rr * std::sin(t)};
}

// 0 on the shadow side, 1 toward the light (upper left) of a disc: shades many small pieces.
double lit_at(Pt p, Disc d) {
    return std::clamp(0.5 - ((p.x - d.x) + (p.y - d.y)) / (3 * d.r), 0.0, 1.0);
}

void draw_rice(cairo_t* cr, Disc a, Rng& rng) {
    shade_oval(cr, {a.x, a.y, a.r, a.r},
               {{0, hex(0xFDFCF7)}, {0.7, hex(0xEDEAE1)}, {1, hex(0xCBC5B6)}}, -0.3, -0.35);
    const double g = std::max(5.0, a.r * 0.045);
    const int n = static_cast<int>(a.r * a.r * 2.2 / (g * g));
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.98});
        const double ang = rng.range(0, kPi), lit = lit_at(p, a);
        fill_oval(cr, {p.x + g * 0.15, p.y + g * 0.25, g, g * 0.48, ang}, kBlack, 0.1);
        fill_oval(cr, {p.x, p.y, g, g * 0.46, ang},
                  mix(hex(0xD9D3C4), kWhite, 0.35 + 0.6 * lit + rng.range(-0.1, 0.05)));
    }
}

// Many short curved strokes inside a region: shredded cabbage, daikon, shirasu, noodles...
struct StrandLook {
    Rgb col;
    double width, length, bend;
    double shadow = 0.3;
};

void draw_strands(cairo_t* cr, Disc region, const StrandLook& s, int n, Rng& rng) {
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, region);
        const double a = rng.range(0, kTau), b = a + rng.range(-s.bend, s.bend);
        const double l = s.length * rng.range(0.6, 1.3);
        const Pt q{p.x + std::cos(a) * l * 0.5, p.y + std::sin(a) * l * 0.5};
        const Pt e{q.x + std::cos(b) * l * 0.5, q.y + std::sin(b) * l * 0.5};
        const Rgb col = vary(s.col, rng, 0.08);
        for (int layer = 0; layer < 3; ++layer) {
            const double off = layer == 0 ? s.width * 0.35 : (layer == 2 ? -s.width * 0.2 : 0);
            cairo_move_to(cr, p.x + off, p.y + off);
            cairo_curve_to(cr, q.x + off, q.y + off, q.x + off, q.y + off, e.x + off, e.y + off);
            if (layer == 0) set_rgb(cr, darken(col, 0.55), s.shadow);
            if (layer == 1) set_rgb(cr, col);
            if (layer == 2) set_rgb(cr, lighten(col, 0.55), 0.55);
            cairo_set_line_width(cr, s.width * (layer == 0 ? 1.5 : (layer == 2 ? 0.3 : 1.0)));
            cairo_stroke(cr);
        }
    }
}

// A piece of food with an organic outline, shaded as a soft dome lit from the upper left.
struct Piece {
    std::vector<Pt> outline;
    Oval o;
};

Piece make_piece(Rng& rng, const Oval& o, double wobble) { return {blob_points(rng, o, wobble, 16), o}; }

void shadow_pieces(const Canvas& c, const std::vector<Piece>& ps, double size, double alpha = 0.45) {
    soft_shadow(c, alpha, size * 0.5, {size * 0.12, size * 0.18}, [&](cairo_t* s) {
        for (const Piece& p : ps) smooth_closed(s, p.outline);
    });
}

// `texture` scatters crumbs or specks over the surface (fried batter, grilled meat).
void draw_piece(cairo_t* cr, const Piece& p, Rgb col, double texture, Rng& rng) {
    const double r = std::max(p.o.rx, p.o.ry);
    smooth_closed(cr, p.outline);
    source_radial(cr, p.o.x - r * 0.35, p.o.y - r * 0.4, p.o.x, p.o.y, r * 1.15,
                  {{0, lighten(col, 0.3)}, {0.55, col}, {1, darken(col, 0.4)}});
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    const int n = static_cast<int>(texture * r * r * 0.05);
    for (int i = 0; i < n; ++i) {
        const Pt q = in_disc(rng, {p.o.x, p.o.y, r});
        const double s = rng.range(0.8, 2.6) * std::max(1.0, r / 60);
        fill_oval(cr, {q.x, q.y, s, s * rng.range(0.6, 1.0), rng.range(0, kPi)},
                  rng.chance(0.5) ? lighten(col, 0.45) : darken(col, 0.4), rng.range(0.25, 0.6));
    }
    fill_oval(cr, {p.o.x - r * 0.3, p.o.y - r * 0.35, r * 0.35, r * 0.18, p.o.angle - 0.5}, kWhite, 0.16);
    cairo_restore(cr);
}

// A leaf from its base along `angle`: two curves meeting at the tip, with a vein.
void draw_leaf(cairo_t* cr, Pt base, double len, double width, double angle, Rgb col) {
    cairo_save(cr);
    cairo_translate(cr, base.x, base.y);
    cairo_rotate(cr, angle);
    cairo_move_to(cr, 0, 0);
    cairo_curve_to(cr, len * 0.25, -width, len * 0.7, -width * 0.9, len, 0);
    cairo_curve_to(cr, len * 0.7, width * 0.9, len * 0.25, width, 0, 0);
    source_linear(cr, 0, -width, 0, width, {{0, lighten(col, 0.2)}, {0.5, col}, {1, darken(col, 0.3)}});
    cairo_fill(cr);
    set_rgb(cr, lighten(col, 0.45), 0.55);
    cairo_set_line_width(cr, std::max(1.0, width * 0.08));
    cairo_move_to(cr, 0, 0);
    cairo_line_to(cr, len * 0.92, 0);
    for (double t = 0.2; t < 0.85; t += 0.16) {
        cairo_move_to(cr, len * t, 0);
        cairo_line_to(cr, len * (t + 0.12), -width * 0.6 * (1 - t));
        cairo_move_to(cr, len * t, 0);
        cairo_line_to(cr, len * (t + 0.12), width * 0.6 * (1 - t));
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void draw_leaves(cairo_t* cr, Disc region, Rgb col, int n, Rng& rng) {
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, region);
        const double len = region.r * rng.range(0.5, 0.9);
        draw_leaf(cr, p, len, len * rng.range(0.28, 0.42), rng.range(0, kTau), vary(col, rng, 0.15));
    }
}

// A lemon wedge from above: peel arc, pale flesh with segment lines.
void draw_lemon_wedge(cairo_t* cr, Oval o) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, -o.rx, 0);
    cairo_curve_to(cr, -o.rx, -o.ry * 1.3, o.rx, -o.ry * 1.3, o.rx, 0);
    cairo_close_path(cr);
    source_linear(cr, 0, -o.ry, 0, 0, {{0, hex(0xD9A800)}, {0.25, hex(0xF4D22C)}, {1, hex(0xF6E27A)}});
    cairo_fill(cr);
    cairo_move_to(cr, -o.rx * 0.82, 0);
    cairo_curve_to(cr, -o.rx * 0.82, -o.ry * 1.05, o.rx * 0.82, -o.ry * 1.05, o.rx * 0.82, 0);
    cairo_close_path(cr);
    set_rgb(cr, hex(0xFBF0A8));
    cairo_fill(cr);
    set_rgb(cr, kWhite, 0.7);
    cairo_set_line_width(cr, std::max(1.0, o.rx * 0.04));
    for (int i = 1; i < 6; ++i) {
        const double t = kPi + kPi * i / 6;
        cairo_move_to(cr, 0, 0);
        cairo_line_to(cr, std::cos(t) * o.rx * 0.75, std::sin(t) * o.ry * 0.75);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

// Round glossy things: tomatoes, egg yolks, ikura, umeboshi.
void draw_gloss_ball(cairo_t* cr, Disc d, Rgb col) {
    shade_oval(cr, {d.x, d.y, d.r, d.r},
               {{0, lighten(col, 0.35)}, {0.5, col}, {1, darken(col, 0.35)}}, -0.35, -0.4);
    fill_oval(cr, {d.x - d.r * 0.35, d.y - d.r * 0.4, d.r * 0.28, d.r * 0.17, -0.6}, kWhite, 0.65);
}

void draw_sprinkles(cairo_t* cr, Disc region, Rgb col, int n, double size, Rng& rng) {
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, region);
        fill_oval(cr, {p.x, p.y, size, size * 0.55, rng.range(0, kPi)}, vary(col, rng, 0.1), 0.9);
    }
}

// Chopped spring onion: small pale-green rings.
void draw_negi(cairo_t* cr, Disc region, int n, Rng& rng) {
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, region);
        const double r = region.r * rng.range(0.05, 0.09);
        fill_oval(cr, {p.x, p.y, r, r * 0.85, rng.range(0, kPi)}, vary(hex(0xE6F0C8), rng, 0.05));
        cairo_set_line_width(cr, r * 0.35);
        set_rgb(cr, vary(hex(0x7FAF45), rng, 0.1));
        oval_path(cr, {p.x, p.y, r * 0.85, r * 0.7, rng.range(0, kPi)});
        cairo_stroke(cr);
    }
}

// ------------------------------------------------------------------------------ food: noodles

struct NoodleLook {
    Rgb broth, noodle;
    double width;
};
constexpr std::array kNoodleLooks = {
    NoodleLook{hex(0xE6CFA2), hex(0xF0D27A), 0.032},  // tonkotsu ramen
    NoodleLook{hex(0x9A5A28), hex(0xEECF72), 0.032},  // shoyu ramen
    NoodleLook{hex(0x5E3C22), hex(0x9C8668), 0.03},   // soba
    NoodleLook{hex(0xC89A58), hex(0xF6F1E4), 0.065},  // udon
};

void draw_broth(cairo_t* cr, Disc a, Rgb broth, Rng& rng) {
    shade_oval(cr, {a.x, a.y, a.r, a.r},
               {{0, lighten(broth, 0.15)}, {0.8, broth}, {1, darken(broth, 0.2)}}, -0.2, -0.2);
    for (int i = 0; i < 40; ++i) {  // fat droplets floating on the surface
        const Pt p = in_disc(rng, a);
        const double r = a.r * rng.range(0.008, 0.04);
        fill_oval(cr, {p.x, p.y, r, r * 0.9}, lighten(broth, 0.3), 0.3);
        set_rgb(cr, lighten(broth, 0.7), 0.45);
        cairo_set_line_width(cr, 1.2);
        cairo_arc(cr, p.x, p.y, r, kPi, 1.6 * kPi);
        cairo_stroke(cr);
    }
}

void draw_chashu(cairo_t* cr, Oval o, Rng& rng) {
    blob_path(cr, rng, o, 0.1);
    set_rgb(cr, hex(0x6E3A20));
    cairo_fill(cr);
    const Oval in{o.x, o.y, o.rx * 0.88, o.ry * 0.88, o.angle};
    blob_path(cr, rng, in, 0.06);
    source_radial(cr, o.x - o.rx * 0.3, o.y - o.ry * 0.3, o.x, o.y, o.rx,
                  {{0, hex(0xEBB9A0)}, {0.7, hex(0xC8866A)}, {1, hex(0x9A5A3E)}});
    cairo_fill(cr);
    set_rgb(cr, hex(0xF6E2D0), 0.55);
    cairo_set_line_width(cr, o.rx * 0.07);
    for (int i = 0; i < 3; ++i) {
        const double a0 = rng.range(0, kTau);
        cairo_arc(cr, o.x + rng.range(-0.2, 0.2) * o.rx, o.y + rng.range(-0.2, 0.2) * o.ry,
                  o.rx * rng.range(0.25, 0.6), a0, a0 + rng.range(1, 2.5));
        cairo_stroke(cr);
    }
    fill_oval(cr, {o.x - o.rx * 0.3, o.y - o.ry * 0.35, o.rx * 0.4, o.ry * 0.15, -0.5}, kWhite, 0.2);
}

void draw_half_egg(cairo_t* cr, Oval o, bool marinated) {
    const Rgb white = marinated ? hex(0xE0AE74) : hex(0xFBF8F0);
    shade_oval(cr, o, {{0, lighten(white, 0.3)}, {0.8, white}, {1, darken(white, 0.2)}}, -0.3, -0.3);
    const Oval yolk{o.x + o.rx * 0.08, o.y, o.rx * 0.55, o.ry * 0.6, o.angle};
    shade_oval(cr, yolk, {{0, hex(0xFFC64E)}, {0.6, hex(0xF08A12)}, {1, hex(0xE9B457)}});
    fill_oval(cr, {yolk.x - yolk.rx * 0.3, yolk.y - yolk.ry * 0.35, yolk.rx * 0.3, yolk.ry * 0.15,
                   o.angle - 0.4}, kWhite, 0.5);
}

void draw_nori(cairo_t* cr, Oval o, Rng& rng) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_rectangle(cr, -o.rx, -o.ry, 2 * o.rx, 2 * o.ry);
    source_linear(cr, -o.rx, 0, o.rx, 0, {{0, hex(0x1F2A1E)}, {0.5, hex(0x2D3A26)}, {1, hex(0x141A12)}});
    cairo_fill(cr);
    set_rgb(cr, hex(0x5A6A48), 0.35);
    cairo_set_line_width(cr, 1.2);
    for (int i = 0; i < 24; ++i) {
        const double x = rng.range(-o.rx, o.rx), y = rng.range(-o.ry, o.ry);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + rng.range(-6, 6), y + rng.range(4, 14));
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

void draw_ramen_toppings(cairo_t* cr, Disc a, Rng& rng) {
    const double s = rng.range(0, kTau);
    const auto at = [&](double ang, double dist) {
        return Pt{a.x + std::cos(s + ang) * a.r * dist, a.y + std::sin(s + ang) * a.r * dist};
    };
    const Pt n = at(3.4, 0.8);
    draw_nori(cr, {n.x, n.y, a.r * 0.28, a.r * 0.2, s + 3.4 + kPi / 2}, rng);
    for (int i = 0; i < 2; ++i) {
        const Pt p = at(i * 0.75, 0.52);
        draw_chashu(cr, {p.x, p.y, a.r * 0.3, a.r * 0.26, rng.range(0, kPi)}, rng);
    }
    const Pt e = at(2.2, 0.5);
    draw_half_egg(cr, {e.x, e.y, a.r * 0.2, a.r * 0.15, s + 2.2}, rng.chance(0.6));
    const Pt m = at(4.6, 0.55);
    draw_strands(cr, {m.x, m.y, a.r * 0.12}, {hex(0xC69A55), a.r * 0.05, a.r * 0.18, 0.2}, 5, rng);
    draw_negi(cr, {a.x, a.y, a.r * 0.25}, 18, rng);
}

void draw_noodle_bowl(const Canvas& c, Disc d, Rng& rng) {
    const NoodleLook look = rng.pick(kNoodleLooks);
    const BowlLook bowl = rng.chance(0.5) ? BowlLook{hex(0x2B2624), hex(0x9C2E22)} : random_bowl(rng);
    draw_bowl(c, d, bowl, [&](Disc a) {
        draw_broth(c.cr, a, look.broth, rng);
        const Disc mass{a.x + rng.range(-0.1, 0.1) * a.r, a.y + rng.range(-0.1, 0.1) * a.r, a.r * 0.75};
        draw_strands(c.cr, mass, {look.noodle, a.r * look.width, a.r * 0.7, 1.4, 0.35}, 70, rng);
        if (look.width < 0.05) {
            draw_ramen_toppings(c.cr, a, rng);
        } else {
            const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.4});
            std::vector<Piece> tempura{make_piece(rng, {p.x, p.y, a.r * 0.42, a.r * 0.22, rng.range(0, kPi)}, 0.2)};
            draw_piece(c.cr, tempura[0], hex(0xE2B85E), 1.5, rng);
            draw_negi(c.cr, {a.x - a.r * 0.3, a.y + a.r * 0.3, a.r * 0.25}, 14, rng);
        }
    });
}

// ------------------------------------------------------------------------------ food: fish

struct SliceLook {
    Rgb flesh, edge;
    bool stripes;
};
constexpr std::array kSlices = {
    SliceLook{hex(0xB21E2E), hex(0x8A1424), false},  // maguro
    SliceLook{hex(0xF0864A), hex(0xF7BE98), true},   // salmon
    SliceLook{hex(0xF3E9E2), hex(0xE49A9A), false},  // tai, pink skin edge
    SliceLook{hex(0xEEF0EE), hex(0xDCE2E4), false},  // ika
    SliceLook{hex(0xE9BFA8), hex(0xC9705E), false},  // buri
};

// One slab of sashimi in its own frame: shaded across, a wet sheen, salmon's fat lines.
void draw_slice(cairo_t* cr, const Oval& o, const SliceLook& s) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    rounded_rect(cr, -o.rx, -o.ry, 2 * o.rx, 2 * o.ry, o.ry * 0.7);
    source_linear(cr, 0, -o.ry, 0, o.ry,
                  {{0, s.edge}, {0.22, s.flesh}, {0.8, s.flesh}, {1, darken(s.flesh, 0.3)}});
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    if (s.stripes) {
        set_rgb(cr, hex(0xFCE6D8), 0.75);
        cairo_set_line_width(cr, o.ry * 0.13);
        for (double x = -o.rx; x < o.rx; x += o.rx * 0.3) {
            cairo_move_to(cr, x, -o.ry);
            cairo_line_to(cr, x + o.rx * 0.25, o.ry);
        }
        cairo_stroke(cr);
    }
    fill_oval(cr, {-o.rx * 0.2, -o.ry * 0.35, o.rx * 0.6, o.ry * 0.18}, kWhite, 0.3);
    cairo_restore(cr);
}

// Slices leaning on each other like roof tiles, each a little lower than the one before.
void draw_slice_row(const Canvas& c, Pt at, double size, double angle, const SliceLook& s, Rng& rng) {
    const int n = 3 + rng.below(3);
    std::vector<Oval> slabs;
    for (int i = 0; i < n; ++i) {
        const double t = i * size * 0.22;
        slabs.push_back({at.x - std::sin(angle) * t, at.y + std::cos(angle) * t, size * 0.55,
                         size * 0.2, angle + rng.range(-0.06, 0.06)});
    }
    soft_shadow(c, 0.4, size * 0.2, {size * 0.05, size * 0.08}, [&](cairo_t* t) {
        for (const Oval& o : slabs) oval_path(t, o);
    });
    for (const Oval& o : slabs) draw_slice(c.cr, o, s);
}

void draw_sashimi(const Canvas& c, Disc a, Rng& rng) {
    const Disc heap{a.x + a.r * 0.1, a.y - a.r * 0.45, a.r * 0.4};
    draw_strands(c.cr, heap, {hex(0xF4F4EE), a.r * 0.018, a.r * 0.3, 1.0, 0.25}, 160, rng);
    draw_leaf(c.cr, {heap.x - heap.r, heap.y + heap.r * 0.3}, a.r * 0.55, a.r * 0.2, -0.5, hex(0x3D8A38));
    draw_leaf(c.cr, {heap.x, heap.y + heap.r * 0.4}, a.r * 0.5, a.r * 0.18, -0.2, hex(0x47923E));
    const int kinds = 2 + rng.below(2);
    for (int i = 0; i < kinds; ++i) {
        const double x = a.x + (i - (kinds - 1) / 2.0) * a.r * 0.55;
        draw_slice_row(c, {x, a.y - a.r * 0.05 + rng.range(-0.05, 0.05) * a.r}, a.r * 0.6,
                       rng.range(-0.35, 0.35), rng.pick(kSlices), rng);
    }
    std::vector<Piece> wasabi{make_piece(rng, {a.x + a.r * 0.55, a.y + a.r * 0.55, a.r * 0.1, a.r * 0.08}, 0.3)};
    draw_piece(c.cr, wasabi[0], hex(0x9DBA56), 3, rng);
}

// A whole grilled fish in its own frame, head to the left; mackerel or horse mackerel look.
void draw_fish_body(cairo_t* cr, double L, double H) {
    cairo_move_to(cr, -L, 0);
    cairo_curve_to(cr, -L, -H * 1.1, -0.2 * L, -H * 1.1, 0.6 * L, -H * 0.3);
    cairo_line_to(cr, 0.72 * L, -H * 0.2);
    cairo_line_to(cr, 0.72 * L, H * 0.2);
    cairo_line_to(cr, 0.6 * L, H * 0.3);
    cairo_curve_to(cr, -0.2 * L, H * 1.1, -L, H * 1.1, -L, 0);
    cairo_close_path(cr);
}

void draw_grilled_fish(cairo_t* cr, const Oval& o, Rng& rng) {
    const double L = o.rx, H = o.ry;
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, 0.66 * L, 0);
    cairo_line_to(cr, 1.0 * L, -H * 0.75);
    cairo_curve_to(cr, 0.9 * L, -H * 0.2, 0.9 * L, H * 0.2, 1.0 * L, H * 0.75);
    cairo_close_path(cr);
    set_rgb(cr, hex(0x4A3424), 0.9);
    cairo_fill(cr);
    draw_fish_body(cr, L, H);
    source_linear(cr, 0, -H, 0, H, {{0, hex(0x3E4A56)}, {0.35, hex(0x8E969A)}, {0.6, hex(0xC9C2B2)}, {1, hex(0xE3D6BC)}});
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    for (int i = 0; i < 16; ++i)  // browned patches where the skin touched the grill
        shade_oval(cr, {rng.range(-L, 0.6 * L), rng.range(-H, H), H * rng.range(0.3, 0.8), H * 0.3, rng.range(-0.4, 0.4)},
                   {{0, hex(0x6A3A1A), rng.range(0.35, 0.7)}, {1, hex(0x6A3A1A), 0}});
    set_rgb(cr, hex(0x24160E), 0.45);
    cairo_set_line_width(cr, H * 0.12);
    for (int i = 0; i < 3; ++i) {
        const double x = -0.5 * L + i * 0.45 * L;
        cairo_move_to(cr, x - H * 0.5, -H);
        cairo_line_to(cr, x + H * 0.5, H);
    }
    cairo_stroke(cr);
    fill_oval(cr, {-0.1 * L, -H * 0.45, 0.55 * L, H * 0.12}, kWhite, 0.22);
    set_rgb(cr, hex(0x2A2018), 0.5);
    cairo_set_line_width(cr, H * 0.06);
    cairo_arc(cr, -0.95 * L, 0, H * 0.9, -0.9, 0.9);
    cairo_stroke(cr);
    fill_oval(cr, {-0.78 * L, -H * 0.25, H * 0.16, H * 0.16}, hex(0xE8E2D0));
    fill_oval(cr, {-0.78 * L, -H * 0.25, H * 0.08, H * 0.08}, hex(0x1A1410));
    cairo_restore(cr);
}

void draw_grilled_fish_plate(const Canvas& c, Disc d, Rng& rng) {
    const double angle = rng.range(-0.12, 0.12);
    const Oval plate{d.x, d.y, d.r * 1.25, d.r * 0.62, angle};
    draw_long_plate(c, plate, rng.chance(0.5) ? rng.pick(kStoneware) : rng.pick(kPorcelain));
    const Oval fish{d.x - d.r * 0.12, d.y, d.r * 0.85, d.r * 0.24, angle + rng.range(-0.08, 0.08)};
    soft_shadow(c, 0.45, d.r * 0.08, {d.r * 0.03, d.r * 0.05}, [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, fish.x, fish.y);
        cairo_rotate(t, fish.angle);
        draw_fish_body(t, fish.rx, fish.ry);
        cairo_restore(t);
    });
    draw_grilled_fish(c.cr, fish, rng);
    const Pt g{d.x + std::cos(angle) * d.r * 0.9, d.y + std::sin(angle) * d.r * 0.9 + d.r * 0.15};
    std::vector<Piece> oroshi{make_piece(rng, {g.x, g.y, d.r * 0.14, d.r * 0.11}, 0.25)};
    shadow_pieces(c, oroshi, d.r * 0.14);
    draw_piece(c.cr, oroshi[0], hex(0xF2EFE6), 4, rng);
    draw_lemon_wedge(c.cr, {g.x, g.y - d.r * 0.25, d.r * 0.13, d.r * 0.1, angle + 0.3});
}

// Shirasu (whitebait), Shonan's own: tiny pale fish heaped on rice with a raw yolk.
void draw_shirasu(cairo_t* cr, Disc a, Rng& rng) {
    draw_strands(cr, {a.x, a.y, a.r * 0.92}, {hex(0xF1ECDF), a.r * 0.028, a.r * 0.12, 0.6, 0.3}, 520, rng);
    for (int i = 0; i < 160; ++i) {  // the little black eyes are what make them read as fish
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.9});
        fill_oval(cr, {p.x, p.y, 1.5, 1.5}, hex(0x2A2A30), 0.75);
    }
    const Pt y = in_disc(rng, {a.x, a.y, a.r * 0.25});
    draw_gloss_ball(cr, {y.x, y.y, a.r * 0.2}, hex(0xF29A14));
    draw_negi(cr, {a.x + a.r * 0.4, a.y - a.r * 0.3, a.r * 0.3}, 14, rng);
    for (int i = 0; i < 12; ++i) {
        const Pt p = in_disc(rng, {a.x - a.r * 0.35, a.y + a.r * 0.35, a.r * 0.3});
        draw_nori(cr, {p.x, p.y, a.r * 0.08, a.r * 0.012, rng.range(0, kPi)}, rng);
    }
}

void draw_kaisen(cairo_t* cr, Disc a, Rng& rng) {
    for (int i = 0; i < 7; ++i) {  // fanned slices from the rim toward the centre
        const double t = kTau * i / 7 + rng.range(-0.1, 0.1);
        const Oval o{a.x + std::cos(t) * a.r * 0.55, a.y + std::sin(t) * a.r * 0.55, a.r * 0.33,
                     a.r * 0.14, t + kPi / 2};
        draw_slice(cr, o, kSlices[static_cast<std::size_t>(i) % kSlices.size()]);
    }
    for (int i = 0; i < 28; ++i) {
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.28});
        draw_gloss_ball(cr, {p.x, p.y, a.r * 0.045}, hex(0xE8501C));
    }
    draw_leaf(cr, {a.x - a.r * 0.1, a.y + a.r * 0.05}, a.r * 0.4, a.r * 0.14, 2.4, hex(0x3D8A38));
}

template <class Topping>
void draw_donburi(const Canvas& c, Disc d, Rng& rng, Topping&& topping) {
    draw_bowl(c, d, random_bowl(rng), [&](Disc a) {
        draw_rice(c.cr, a, rng);
        topping(a);
    });
}

// ------------------------------------------------------------------------------ food: fried, grilled

enum class Fried { tempura, karaage, fry };

// Pieces scattered over a disc without piling up too much: rejection against earlier centres.
std::vector<Piece> scatter_pieces(Rng& rng, Disc region, int n, double rx, double ry, double wobble) {
    std::vector<Piece> out;
    for (int tries = 0; tries < 60 && static_cast<int>(out.size()) < n; ++tries) {
        const Pt p = in_disc(rng, region);
        const bool crowded = std::any_of(out.begin(), out.end(), [&](const Piece& q) {
            return std::hypot(q.o.x - p.x, q.o.y - p.y) < rx * 1.1;
        });
        if (crowded) continue;
        out.push_back(make_piece(rng, {p.x, p.y, rx * rng.range(0.85, 1.1), ry * rng.range(0.85, 1.1),
                                       rng.range(0, kTau)}, wobble));
    }
    return out;
}

void draw_shrimp_tail(cairo_t* cr, const Oval& o) {
    const double ca = std::cos(o.angle), sa = std::sin(o.angle);
    const Pt base{o.x + ca * o.rx * 0.9, o.y + sa * o.rx * 0.9};
    cairo_save(cr);
    cairo_translate(cr, base.x, base.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, 0, -o.ry * 0.3);
    cairo_curve_to(cr, o.ry * 0.8, -o.ry * 0.9, o.ry * 1.2, -o.ry * 0.4, o.ry * 1.1, 0);
    cairo_curve_to(cr, o.ry * 1.2, o.ry * 0.4, o.ry * 0.8, o.ry * 0.9, 0, o.ry * 0.3);
    cairo_close_path(cr);
    source_linear(cr, 0, 0, o.ry * 1.2, 0, {{0, hex(0xE86A3A)}, {0.7, hex(0xD2401E)}, {1, hex(0x7A1E10)}});
    cairo_fill(cr);
    cairo_restore(cr);
}

// Fried food on a plate: tempura on folded paper, karaage or horse-mackerel fry with cabbage.
void draw_fried_plate(const Canvas& c, Disc d, Rng& rng, Fried kind) {
    draw_plate(c, d, rng.chance(0.5) ? rng.pick(kPorcelain) : rng.pick(kStoneware), rng);
    const Disc a{d.x, d.y, d.r * 0.66};
    if (kind == Fried::tempura) {  // kaishi: the folded paper tempura is served on
        cairo_save(c.cr);
        cairo_translate(c.cr, a.x, a.y);
        cairo_rotate(c.cr, rng.range(0.5, 1.0));
        cairo_rectangle(c.cr, -a.r * 0.75, -a.r * 0.75, a.r * 1.5, a.r * 1.5);
        source_linear(c.cr, -a.r, -a.r, a.r, a.r, {{0, hex(0xFBFAF4)}, {0.5, hex(0xF1EEE4)}, {1, hex(0xE2DDD0)}});
        cairo_fill(c.cr);
        cairo_restore(c.cr);
    } else {
        draw_strands(c.cr, {a.x + a.r * 0.3, a.y - a.r * 0.3, a.r * 0.5},
                     {hex(0xDDEBB8), a.r * 0.025, a.r * 0.35, 0.8, 0.2}, 140, rng);
    }
    const bool round = kind == Fried::karaage;
    const Rgb batter = kind == Fried::tempura ? hex(0xE6BD68) : (round ? hex(0xB06A2C) : hex(0xD49A4A));
    auto pieces = scatter_pieces(rng, {a.x - a.r * 0.1, a.y + a.r * 0.1, a.r * 0.55}, round ? 6 : 4,
                                 a.r * (round ? 0.26 : 0.42), a.r * (round ? 0.22 : 0.17), round ? 0.25 : 0.18);
    shadow_pieces(c, pieces, a.r * 0.3);
    for (const Piece& p : pieces) {
        draw_piece(c.cr, p, vary(batter, rng, 0.06), 3.5, rng);
        if (!round && rng.chance(0.5)) draw_shrimp_tail(c.cr, p.o);
    }
    draw_lemon_wedge(c.cr, {a.x + a.r * 0.6, a.y + a.r * 0.55, a.r * 0.22, a.r * 0.16, -0.6});
}

void draw_curry(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const Disc a{d.x, d.y, d.r * 0.7};
    cairo_save(c.cr);
    disc_path(c.cr, a);
    cairo_clip(c.cr);
    draw_rice(c.cr, {a.x - a.r * 0.45, a.y - a.r * 0.1, a.r * 0.8}, rng);
    const Piece sauce = make_piece(rng, {a.x + a.r * 0.45, a.y + a.r * 0.1, a.r * 0.75, a.r * 0.95, 0.2}, 0.1);
    smooth_closed(c.cr, sauce.outline);
    source_radial(c.cr, a.x + a.r * 0.2, a.y - a.r * 0.2, a.x + a.r * 0.4, a.y, a.r,
                  {{0, hex(0xA8642A)}, {0.7, hex(0x84461A)}, {1, hex(0x5E300E)}});
    cairo_fill(c.cr);
    const std::array<Rgb, 3> chunks{hex(0xE2C476), hex(0xE8782C), hex(0x6A3A1E)};
    auto pieces = scatter_pieces(rng, {a.x + a.r * 0.45, a.y + a.r * 0.1, a.r * 0.55}, 7, a.r * 0.14,
                                 a.r * 0.12, 0.3);
    for (std::size_t i = 0; i < pieces.size(); ++i) draw_piece(c.cr, pieces[i], chunks[i % 3], 0.5, rng);
    set_rgb(c.cr, kWhite, 0.3);  // the sauce's gloss
    cairo_set_line_width(c.cr, a.r * 0.02);
    for (int i = 0; i < 6; ++i) {
        const Pt p = in_disc(rng, {a.x + a.r * 0.4, a.y, a.r * 0.5});
        cairo_arc(c.cr, p.x, p.y, a.r * rng.range(0.05, 0.12), kPi, 1.4 * kPi);
        cairo_stroke(c.cr);
    }
    draw_sprinkles(c.cr, {a.x - a.r * 0.1, a.y + a.r * 0.6, a.r * 0.12}, hex(0xC0302A), 14, a.r * 0.04, rng);
    cairo_restore(c.cr);
}

// Pan-fried gyoza, crisp side up, in a fanned row.
void draw_gyoza(cairo_t* cr, const Oval& o) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, -o.rx, 0);
    cairo_curve_to(cr, -o.rx * 0.6, -o.ry * 1.3, o.rx * 0.6, -o.ry * 1.3, o.rx, 0);
    cairo_curve_to(cr, o.rx * 0.5, o.ry * 0.5, -o.rx * 0.5, o.ry * 0.5, -o.rx, 0);
    source_radial(cr, 0, -o.ry * 0.2, 0, -o.ry * 0.2, o.rx,
                  {{0, hex(0xA0561E)}, {0.45, hex(0xC98A44)}, {1, hex(0xEEDCB0)}});
    cairo_fill(cr);
    set_rgb(cr, hex(0x7A4A20), 0.35);
    cairo_set_line_width(cr, o.ry * 0.06);
    for (double t = -0.6; t <= 0.61; t += 0.3) {
        cairo_move_to(cr, o.rx * t, -o.ry * 0.95 * (1 - t * t * 0.5));
        cairo_line_to(cr, o.rx * (t + 0.06), -o.ry * 0.6);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void draw_gyoza_plate(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const int n = 5 + rng.below(3);
    const double base = rng.range(0, kTau);
    std::vector<Oval> gyoza;
    for (int i = 0; i < n; ++i) {
        const double t = base + 0.45 * (i - n / 2.0);
        gyoza.push_back({d.x + std::cos(t) * d.r * 0.42, d.y + std::sin(t) * d.r * 0.42, d.r * 0.26,
                         d.r * 0.14, t + kPi / 2});
    }
    soft_shadow(c, 0.45, d.r * 0.1, {d.r * 0.03, d.r * 0.05}, [&](cairo_t* t) {
        for (const Oval& o : gyoza) oval_path(t, o);
    });
    for (const Oval& o : gyoza) draw_gyoza(c.cr, o);
}

// ------------------------------------------------------------------------------ food: izakaya

// A yakitori skewer from a to b: bamboo stick, glazed (tare) or salted pieces, leek between.
void draw_skewer(const Canvas& c, Pt a, Pt b, bool tare, Rng& rng) {
    cairo_t* cr = c.cr;
    const double len = std::hypot(b.x - a.x, b.y - a.y), ang = std::atan2(b.y - a.y, b.x - a.x);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    set_rgb(cr, hex(0xD9C39A));
    cairo_set_line_width(cr, len * 0.018);
    cairo_move_to(cr, a.x, a.y);
    cairo_line_to(cr, b.x, b.y);
    cairo_stroke(cr);
    std::vector<Piece> pieces;
    for (int i = 0; i < 4; ++i) {
        const double t = 0.3 + i * 0.17;
        pieces.push_back(make_piece(rng, {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, len * 0.085,
                                          len * 0.075, ang}, 0.15));
    }
    shadow_pieces(c, pieces, len * 0.09);
    const bool negima = rng.chance(0.4);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const bool leek = negima && i % 2 == 1;
        const Rgb col = leek ? hex(0xE4E8CC) : (tare ? hex(0x7E3C18) : hex(0xD6B488));
        draw_piece(cr, pieces[i], vary(col, rng, 0.05), leek ? 0.2 : 2.5, rng);
        if (tare && !leek) fill_oval(cr, {pieces[i].o.x, pieces[i].o.y - len * 0.02, len * 0.04, len * 0.015, ang}, kWhite, 0.35);
    }
}

void draw_yakitori_plate(const Canvas& c, Disc d, Rng& rng) {
    const double angle = rng.range(-0.1, 0.1);
    draw_long_plate(c, {d.x, d.y, d.r * 1.2, d.r * 0.6, angle}, rng.pick(kStoneware));
    const bool tare = rng.chance(0.6);
    for (int i = 0; i < 3; ++i) {
        const double off = (i - 1) * d.r * 0.32;
        const double ca = std::cos(angle + 0.12), sa = std::sin(angle + 0.12);
        const Pt mid{d.x - std::sin(angle) * off, d.y + std::cos(angle) * off};
        draw_skewer(c, {mid.x - ca * d.r * 1.0, mid.y - sa * d.r * 1.0}, {mid.x + ca * d.r * 0.9, mid.y + sa * d.r * 0.9},
                    tare, rng);
    }
    draw_sprinkles(c.cr, {d.x, d.y, d.r * 0.6}, hex(0xC8401E), 40, 2.0, rng);
}

// Edamame pods: three beans under the skin, a dusting of salt.
void draw_pod(cairo_t* cr, const Oval& o, Rng& rng) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    const Rgb col = vary(hex(0x7BA83C), rng, 0.1);
    for (int i = -1; i <= 1; ++i) disc_path(cr, {i * o.rx * 0.6, i * i * o.ry * 0.2, o.ry});
    set_rgb(cr, darken(col, 0.25));
    cairo_fill(cr);
    for (int i = -1; i <= 1; ++i)
        shade_oval(cr, {i * o.rx * 0.6, i * i * o.ry * 0.2, o.ry * 0.88, o.ry * 0.85},
                   {{0, lighten(col, 0.35)}, {0.7, col}, {1, darken(col, 0.15)}}, -0.3, -0.3);
    for (int i = 0; i < 6; ++i)
        fill_oval(cr, {rng.range(-o.rx, o.rx), rng.range(-o.ry, o.ry) * 0.6, 1.5, 1.5}, kWhite, 0.8);
    cairo_restore(cr);
}

void draw_edamame(cairo_t* cr, Disc a, Rng& rng) {
    for (int i = 0; i < 22; ++i) {
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.85});
        draw_pod(cr, {p.x, p.y, a.r * 0.2, a.r * 0.09, rng.range(0, kTau)}, rng);
    }
}

void draw_katsu(const Canvas& c, Disc a, Rng& rng) {
    const double ang = rng.range(0, kPi);
    std::vector<Piece> strips;
    for (int i = -2; i <= 2; ++i)
        strips.push_back(make_piece(rng, {a.x - std::sin(ang) * i * a.r * 0.22, a.y + std::cos(ang) * i * a.r * 0.22,
                                          a.r * 0.55, a.r * 0.12, ang}, 0.05));
    for (const Piece& p : strips) draw_piece(c.cr, p, vary(hex(0xC98A3C), rng, 0.05), 5, rng);
    for (int i = 0; i < 10; ++i) {  // soft-set egg running over the cutlet
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.8});
        Piece egg = make_piece(rng, {p.x, p.y, a.r * 0.18, a.r * 0.12, rng.range(0, kPi)}, 0.35);
        draw_piece(c.cr, egg, rng.chance(0.6) ? hex(0xF4CC48) : hex(0xF8F0D8), 0, rng);
    }
    draw_leaves(c.cr, {a.x + a.r * 0.2, a.y - a.r * 0.2, a.r * 0.25}, hex(0x5A9A3A), 4, rng);
}

void draw_salad(cairo_t* cr, Disc a, Rng& rng) {
    draw_leaves(cr, a, hex(0x6EA83E), 16, rng);
    draw_leaves(cr, {a.x, a.y, a.r * 0.7}, hex(0x9CC456), 10, rng);
    draw_leaves(cr, {a.x, a.y, a.r * 0.6}, hex(0x7A2E4A), 4, rng);
    for (int i = 0; i < 5; ++i) {
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.7});
        draw_gloss_ball(cr, {p.x, p.y, a.r * 0.11}, hex(0xD8301E));
    }
    set_rgb(cr, hex(0xF3EAD0), 0.8);  // a thin drizzle of dressing
    cairo_set_line_width(cr, a.r * 0.02);
    cairo_move_to(cr, a.x - a.r * 0.6, a.y);
    for (int i = 0; i < 6; ++i)
        cairo_curve_to(cr, a.x + rng.range(-0.6, 0.6) * a.r, a.y + rng.range(-0.6, 0.6) * a.r,
                       a.x + rng.range(-0.6, 0.6) * a.r, a.y + rng.range(-0.6, 0.6) * a.r,
                       a.x + rng.range(-0.6, 0.6) * a.r, a.y + rng.range(-0.6, 0.6) * a.r);
    cairo_stroke(cr);
}

// ------------------------------------------------------------------------------ side dishes

void draw_miso(const Canvas& c, Disc d, Rng& rng) {
    draw_bowl(c, d, {hex(0x2A1E1A), hex(0x8E2A1E)}, [&](Disc a) {
        shade_oval(c.cr, {a.x, a.y, a.r, a.r}, {{0, hex(0xC89A5E)}, {1, hex(0x9A6A36)}});
        for (int i = 0; i < 12; ++i) {  // miso clouds drifting in the dashi
            const Pt p = in_disc(rng, a);
            shade_oval(c.cr, {p.x, p.y, a.r * 0.4, a.r * 0.25, rng.range(0, kPi)},
                       {{0, hex(0xD9B07A), 0.5}, {1, hex(0xD9B07A), 0}});
        }
        for (int i = 0; i < 5; ++i) {
            const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.6});
            cairo_save(c.cr);
            cairo_translate(c.cr, p.x, p.y);
            cairo_rotate(c.cr, rng.range(0, kPi));
            rounded_rect(c.cr, -a.r * 0.09, -a.r * 0.09, a.r * 0.18, a.r * 0.18, a.r * 0.03);
            set_rgb(c.cr, hex(0xF6F2E6));
            cairo_fill(c.cr);
            cairo_restore(c.cr);
        }
        draw_leaves(c.cr, {a.x, a.y, a.r * 0.6}, hex(0x2E4A26), 4, rng);
        draw_negi(c.cr, {a.x, a.y, a.r * 0.6}, 8, rng);
    });
}

// A half-moon slice (takuan, or the flesh side of a citrus wedge) with faint fibre lines.
void draw_half_moon(cairo_t* cr, const Oval& o, Rgb col) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, -o.rx, 0);
    cairo_curve_to(cr, -o.rx, -o.ry * 1.3, o.rx, -o.ry * 1.3, o.rx, 0);
    cairo_close_path(cr);
    source_radial(cr, 0, 0, 0, 0, o.rx, {{0, lighten(col, 0.3)}, {0.8, col}, {1, darken(col, 0.2)}});
    cairo_fill(cr);
    set_rgb(cr, kWhite, 0.25);
    cairo_set_line_width(cr, 1.0);
    for (double r = 0.3; r < 0.9; r += 0.2) {
        cairo_arc(cr, 0, 0, o.rx * r, kPi * 1.1, kPi * 1.9);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

void draw_pickles(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kStoneware), rng);
    for (int i = 0; i < 4; ++i) {
        const double t = kPi * 0.8 + i * 0.35;
        const Oval o{d.x + std::cos(t) * d.r * 0.15, d.y + std::sin(t) * d.r * 0.15, d.r * 0.3, d.r * 0.2, t};
        draw_half_moon(c.cr, o, hex(0xF2D43C));
    }
    draw_strands(c.cr, {d.x + d.r * 0.25, d.y + d.r * 0.2, d.r * 0.25}, {hex(0x8E3A6E), d.r * 0.05, d.r * 0.2, 0.6}, 14, rng);
}

void draw_hiyayakko(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kStoneware), rng);
    const double s = d.r * 0.42;
    const auto block = [&](cairo_t* t) { rounded_rect(t, d.x - s, d.y - s * 0.8, 2 * s, 1.6 * s, s * 0.1); };
    soft_shadow(c, 0.5, s * 0.3, {s * 0.1, s * 0.15}, block);
    block(c.cr);
    source_linear(c.cr, d.x - s, d.y - s, d.x + s, d.y + s, {{0, hex(0xFFFEF8)}, {1, hex(0xE4DFD0)}});
    cairo_fill(c.cr);
    std::vector<Piece> ginger{make_piece(rng, {d.x, d.y - s * 0.1, s * 0.28, s * 0.22}, 0.3)};
    draw_piece(c.cr, ginger[0], hex(0xF0B23C), 4, rng);
    draw_negi(c.cr, {d.x + s * 0.3, d.y + s * 0.3, s * 0.4}, 8, rng);
    draw_strands(c.cr, {d.x - s * 0.3, d.y + s * 0.2, s * 0.35}, {hex(0xC89272), s * 0.06, s * 0.14, 2.0, 0.2}, 14, rng);
}

