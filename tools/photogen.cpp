// photogen: draws the placeholder photographs the sample book refers to.
//
// Usage: photogen CONTENT_DIR
//
// Every <photo src="..."> in CONTENT_DIR/*.xml and CONTENT_DIR/shops/*.xml names a JPEG relative
// to CONTENT_DIR. Missing ones are painted with Cairo as soft, stylised "magazine" photographs
// (food seen from above, still lifes, Shonan landscapes) and written with libjpeg. The picture
// depends only on the file name (its hash seeds the random numbers), so the sample book is
// reproducible without shipping binaries. Two worker threads share the pictures; each picture
// is independent, so the output does not depend on the scheduling.
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <atomic>
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
#include <thread>
#include <tuple>
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

// A six-sided stand-in for a tiny oval (a rice grain, a crumb): at a few pixels it looks the same
// after the final softening, and it costs Cairo a fraction of a true ellipse's edges.
void grain_path(cairo_t* cr, const Oval& o) {
    const double ca = std::cos(o.angle), sa = std::sin(o.angle);
    constexpr std::array<std::array<double, 2>, 6> k{{{1, 0}, {0.5, 0.9}, {-0.5, 0.9}, {-1, 0}, {-0.5, -0.9}, {0.5, -0.9}}};
    cairo_move_to(cr, o.x + ca * o.rx, o.y + sa * o.rx);
    for (std::size_t i = 1; i < k.size(); ++i) {
        const double lx = k[i][0] * o.rx, ly = k[i][1] * o.ry;
        cairo_line_to(cr, o.x + lx * ca - ly * sa, o.y + lx * sa + ly * ca);
    }
    cairo_close_path(cr);
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

// Box-filter averages use a 16.16 reciprocal instead of a division per channel.
std::uint32_t box_average(std::uint32_t sum, std::uint32_t inv) { return (sum * inv + 32768u) >> 16; }

// One horizontal box-filter pass over a row of `n` pixels. All four bytes are averaged, which
// keeps premultiplied ARGB consistent and is harmless for RGB24's unused byte.
void box_row(const std::uint32_t* src, std::uint32_t* dst, int n, int r) {
    const auto at = [&](int i) { return src[std::clamp(i, 0, n - 1)]; };
    std::array<std::uint32_t, 4> sum{};
    for (int i = -r; i <= r; ++i)
        for (unsigned k = 0; k < 4; ++k) sum[k] += (at(i) >> (8 * k)) & 255u;
    const std::uint32_t inv = 65536u / static_cast<std::uint32_t>(2 * r + 1);
    for (int i = 0; i < n; ++i) {
        std::uint32_t out = 0;
        const std::uint32_t gone = at(i - r), come = at(i + r + 1);
        for (unsigned k = 0; k < 4; ++k) {
            out |= box_average(sum[k], inv) << (8 * k);
            sum[k] += ((come >> (8 * k)) & 255u) - ((gone >> (8 * k)) & 255u);  // wraps back exactly
        }
        dst[i] = out;
    }
}

// The vertical pass walks rows in memory order, keeping one running sum per column and
// channel: column-by-column walking would miss the cache on every pixel.
void box_columns(const std::uint32_t* src, std::ptrdiff_t src_stride, std::uint32_t* dst,
                 std::ptrdiff_t dst_stride, int w, int h, int r) {
    const auto n = static_cast<std::size_t>(w);
    std::vector<std::uint32_t> sum(n * 4, 0);
    const auto row = [&](int y) { return src + std::clamp(y, 0, h - 1) * src_stride; };
    for (int y = -r; y <= r; ++y)
        for (std::size_t x = 0; x < n; ++x)
            for (unsigned k = 0; k < 4; ++k) sum[x * 4 + k] += (row(y)[x] >> (8 * k)) & 255u;
    const std::uint32_t inv = 65536u / static_cast<std::uint32_t>(2 * r + 1);
    for (int y = 0; y < h; ++y) {
        const std::uint32_t* gone = row(y - r);
        const std::uint32_t* come = row(y + r + 1);
        std::uint32_t* out = dst + y * dst_stride;
        for (std::size_t x = 0; x < n; ++x) {
            std::uint32_t p = 0;
            for (unsigned k = 0; k < 4; ++k) {
                std::uint32_t& s = sum[x * 4 + k];
                p |= box_average(s, inv) << (8 * k);
                s += ((come[x] >> (8 * k)) & 255u) - ((gone[x] >> (8 * k)) & 255u);
            }
            out[x] = p;
        }
    }
}

// Repeated box passes approximate a Gaussian blur at a fraction of its cost.
void blur_pixels(std::uint32_t* px, int w, int h, std::ptrdiff_t stride, int r, int passes) {
    if (r < 1 || w < 1 || h < 1) return;
    std::vector<std::uint32_t> tmp(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int p = 0; p < passes; ++p) {
        for (int y = 0; y < h; ++y) box_row(px + y * stride, tmp.data() + y * w, w, r);
        box_columns(tmp.data(), w, px, stride, w, h, r);
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
    for (unsigned k = 0; k < 24; k += 8) {
        const std::uint32_t ca = (a >> k) & 255u, cb = (b >> k) & 255u;
        out |= ((ca * (256u - t256) + cb * t256) >> 8) << k;
    }
    return out;
}

// Half-size copy, each pixel the mean of a 2x2 block.
std::vector<std::uint32_t> downsample(const PixelView& v, int hw, int hh) {
    std::vector<std::uint32_t> out(static_cast<std::size_t>(hw) * static_cast<std::size_t>(hh));
    for (int y = 0; y < hh; ++y) {
        const std::uint32_t* r0 = v.px + std::min(2 * y, v.h - 1) * v.stride;
        const std::uint32_t* r1 = v.px + std::min(2 * y + 1, v.h - 1) * v.stride;
        for (int x = 0; x < hw; ++x) {
            const int x0 = std::min(2 * x, v.w - 1), x1 = std::min(2 * x + 1, v.w - 1);
            std::uint32_t p = 0;
            for (unsigned k = 0; k < 24; k += 8) {
                const std::uint32_t sum = ((r0[x0] >> k) & 255u) + ((r0[x1] >> k) & 255u) +
                                          ((r1[x0] >> k) & 255u) + ((r1[x1] >> k) & 255u);
                p |= ((sum + 2) / 4) << k;
            }
            out[static_cast<std::size_t>(y * hw + x)] = p;
        }
    }
    return out;
}

// Where full-size pixel i falls between half-size pixels: the two neighbours and the weight.
struct Tap {
    int i0, i1;
    std::uint32_t t256;
};
std::vector<Tap> half_taps(int n, int half) {
    std::vector<Tap> taps;
    for (int i = 0; i < n; ++i) {
        const double f = std::clamp((i + 0.5) / 2 - 0.5, 0.0, half - 1.0);
        const int i0 = static_cast<int>(f);
        taps.push_back({i0, std::min(i0 + 1, half - 1), static_cast<std::uint32_t>((f - i0) * 256)});
    }
    return taps;
}

// Shallow depth of field: sharp within `sharp` px of the focus, fully blurred beyond `soft`.
// Photographers shoot food this way, and it hides the drawing's hard edges at the frame.
// The blurred layer is computed at half size: it is blurred anyway, and four times cheaper.
void depth_of_field(cairo_surface_t* s, Pt focus, double sharp, double soft, int radius) {
    const PixelView v = pixels(s);
    const int hw = (v.w + 1) / 2, hh = (v.h + 1) / 2;
    std::vector<std::uint32_t> small = downsample(v, hw, hh);
    blur_pixels(small.data(), hw, hh, hw, std::max(1, radius / 2), 2);
    const std::vector<Tap> xs = half_taps(v.w, hw), ys = half_taps(v.h, hh);
    // Blend weight by squared distance from a table: no square root per pixel.
    const double s2 = sharp * sharp, f2 = soft * soft, step = (f2 - s2) / 1023;
    std::array<std::uint32_t, 1024> weight{};
    for (std::size_t i = 0; i < weight.size(); ++i) {
        const double t = (std::sqrt(s2 + step * static_cast<double>(i)) - sharp) / (soft - sharp);
        weight[i] = static_cast<std::uint32_t>(t * t * (3 - 2 * t) * 256);
    }
    for (int y = 0; y < v.h; ++y) {
        const Tap ty = ys[static_cast<std::size_t>(y)];
        const std::uint32_t* r0 = small.data() + ty.i0 * hw;
        const std::uint32_t* r1 = small.data() + ty.i1 * hw;
        const double dy = (y - focus.y) * 1.25;
        for (int x = 0; x < v.w; ++x) {
            const double dx = x - focus.x, d2 = dx * dx + dy * dy;
            if (d2 <= s2) continue;
            const std::uint32_t t256 = d2 >= f2 ? 256u : weight[static_cast<std::size_t>((d2 - s2) / step)];
            const Tap tx = xs[static_cast<std::size_t>(x)];
            const std::uint32_t b = blend_px(blend_px(r0[tx.i0], r0[tx.i1], tx.t256), blend_px(r1[tx.i0], r1[tx.i1], tx.t256), ty.t256);
            std::uint32_t& p = v.px[y * v.stride + x];
            p = blend_px(p, b, t256);
        }
    }
    cairo_surface_mark_dirty(s);
}

// Light falloff and colour of the whole frame, applied while converting to RGB: a window light
// from one side, lens vignetting, a colour cast (tungsten amber in the izakaya) and a pool of
// light on the food. Cairo's blend operators would cost an order of magnitude more.
struct Grade {
    Pt light{};
    double light_gain = 0;  // relative brightening toward `light`, darkening away from it
    double vignette = 0;    // darkening toward the edges
    Rgb tint{1, 1, 1};      // per-channel multiplier
    Pt pool{};
    double pool_radius = 1, pool_gain = 0;
};

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// The grade is separable, gain(x, y) = along_x[x] * along_y[y], with the pool a Gaussian (the
// one radial falloff that is a product of two 1-D ones): no per-pixel square roots.
struct GradeAxis {
    std::vector<float> gain, pool;
};

GradeAxis grade_axis(int n, double light, double pool, const Grade& g) {
    GradeAxis a;
    for (int i = 0; i < n; ++i) {
        const double u = std::abs((i + 0.5) / n * 2 - 1), d = std::abs(i - light) / n;
        a.gain.push_back(static_cast<float>((1 + g.light_gain * (0.4 - d) * 0.6) * (1 - g.vignette * 0.7 * smoothstep(0.3, 1.0, u))));
        const double q = (i - pool) / g.pool_radius;
        a.pool.push_back(static_cast<float>(std::exp(-q * q)));
    }
    return a;
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
    const int lw = static_cast<int>(c.w * k) + 2, lh = static_cast<int>(c.h * k) + 2;
    const SurfaceHandle layer{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, lw, lh)};
    const int r = std::max(1, static_cast<int>(blur_px * k / 2));
    double x0, y0, x1, y1;
    {
        const CairoHandle lc{cairo_create(layer.get())};
        cairo_matrix_t m;
        cairo_get_matrix(c.cr, &m);
        cairo_scale(lc.get(), k, k);
        cairo_transform(lc.get(), &m);
        cairo_translate(lc.get(), offset.x, offset.y);
        path(lc.get());
        cairo_identity_matrix(lc.get());  // extents in layer pixels; the path itself is unaffected
        cairo_path_extents(lc.get(), &x0, &y0, &x1, &y1);
        cairo_set_source_rgba(lc.get(), 0, 0, 0, 1);
        cairo_fill(lc.get());
    }
    // Blur and composite only around the shape: most shadows cover a small part of the frame.
    const int m = 3 * r + 2;
    const int bx0 = std::clamp(static_cast<int>(x0) - m, 0, lw), by0 = std::clamp(static_cast<int>(y0) - m, 0, lh);
    const int bx1 = std::clamp(static_cast<int>(x1) + m, 0, lw), by1 = std::clamp(static_cast<int>(y1) + m, 0, lh);
    const PixelView v = pixels(layer.get());
    blur_pixels(v.px + by0 * v.stride + bx0, bx1 - bx0, by1 - by0, v.stride, r, 3);
    cairo_surface_mark_dirty(layer.get());
    cairo_save(c.cr);
    cairo_identity_matrix(c.cr);
    cairo_scale(c.cr, 1 / k, 1 / k);
    cairo_rectangle(c.cr, bx0, by0, bx1 - bx0, by1 - by0);
    cairo_clip(c.cr);
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

// Rice grains: their shadows filled as one path, the grains in five tones by how much light
// each catches, each tone one path. One fill per grain would be ten times slower.
void draw_rice(cairo_t* cr, Disc a, Rng& rng) {
    shade_oval(cr, {a.x, a.y, a.r, a.r},
               {{0, hex(0xFDFCF7)}, {0.7, hex(0xEDEAE1)}, {1, hex(0xCBC5B6)}}, -0.3, -0.35);
    const double g = std::max(5.0, a.r * 0.045);
    const int n = static_cast<int>(a.r * a.r * 2.2 / (g * g));
    constexpr int kTones = 5;
    std::vector<std::pair<Oval, int>> grains;
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.98});
        const double lit = std::clamp(lit_at(p, a) + rng.range(-0.15, 0.1), 0.0, 0.999);
        grains.push_back({{p.x, p.y, g, g * 0.46, rng.range(0, kPi)}, static_cast<int>(lit * kTones)});
    }
    for (const auto& [o, tone] : grains) grain_path(cr, {o.x + g * 0.15, o.y + g * 0.25, g, g * 0.5, o.angle});
    set_rgb(cr, kBlack, 0.16);
    cairo_fill(cr);
    for (int tone = 0; tone < kTones; ++tone) {
        for (const auto& [o, t] : grains)
            if (t == tone) grain_path(cr, o);
        set_rgb(cr, mix(hex(0xD9D3C4), kWhite, 0.35 + 0.6 * (tone + 0.5) / kTones));
        cairo_fill(cr);
    }
}

// Many short curved strokes inside a region: shredded cabbage, daikon, shirasu, noodles...
struct StrandLook {
    Rgb col;
    double width, length, bend;
    double shadow = 0.3;
};

// Strands are collected first and stroked per layer (shadow, three body tones, highlight):
// a few large strokes cost far less than hundreds of small ones.
void draw_strands(cairo_t* cr, Disc region, const StrandLook& s, int n, Rng& rng) {
    struct Strand {
        Pt p, q, e;
        int tone;
    };
    std::vector<Strand> strands;
    for (int i = 0; i < n; ++i) {
        const Pt p = in_disc(rng, region);
        const double a = rng.range(0, kTau), b = a + rng.range(-s.bend, s.bend);
        const double l = s.length * rng.range(0.6, 1.3);
        const Pt q{p.x + std::cos(a) * l * 0.5, p.y + std::sin(a) * l * 0.5};
        strands.push_back({p, q, {q.x + std::cos(b) * l * 0.5, q.y + std::sin(b) * l * 0.5}, rng.below(3)});
    }
    const auto stroke_layer = [&](double off, double width, Rgb col, double alpha, int tone) {
        for (const Strand& st : strands) {
            if (tone >= 0 && st.tone != tone) continue;
            cairo_move_to(cr, st.p.x + off, st.p.y + off);  // two segments: curves cost more to stroke
            cairo_line_to(cr, st.q.x + off, st.q.y + off);
            cairo_line_to(cr, st.e.x + off, st.e.y + off);
        }
        set_rgb(cr, col, alpha);
        cairo_set_line_width(cr, width);
        cairo_stroke(cr);
    };
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    stroke_layer(s.width * 0.35, s.width * 1.5, darken(s.col, 0.55), s.shadow, -1);
    for (int tone = 0; tone < 3; ++tone)
        stroke_layer(0, s.width, tone == 0 ? darken(s.col, 0.07) : (tone == 1 ? s.col : lighten(s.col, 0.1)), 1, tone);
    stroke_layer(-s.width * 0.2, s.width * 0.3, lighten(s.col, 0.55), 0.55, -1);
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
    // Crumbs in two batches, light and dark, each filled once.
    const int n = static_cast<int>(texture * r * r * 0.05);
    for (int tone = 0; tone < 2; ++tone) {
        for (int i = 0; i < n / 2; ++i) {
            const Pt q = in_disc(rng, {p.o.x, p.o.y, r});
            const double s = rng.range(0.8, 2.6) * std::max(1.0, r / 60);
            grain_path(cr, {q.x, q.y, s, s * rng.range(0.6, 1.0), rng.range(0, kPi)});
        }
        set_rgb(cr, tone ? lighten(col, 0.45) : darken(col, 0.4), 0.4);
        cairo_fill(cr);
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
        grain_path(cr, {p.x, p.y, size, size * 0.55, rng.range(0, kPi)});
    }
    set_rgb(cr, col, 0.9);
    cairo_fill(cr);
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
    NoodleLook{hex(0xE6CFA2), hex(0xF0D27A), 0.038},  // tonkotsu ramen
    NoodleLook{hex(0x9A5A28), hex(0xEECF72), 0.038},  // shoyu ramen
    NoodleLook{hex(0x5E3C22), hex(0x9C8668), 0.036},  // soba
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

// Noodles lie in loose parallel waves; each strand is a wavy polyline across the bowl, and
// all strands are stroked together per layer (shadow, body tones, highlight).
void draw_noodles(cairo_t* cr, Disc mass, Rgb col, double width, Rng& rng) {
    const double dir = rng.range(0, kPi);
    const double ca = std::cos(dir), sa = std::sin(dir);
    std::vector<std::vector<Pt>> strands;
    for (int i = 0, n = static_cast<int>(mass.r * 3.2 / width); i < n; ++i) {
        const double u = rng.range(-0.95, 0.95) * mass.r, half = std::sqrt(mass.r * mass.r - u * u);
        const double a0 = rng.range(-1, 0.4) * half, a1 = a0 + rng.range(0.5, 1.4) * half;
        const double amp = width * rng.range(0.5, 1.0), wave = width * rng.range(9, 15), ph = rng.range(0, kTau);
        const double tilt = rng.range(-0.15, 0.15);
        std::vector<Pt> pts;
        for (double t = a0; t <= a1; t += width) {
            const double off = u + t * tilt + amp * std::sin(t / wave * kTau + ph);
            pts.push_back({mass.x + ca * t - sa * off, mass.y + sa * t + ca * off});
        }
        if (pts.size() > 1) strands.push_back(std::move(pts));
    }
    const auto layer = [&](double off, double w, Rgb c, double alpha, int every, int which) {
        for (std::size_t i = 0; i < strands.size(); ++i) {
            if (every > 1 && static_cast<int>(i) % every != which) continue;
            cairo_move_to(cr, strands[i][0].x + off, strands[i][0].y + off);
            for (const Pt& p : strands[i]) cairo_line_to(cr, p.x + off, p.y + off);
        }
        set_rgb(cr, c, alpha);
        cairo_set_line_width(cr, w);
        cairo_stroke(cr);
    };
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    layer(width * 0.3, width * 1.5, darken(col, 0.6), 0.35, 1, 0);
    for (int k = 0; k < 3; ++k) layer(0, width, k == 0 ? darken(col, 0.08) : (k == 1 ? col : lighten(col, 0.12)), 1, 3, k);
    layer(-width * 0.2, width * 0.3, lighten(col, 0.6), 0.6, 1, 0);
}

void draw_noodle_bowl(const Canvas& c, Disc d, Rng& rng) {
    const NoodleLook look = rng.pick(kNoodleLooks);
    const BowlLook bowl = rng.chance(0.5) ? BowlLook{hex(0x2B2624), hex(0x9C2E22)} : random_bowl(rng);
    draw_bowl(c, d, bowl, [&](Disc a) {
        draw_broth(c.cr, a, look.broth, rng);
        const Disc mass{a.x + rng.range(-0.1, 0.1) * a.r, a.y + rng.range(-0.1, 0.1) * a.r, a.r * 0.8};
        draw_noodles(c.cr, mass, look.noodle, a.r * look.width, rng);
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
    rounded_rect(cr, -o.rx, -o.ry, 2 * o.rx, 2 * o.ry, o.ry * 0.4);
    source_linear(cr, 0, -o.ry, 0, o.ry,
                  {{0, s.edge}, {0.22, s.flesh}, {0.8, s.flesh}, {1, darken(s.flesh, 0.3)}});
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    if (s.stripes) {  // salmon's curved bands of fat
        set_rgb(cr, hex(0xFCE6D8), 0.6);
        cairo_set_line_width(cr, o.ry * 0.09);
        for (double x = -o.rx * 0.7; x < o.rx; x += o.rx * 0.45) {
            cairo_move_to(cr, x, -o.ry);
            cairo_curve_to(cr, x + o.rx * 0.2, -o.ry * 0.3, x - o.rx * 0.05, o.ry * 0.3, x + o.rx * 0.15, o.ry);
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
    const Disc heap{a.x + a.r * 0.05, a.y - a.r * 0.5, a.r * 0.42};
    draw_strands(c.cr, heap, {hex(0xF4F4EE), a.r * 0.018, a.r * 0.3, 1.0, 0.25}, 180, rng);
    draw_leaf(c.cr, {heap.x - heap.r, heap.y + heap.r * 0.3}, a.r * 0.6, a.r * 0.22, -0.5, hex(0x3D8A38));
    draw_leaf(c.cr, {heap.x, heap.y + heap.r * 0.4}, a.r * 0.55, a.r * 0.2, -0.2, hex(0x47923E));
    const int kinds = 2 + rng.below(2);
    for (int i = 0; i < kinds; ++i) {
        const double x = a.x + (i - (kinds - 1) / 2.0) * a.r * (kinds == 2 ? 0.75 : 0.62);
        draw_slice_row(c, {x, a.y - a.r * 0.2 + rng.range(-0.05, 0.05) * a.r}, a.r * (kinds == 2 ? 0.95 : 0.8),
                       rng.range(-0.3, 0.3), kSlices[static_cast<std::size_t>(rng.below(static_cast<int>(kSlices.size())))], rng);
    }
    std::vector<Piece> wasabi{make_piece(rng, {a.x + a.r * 0.6, a.y + a.r * 0.6, a.r * 0.12, a.r * 0.09}, 0.3)};
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
    shade_oval(cr, {a.x, a.y, a.r, a.r}, {{0, hex(0xEFE8D8)}, {0.8, hex(0xDCD2BC)}, {1, hex(0xB8AE98)}}, -0.3, -0.3);
    draw_strands(cr, {a.x, a.y, a.r * 0.92}, {hex(0xE6DCC6), a.r * 0.032, a.r * 0.15, 0.7, 0.45}, 320, rng);
    for (int i = 0; i < 300; ++i) {  // the little black eyes are what make them read as fish
        const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.9});
        grain_path(cr, {p.x, p.y, 2.2, 2.0});
    }
    set_rgb(cr, hex(0x2A2A30), 0.75);
    cairo_fill(cr);
    const Pt y = in_disc(rng, {a.x, a.y, a.r * 0.25});
    draw_gloss_ball(cr, {y.x, y.y, a.r * 0.2}, hex(0xF29A14));
    draw_negi(cr, {a.x + a.r * 0.4, a.y - a.r * 0.3, a.r * 0.3}, 14, rng);
    for (int i = 0; i < 12; ++i) {
        const Pt p = in_disc(rng, {a.x - a.r * 0.35, a.y + a.r * 0.35, a.r * 0.3});
        draw_nori(cr, {p.x, p.y, a.r * 0.08, a.r * 0.012, rng.range(0, kPi)}, rng);
    }
}

// Kaisen-don: slices tucked in overlapping around the bowl, salmon roe and a shiso leaf.
void draw_kaisen(cairo_t* cr, Disc a, Rng& rng) {
    const int n = 9;
    const double start = rng.range(0, kTau);
    for (int i = 0; i < n; ++i) {
        const double t = start + kTau * i / n + rng.range(-0.15, 0.15), rr = a.r * rng.range(0.45, 0.6);
        const Oval o{a.x + std::cos(t) * rr, a.y + std::sin(t) * rr, a.r * rng.range(0.3, 0.38), a.r * 0.15,
                     t + kPi / 2 + rng.range(-0.45, 0.45)};
        draw_slice(cr, o, kSlices[static_cast<std::size_t>(rng.below(static_cast<int>(kSlices.size())))]);
    }
    const Pt roe = in_disc(rng, {a.x, a.y, a.r * 0.15});
    draw_leaf(cr, {roe.x - a.r * 0.3, roe.y + a.r * 0.1}, a.r * 0.45, a.r * 0.16, -0.4, hex(0x3D8A38));
    for (int i = 0; i < 32; ++i) {
        const Pt p = in_disc(rng, {roe.x, roe.y, a.r * 0.25});
        draw_gloss_ball(cr, {p.x, p.y, a.r * 0.045}, hex(0xE8501C));
    }
    rounded_rect(cr, a.x + a.r * 0.25, a.y - a.r * 0.1, a.r * 0.3, a.r * 0.2, a.r * 0.03);
    set_rgb(cr, hex(0xF4D060));
    cairo_fill(cr);
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

// The tail left on fried prawns (red) and horse mackerel (dark fan), at the piece's far end.
void draw_tail(cairo_t* cr, const Oval& o, Rgb col) {
    const double ca = std::cos(o.angle), sa = std::sin(o.angle);
    const Pt base{o.x + ca * o.rx * 0.9, o.y + sa * o.rx * 0.9};
    cairo_save(cr);
    cairo_translate(cr, base.x, base.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, 0, -o.ry * 0.3);
    cairo_curve_to(cr, o.ry * 0.8, -o.ry * 0.9, o.ry * 1.2, -o.ry * 0.4, o.ry * 1.1, 0);
    cairo_curve_to(cr, o.ry * 1.2, o.ry * 0.4, o.ry * 0.8, o.ry * 0.9, 0, o.ry * 0.3);
    cairo_close_path(cr);
    source_linear(cr, 0, 0, o.ry * 1.2, 0, {{0, lighten(col, 0.2)}, {0.7, col}, {1, darken(col, 0.5)}});
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
        if (kind == Fried::fry) draw_tail(c.cr, p.o, hex(0x6A4A30));
        if (kind == Fried::tempura && rng.chance(0.5)) draw_tail(c.cr, p.o, hex(0xD2401E));
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

// One pan-fried gyoza in its own frame: browned face up, pleats along the top edge.
void draw_gyoza(cairo_t* cr, const Oval& o) {
    cairo_save(cr);
    cairo_translate(cr, o.x, o.y);
    cairo_rotate(cr, o.angle);
    cairo_move_to(cr, -o.rx, 0);
    cairo_curve_to(cr, -o.rx * 0.95, -o.ry * 1.35, o.rx * 0.95, -o.ry * 1.35, o.rx, 0);
    cairo_curve_to(cr, o.rx * 0.95, o.ry * 0.9, -o.rx * 0.95, o.ry * 0.9, -o.rx, 0);
    cairo_close_path(cr);
    cairo_save(cr);
    cairo_scale(cr, 1, o.ry / o.rx);  // a browned patch the shape of the dumpling, pale rim
    source_radial(cr, 0, -o.rx * 0.1, 0, -o.rx * 0.1, o.rx * 1.05,
                  {{0, hex(0x8E4A18)}, {0.5, hex(0xC08038)}, {0.8, hex(0xE2C088)}, {1, hex(0xF2E4C0)}});
    cairo_fill(cr);  // before restore: the source belongs to the saved state
    cairo_restore(cr);
    set_rgb(cr, hex(0x7A4A20), 0.35);
    cairo_set_line_width(cr, o.ry * 0.06);
    for (double t = -0.6; t <= 0.61; t += 0.3) {
        cairo_move_to(cr, o.rx * t, -o.ry * 0.95 * (1 - t * t * 0.5));
        cairo_line_to(cr, o.rx * (t + 0.06), -o.ry * 0.6);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

// Gyoza side by side in a row, browned faces up, as they come out of the pan.
void draw_gyoza_plate(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const int n = 5 + rng.below(2);
    const double ang = rng.range(-0.6, 0.6), gap = d.r * 0.235;
    std::vector<Oval> gyoza;
    for (int i = 0; i < n; ++i) {
        const double off = (i - (n - 1) / 2.0) * gap;
        gyoza.push_back({d.x + std::cos(ang) * off, d.y + std::sin(ang) * off, d.r * 0.33, d.r * 0.15,
                         ang + kPi / 2 + rng.range(-0.08, 0.08)});
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
    // Irregular chunks pushed tight against each other, as they are threaded in the shop.
    std::vector<Piece> pieces;
    for (int i = 0; i < 5; ++i) {
        const double t = 0.24 + i * 0.125 + rng.range(-0.01, 0.01);
        pieces.push_back(make_piece(rng, {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, len * 0.068,
                                          len * rng.range(0.05, 0.065), ang + rng.range(-0.3, 0.3)}, 0.3));
    }
    shadow_pieces(c, pieces, len * 0.07);
    const bool negima = rng.chance(0.4);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const bool leek = negima && i % 2 == 1;
        const Rgb col = leek ? hex(0xE4E8CC) : (tare ? hex(0x7E3C18) : hex(0xDDBE92));
        draw_piece(cr, pieces[i], vary(col, rng, 0.05), leek ? 0.2 : 2.5, rng);
        if (leek) continue;
        cairo_save(cr);  // charred spots from the grill
        smooth_closed(cr, pieces[i].outline);
        cairo_clip(cr);
        for (int k = 0; k < 4; ++k) {
            const Pt p = in_disc(rng, {pieces[i].o.x, pieces[i].o.y, len * 0.06});
            shade_oval(cr, {p.x, p.y, len * 0.025, len * 0.018, rng.range(0, kPi)}, {{0, hex(0x2A140A), 0.6}, {1, hex(0x2A140A), 0}});
        }
        cairo_restore(cr);
        if (tare) fill_oval(cr, {pieces[i].o.x - len * 0.015, pieces[i].o.y - len * 0.02, len * 0.03, len * 0.012, ang}, kWhite, 0.4);
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
        draw_skewer(c, {mid.x - ca * d.r * 1.25, mid.y - sa * d.r * 1.25}, {mid.x + ca * d.r * 1.1, mid.y + sa * d.r * 1.1},
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

// ------------------------------------------------------------------------------------ drinks

void heart_path(cairo_t* cr, Pt c, double w, double h) {
    cairo_move_to(cr, c.x, c.y + h * 0.45);
    cairo_curve_to(cr, c.x - w, c.y - h * 0.1, c.x - w * 0.5, c.y - h * 0.8, c.x, c.y - h * 0.3);
    cairo_curve_to(cr, c.x + w * 0.5, c.y - h * 0.8, c.x + w, c.y - h * 0.1, c.x, c.y + h * 0.45);
    cairo_close_path(cr);
}

void draw_cup_handle(const Canvas& c, Disc cup, double angle, Rgb col) {
    const Pt h{cup.x + std::cos(angle) * cup.r * 1.18, cup.y + std::sin(angle) * cup.r * 1.18};
    const auto path = [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, h.x, h.y);
        cairo_rotate(t, angle);
        rounded_rect(t, -cup.r * 0.3, -cup.r * 0.13, cup.r * 0.55, cup.r * 0.26, cup.r * 0.12);
        cairo_restore(t);
    };
    soft_shadow(c, 0.45, cup.r * 0.1, {cup.r * 0.06, cup.r * 0.1}, path);
    path(c.cr);
    set_rgb(c.cr, darken(col, 0.08));
    cairo_fill(c.cr);
}

void draw_coffee(const Canvas& c, Disc d, Rng& rng) {
    const Rgb china = rng.chance(0.7) ? rng.pick(kPorcelain) : rng.pick(kStoneware);
    draw_plate(c, d, china, rng);
    const Disc cup{d.x - d.r * 0.04, d.y - d.r * 0.05, d.r * 0.6};
    draw_cup_handle(c, cup, rng.range(-0.3, 0.9), china);
    soft_shadow(c, 0.5, cup.r * 0.15, {cup.r * 0.07, cup.r * 0.1}, [&](cairo_t* t) { disc_path(t, cup); });
    shade_oval(c.cr, {cup.x, cup.y, cup.r, cup.r}, {{0, lighten(china, 0.2)}, {0.9, china}, {1, darken(china, 0.3)}});
    const Disc liquid{cup.x + cup.r * 0.02, cup.y + cup.r * 0.03, cup.r * 0.84};
    const bool latte = rng.chance(0.6);
    const Oval surface{liquid.x, liquid.y, liquid.r, liquid.r};
    if (latte)
        shade_oval(c.cr, surface, {{0, hex(0xD9B48A)}, {0.8, hex(0xB88452)}, {1, hex(0x6A3E1E)}});
    else  // black coffee: a ring of crema where it meets the cup
        shade_oval(c.cr, surface, {{0, hex(0x4A2A16)}, {0.75, hex(0x3A1E0E)}, {0.93, hex(0x8A5A30)}, {1, hex(0x5A3418)}});
    if (latte) {  // rosetta-like heart: nested hearts of foam and coffee
        for (int i = 0; i < 3; ++i) {
            const double k = 1 - i * 0.28;
            heart_path(c.cr, {liquid.x, liquid.y + liquid.r * 0.05}, liquid.r * 0.7 * k, liquid.r * 0.95 * k);
            set_rgb(c.cr, i % 2 == 0 ? hex(0xF6EEDF) : hex(0xC99A66));
            cairo_fill(c.cr);
        }
    }
    fill_oval(c.cr, {liquid.x - liquid.r * 0.45, liquid.y - liquid.r * 0.45, liquid.r * 0.22, liquid.r * 0.1, -0.8}, kWhite, 0.35);
    shaded_ring(c.cr, {cup.x, cup.y, cup.r * 0.96}, cup.r * 0.06, {0, kWhite, 0.7}, {0, darken(china, 0.4), 0.3});
}

void draw_tea(const Canvas& c, Disc d, Rng&) {
    draw_bowl(c, d, {hex(0x8A6A4E), hex(0xD8CDB8)}, [&](Disc a) {
        shade_oval(c.cr, {a.x, a.y, a.r, a.r}, {{0, hex(0xC9C46A)}, {0.8, hex(0x9AA03C)}, {1, hex(0x6A7028)}});
        fill_oval(c.cr, {a.x - a.r * 0.35, a.y - a.r * 0.4, a.r * 0.3, a.r * 0.12, -0.7}, kWhite, 0.4);
    });
}

void draw_water(const Canvas& c, Disc d, Rng&) {
    cairo_t* cr = c.cr;
    // Light passing through the glass leaves a bright caustic beside its faint shadow.
    soft_shadow(c, 0.25, d.r * 0.2, {d.r * 0.15, d.r * 0.2}, [&](cairo_t* t) { disc_path(t, d); });
    shade_oval(cr, {d.x + d.r * 0.25, d.y + d.r * 0.3, d.r * 0.6, d.r * 0.45, 0.7}, {{0, kWhite, 0.35}, {1, kWhite, 0}});
    shade_oval(cr, {d.x, d.y, d.r, d.r}, {{0, hex(0xE8F0F0), 0.15}, {0.85, hex(0xD0DCE0), 0.2}, {1, hex(0x8A9AA0), 0.5}});
    shaded_ring(cr, {d.x, d.y, d.r * 0.97}, d.r * 0.06, {0, kWhite, 0.9}, {0, kWhite, 0.4});
    shaded_ring(cr, {d.x + d.r * 0.04, d.y + d.r * 0.05, d.r * 0.8}, d.r * 0.03, {0, kWhite, 0.5}, {0, hex(0x5A6A70), 0.3});
}

void draw_beer(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    const Disc coaster{d.x + d.r * 0.05, d.y + d.r * 0.05, d.r * 1.1};
    soft_shadow(c, 0.3, d.r * 0.1, {d.r * 0.03, d.r * 0.05}, [&](cairo_t* t) { disc_path(t, coaster); });
    shade_oval(cr, {coaster.x, coaster.y, coaster.r, coaster.r}, {{0, hex(0xE9DCC0)}, {1, hex(0xCDB894)}});
    set_rgb(cr, hex(0x9A3A2A), 0.7);
    cairo_set_line_width(cr, d.r * 0.04);
    disc_path(cr, {coaster.x, coaster.y, coaster.r * 0.88});
    cairo_stroke(cr);
    const Disc g{d.x, d.y, d.r * 0.8};
    soft_shadow(c, 0.45, g.r * 0.25, {g.r * 0.12, g.r * 0.18}, [&](cairo_t* t) { disc_path(t, g); });
    // Seen from above the beer shows through the glass wall as an amber crescent below the foam.
    shade_oval(cr, {g.x + g.r * 0.08, g.y + g.r * 0.1, g.r, g.r},
               {{0, hex(0xF8C850)}, {0.7, hex(0xE29A1E)}, {1, hex(0x8A500E)}}, -0.2, -0.2);
    const Disc foam{g.x - g.r * 0.02, g.y - g.r * 0.03, g.r * 0.86};
    shade_oval(cr, {foam.x, foam.y, foam.r, foam.r}, {{0, hex(0xFFFDF6)}, {0.8, hex(0xF5EBD4)}, {1, hex(0xE2CFA4)}}, -0.3, -0.3);
    for (int i = 0; i < 70; ++i) {
        const Pt p = in_disc(rng, {foam.x, foam.y, foam.r * 0.95});
        set_rgb(cr, hex(0xD8C8A0), 0.4);
        cairo_set_line_width(cr, 1.0);
        disc_path(cr, {p.x, p.y, rng.range(1.5, 5)});
        cairo_stroke(cr);
    }
    shaded_ring(cr, {g.x, g.y, g.r}, g.r * 0.05, {0, kWhite, 0.85}, {0, kWhite, 0.3});
    for (int i = 0; i < 40; ++i) {  // condensation on the cold glass
        const double t = rng.range(0, kTau), rr = g.r * rng.range(0.88, 1.0);
        fill_oval(cr, {g.x + std::cos(t) * rr, g.y + std::sin(t) * rr, 2.2, 2.2}, kWhite, 0.6);
    }
}

// Tokkuri and a choko with the blue "snake eye" rings sake tasters use to judge clarity.
void draw_sake(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb glaze = rng.chance(0.5) ? hex(0xE9E2D2) : hex(0x6A5A4A);
    const Disc bottle{d.x + d.r * 0.3, d.y - d.r * 0.35, d.r * 0.62};
    soft_shadow(c, 0.5, d.r * 0.25, {d.r * 0.15, d.r * 0.22}, [&](cairo_t* t) { disc_path(t, bottle); });
    shade_oval(cr, {bottle.x, bottle.y, bottle.r, bottle.r},
               {{0, lighten(glaze, 0.45)}, {0.6, glaze}, {1, darken(glaze, 0.45)}}, -0.4, -0.4);
    shade_oval(cr, {bottle.x, bottle.y, bottle.r * 0.3, bottle.r * 0.3}, {{0, lighten(glaze, 0.2)}, {1, darken(glaze, 0.1)}});
    fill_oval(cr, {bottle.x, bottle.y, bottle.r * 0.17, bottle.r * 0.17}, hex(0x1A1410));
    const Disc cup{d.x - d.r * 0.35, d.y + d.r * 0.35, d.r * 0.45};
    soft_shadow(c, 0.45, d.r * 0.15, {d.r * 0.08, d.r * 0.12}, [&](cairo_t* t) { disc_path(t, cup); });
    shade_oval(cr, {cup.x, cup.y, cup.r, cup.r}, {{0, kWhite}, {0.85, hex(0xF2F0EA)}, {1, hex(0xBDB8AE)}});
    set_rgb(cr, hex(0x2A4A9A));
    cairo_set_line_width(cr, cup.r * 0.09);
    for (const double k : {0.62, 0.32}) {
        disc_path(cr, {cup.x + cup.r * 0.04, cup.y + cup.r * 0.05, cup.r * k});
        cairo_stroke(cr);
    }
    fill_oval(cr, {cup.x - cup.r * 0.3, cup.y - cup.r * 0.35, cup.r * 0.25, cup.r * 0.1, -0.7}, kWhite, 0.6);
    shaded_ring(cr, {cup.x, cup.y, cup.r * 0.96}, cup.r * 0.07, {0, kWhite, 0.8}, {0, hex(0x8A8478), 0.4});
}

// A takeaway cup with its plastic lid: concentric ridges and a sip slot.
void draw_paper_cup(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    soft_shadow(c, 0.5, d.r * 0.25, {d.r * 0.12, d.r * 0.18}, [&](cairo_t* t) { disc_path(t, d); });
    const Rgb lid = rng.chance(0.5) ? hex(0xF4F2EE) : hex(0x2E2A28);
    shade_oval(cr, {d.x, d.y, d.r, d.r}, {{0, lighten(lid, 0.1)}, {0.9, lid}, {1, darken(lid, 0.3)}}, -0.3, -0.3);
    for (const double k : {0.92, 0.78, 0.5})
        shaded_ring(cr, {d.x, d.y, d.r * k}, d.r * 0.04, {0, kWhite, 0.5}, {0, kBlack, 0.25});
    cairo_save(cr);
    cairo_translate(cr, d.x, d.y - d.r * 0.64);
    rounded_rect(cr, -d.r * 0.2, -d.r * 0.05, d.r * 0.4, d.r * 0.1, d.r * 0.05);
    set_rgb(cr, kBlack, 0.6);
    cairo_fill(cr);
    cairo_restore(cr);
}

// ------------------------------------------------------------------------------------ café

// Draws `shape` extruded downward by `depth` (its side shows, as from a camera not quite
// overhead), the side banded in `layers` colours from bottom to top; the caller adds the top.
template <class Shape>
void draw_extruded(cairo_t* cr, double depth, const std::vector<Rgb>& layers, Shape&& shape) {
    const int steps = std::max(2, static_cast<int>(depth / 1.5));
    for (int i = steps; i > 0; --i) {
        const double t = static_cast<double>(i) / steps;
        cairo_save(cr);
        cairo_translate(cr, 0, depth * t);
        shape(cr);
        const auto li = static_cast<std::size_t>((1 - t) * static_cast<double>(layers.size()) * 0.999);
        set_rgb(cr, darken(layers[li], 0.1 + 0.15 * t));
        cairo_fill(cr);
        cairo_restore(cr);
    }
}

struct CakeLook {
    Rgb top;
    std::array<Rgb, 4> layers;
    bool berries;
};
constexpr std::array kCakes = {
    CakeLook{hex(0xFBF7EF), {hex(0xF2D28C), hex(0xFBF7EF), hex(0xF2D28C), hex(0xFBF7EF)}, true},
    CakeLook{hex(0x4A2A18), {hex(0x5A3420), hex(0x8A5A3A), hex(0x5A3420), hex(0x3A2012)}, false},
    CakeLook{hex(0xD9A456), {hex(0xB07A3A), hex(0xF2D79A), hex(0xF2D79A), hex(0xE8C070)}, false},
};

void draw_cake(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const CakeLook& look = rng.pick(kCakes);
    const double a0 = rng.range(0, kTau), span = 0.8, R = d.r * 1.0;
    const Pt tip{d.x - std::cos(a0 + span / 2) * R * 0.6, d.y - std::sin(a0 + span / 2) * R * 0.6 - d.r * 0.05};
    const auto wedge = [&](cairo_t* t) {
        cairo_move_to(t, tip.x, tip.y);
        cairo_arc(t, tip.x, tip.y, R, a0, a0 + span);
        cairo_close_path(t);
    };
    soft_shadow(c, 0.55, d.r * 0.12, {d.r * 0.06, d.r * 0.14}, wedge);
    draw_extruded(c.cr, d.r * 0.16, {look.layers.begin(), look.layers.end()}, wedge);
    wedge(c.cr);
    source_radial(c.cr, tip.x, tip.y, tip.x, tip.y, R, {{0, lighten(look.top, 0.1)}, {1, darken(look.top, 0.12)}});
    cairo_fill(c.cr);
    const Pt mid{tip.x + std::cos(a0 + span / 2) * R * 0.6, tip.y + std::sin(a0 + span / 2) * R * 0.6};
    if (look.berries) {
        for (int i = 0; i < 3; ++i) {
            const Pt p{mid.x + rng.range(-0.12, 0.12) * R, mid.y + rng.range(-0.12, 0.12) * R};
            heart_path(c.cr, p, R * 0.16, R * 0.2);
            set_rgb(c.cr, hex(0xD8222A));
            cairo_fill(c.cr);
            fill_oval(c.cr, {p.x - R * 0.04, p.y - R * 0.05, R * 0.03, R * 0.015, -0.6}, kWhite, 0.6);
        }
        draw_leaves(c.cr, {mid.x, mid.y, R * 0.1}, hex(0x4E9A3A), 2, rng);
    } else {
        draw_sprinkles(c.cr, {mid.x, mid.y, R * 0.3}, lighten(look.top, 0.25), 60, 1.6, rng);
    }
}

// Thick toast: domed slice, dark crust, a melting pat of butter, honey trails.
void draw_toast(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const double s = d.r * 0.5, ang = rng.range(-0.4, 0.4);
    const auto slice = [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, d.x, d.y);
        cairo_rotate(t, ang);
        cairo_move_to(t, -s, s);
        cairo_line_to(t, -s, -s * 0.5);
        cairo_curve_to(t, -s * 1.2, -s * 1.2, -s * 0.2, -s * 1.25, 0, -s * 0.95);
        cairo_curve_to(t, s * 0.2, -s * 1.25, s * 1.2, -s * 1.2, s, -s * 0.5);
        cairo_line_to(t, s, s);
        cairo_close_path(t);
        cairo_restore(t);
    };
    soft_shadow(c, 0.55, d.r * 0.12, {d.r * 0.06, d.r * 0.12}, slice);
    draw_extruded(c.cr, d.r * 0.12, {hex(0xE8D2A8)}, slice);
    slice(c.cr);
    set_rgb(c.cr, hex(0x9A5A22));
    cairo_fill(c.cr);
    cairo_save(c.cr);
    cairo_translate(c.cr, d.x, d.y);
    cairo_scale(c.cr, 0.9, 0.9);
    cairo_translate(c.cr, -d.x, -d.y);
    slice(c.cr);
    cairo_restore(c.cr);
    source_radial(c.cr, d.x - s * 0.3, d.y - s * 0.3, d.x, d.y, s * 1.3, {{0, hex(0xEDC47A)}, {0.7, hex(0xD9A050)}, {1, hex(0xB8722E)}});
    cairo_fill(c.cr);
    cairo_save(c.cr);
    cairo_translate(c.cr, d.x + s * 0.1, d.y);
    cairo_rotate(c.cr, ang + 0.3);
    rounded_rect(c.cr, -s * 0.22, -s * 0.18, s * 0.44, s * 0.36, s * 0.06);
    source_linear(c.cr, -s * 0.2, -s * 0.2, s * 0.2, s * 0.2, {{0, hex(0xFFF6C8)}, {1, hex(0xF2DA8A)}});
    cairo_fill(c.cr);
    cairo_restore(c.cr);
    Piece honey = make_piece(rng, {d.x + s * 0.15, d.y + s * 0.1, s * 0.5, s * 0.35, ang + 0.5}, 0.35);
    smooth_closed(c.cr, honey.outline);
    set_rgb(c.cr, hex(0xD98A10), 0.35);  // honey soaking in: translucent, with a wet glint
    cairo_fill(c.cr);
    fill_oval(c.cr, {d.x - s * 0.05, d.y - s * 0.05, s * 0.15, s * 0.05, ang + 0.5}, kWhite, 0.35);
}

void draw_pancakes(const Canvas& c, Disc d, Rng& rng) {
    draw_plate(c, d, rng.pick(kPorcelain), rng);
    const double r = d.r * 0.55;
    for (int i = 0; i < 3; ++i) {
        const Disc p{d.x + rng.range(-0.05, 0.05) * r, d.y - i * r * 0.08 + rng.range(-0.04, 0.04) * r, r};
        if (i == 0) soft_shadow(c, 0.5, r * 0.2, {r * 0.08, r * 0.14}, [&](cairo_t* t) { disc_path(t, p); });
        draw_extruded(c.cr, r * 0.1, {hex(0xE9CE96), hex(0xC98A44)}, [&](cairo_t* t) { disc_path(t, p); });
        shade_oval(c.cr, {p.x, p.y, p.r, p.r}, {{0, hex(0xB8682A)}, {0.75, hex(0xC9803A)}, {1, hex(0xE8C488)}}, -0.2, -0.2);
    }
    const Pt top{d.x, d.y - r * 0.16};
    Piece syrup = make_piece(rng, {top.x + r * 0.05, top.y + r * 0.05, r * 0.6, r * 0.55}, 0.3);
    smooth_closed(c.cr, syrup.outline);
    set_rgb(c.cr, hex(0x8A3E0E), 0.55);
    cairo_fill(c.cr);
    cairo_save(c.cr);
    cairo_translate(c.cr, top.x, top.y);
    rounded_rect(c.cr, -r * 0.16, -r * 0.14, r * 0.32, r * 0.28, r * 0.05);
    set_rgb(c.cr, hex(0xFBEFB8));
    cairo_fill(c.cr);
    cairo_restore(c.cr);
    for (int i = 0; i < 6; ++i) {
        const double t = rng.range(0, kTau);
        draw_gloss_ball(c.cr, {d.x + std::cos(t) * r * 1.1, d.y + std::sin(t) * r * 1.05, r * 0.09},
                        rng.chance(0.5) ? hex(0x3A3A7A) : hex(0xC8202E));
    }
    draw_leaves(c.cr, {top.x + r * 0.3, top.y - r * 0.2, r * 0.1}, hex(0x4E9A3A), 2, rng);
}

// ------------------------------------------------------------------------------------ takeout

// A compartment's contents, drawn in the box's local frame inside (x, y, w, h).
void draw_compartment(const Canvas& c, double x, double y, double w, double h, int kind, Rng& rng) {
    cairo_t* cr = c.cr;
    const Disc a{x + w / 2, y + h / 2, std::min(w, h) / 2};
    if (kind == 0) {  // rice with an umeboshi and sesame
        draw_rice(cr, {a.x, a.y, std::hypot(w, h) / 2}, rng);
        draw_gloss_ball(cr, {a.x, a.y, a.r * 0.22}, hex(0xB21E2A));
        draw_sprinkles(cr, {a.x, a.y + a.r * 0.5, a.r * 0.5}, hex(0x2A2420), 40, 1.6, rng);
    } else if (kind == 1) {
        auto pieces = scatter_pieces(rng, {a.x, a.y, a.r * 0.55}, 3, a.r * 0.5, a.r * 0.42, 0.25);
        shadow_pieces(c, pieces, a.r * 0.4);
        for (const Piece& p : pieces) draw_piece(cr, p, vary(hex(0xB06A2C), rng, 0.06), 3.5, rng);
    } else if (kind == 2) {  // tamagoyaki: rolled omelette slices
        for (int i = 0; i < 2; ++i) {
            const double cx = x + w * (0.3 + 0.4 * i);
            rounded_rect(cr, cx - w * 0.18, y + h * 0.15, w * 0.34, h * 0.7, w * 0.05);
            source_linear(cr, cx - w * 0.2, y, cx + w * 0.2, y + h, {{0, hex(0xFBE27A)}, {1, hex(0xE8B83A)}});
            cairo_fill(cr);
            set_rgb(cr, hex(0xC8902A), 0.5);
            cairo_set_line_width(cr, 1.5);
            cairo_arc(cr, cx, y + h / 2, w * 0.08, 0, 4.5);
            cairo_stroke(cr);
        }
    } else if (kind == 4) {  // a grilled salmon fillet with its silver skin
        Piece fillet = make_piece(rng, {a.x, a.y, w * 0.38, h * 0.3, rng.range(-0.3, 0.3)}, 0.12);
        shadow_pieces(c, {fillet}, a.r * 0.4);
        draw_piece(cr, fillet, hex(0xE8865A), 1.0, rng);
        set_rgb(cr, hex(0xA8A8A0), 0.8);
        cairo_set_line_width(cr, h * 0.06);
        cairo_move_to(cr, fillet.outline[2].x, fillet.outline[2].y);
        for (std::size_t i = 3; i <= 7; ++i) cairo_line_to(cr, fillet.outline[i].x, fillet.outline[i].y);
        cairo_stroke(cr);
    } else {  // broccoli and cherry tomatoes
        for (int i = 0; i < 14; ++i) {
            const Pt p = in_disc(rng, {a.x, a.y, a.r * 0.7});
            draw_gloss_ball(cr, {p.x, p.y, a.r * 0.2}, vary(hex(0x3E7A2E), rng, 0.1));
        }
        draw_gloss_ball(cr, {a.x + a.r * 0.4, a.y + a.r * 0.35, a.r * 0.3}, hex(0xD8301E));
    }
}

void draw_bento(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    const double W = d.r * 1.4, H = d.r * 0.98, ang = rng.range(-0.1, 0.1), wall = d.r * 0.07;
    const auto box = [&](cairo_t* t) { rounded_rect(t, -W, -H, 2 * W, 2 * H, d.r * 0.08); };
    cairo_save(cr);
    cairo_translate(cr, d.x, d.y);
    cairo_rotate(cr, ang);
    soft_shadow(c, 0.55, d.r * 0.15, {d.r * 0.06, d.r * 0.1}, box);
    box(cr);
    source_linear(cr, -W, -H, W, H, {{0, hex(0xC99E6E)}, {1, hex(0xA97E50)}});
    cairo_fill(cr);
    const double iw = 2 * (W - wall), ih = 2 * (H - wall), split = iw * rng.range(0.5, 0.58);
    std::array<int, 4> kinds{1, 2, 3, 4};
    for (std::size_t i = 3; i > 0; --i) std::swap(kinds[i], kinds[static_cast<std::size_t>(rng.below(static_cast<int>(i) + 1))]);
    const std::array<std::array<double, 4>, 3> cells{{{-W + wall, -H + wall, split, ih},
                                                     {-W + wall + split, -H + wall, iw - split, ih * 0.5},
                                                     {-W + wall + split, -H + wall + ih * 0.5, iw - split, ih * 0.5}}};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& r = cells[i];
        cairo_save(cr);
        cairo_rectangle(cr, r[0], r[1], r[2], r[3]);
        cairo_clip(cr);
        set_rgb(cr, hex(0x8A6440));
        cairo_paint(cr);
        draw_compartment(c, r[0], r[1], r[2], r[3], i == 0 ? 0 : kinds[i - 1], rng);
        // Inner walls shade the contents' upper-left edge.
        cairo_rectangle(cr, r[0], r[1], r[2], r[3]);
        source_linear(cr, r[0], r[1], r[0] + wall * 2, r[1] + wall * 2, {{0, kBlack, 0.35}, {1, kBlack, 0}});
        cairo_fill(cr);
        cairo_restore(cr);
        set_rgb(cr, hex(0xB48A5A));
        cairo_set_line_width(cr, wall * 0.5);
        cairo_rectangle(cr, r[0], r[1], r[2], r[3]);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

// Rounded triangle of rice with a band of nori, the shape everyone knows from the konbini.
void draw_onigiri(const Canvas& c, Pt at, double s, double ang, Rng& rng) {
    std::vector<Pt> pts;
    for (int i = 0; i < 3; ++i) {
        const double t = ang - kPi / 2 + kTau * i / 3, t2 = t + kPi / 3;
        pts.push_back({at.x + std::cos(t) * s * 0.95, at.y + std::sin(t) * s * 0.95});
        pts.push_back({at.x + std::cos(t2) * s * 0.62, at.y + std::sin(t2) * s * 0.62});
    }
    soft_shadow(c, 0.5, s * 0.25, {s * 0.1, s * 0.15}, [&](cairo_t* t) { smooth_closed(t, pts); });
    cairo_save(c.cr);
    smooth_closed(c.cr, pts);
    cairo_clip(c.cr);
    draw_rice(c.cr, {at.x, at.y, s}, rng);
    cairo_translate(c.cr, at.x, at.y);
    cairo_rotate(c.cr, ang);
    draw_nori(c.cr, {0, s * 0.55, s * 0.45, s * 0.4, 0}, rng);
    cairo_restore(c.cr);
}

void draw_onigiri_set(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    const double ang = rng.range(-0.5, 0.5), s = d.r * 0.95;
    const Rgb paper = rng.chance(0.5) ? hex(0xC8A47A) : hex(0xF1ECE0);
    cairo_save(cr);
    cairo_translate(cr, d.x, d.y);
    cairo_rotate(cr, ang);
    soft_shadow(c, 0.3, d.r * 0.06, {d.r * 0.02, d.r * 0.03}, [&](cairo_t* t) { cairo_rectangle(t, -s, -s, 2 * s, 2 * s); });
    cairo_rectangle(cr, -s, -s, 2 * s, 2 * s);
    set_rgb(cr, paper);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    const Rgb ink = rng.pick(kAccents);
    set_rgb(cr, ink, 0.55);  // a printed border stripe, as on shop wrapping
    cairo_set_line_width(cr, s * 0.04);
    cairo_rectangle(cr, -s * 0.88, -s * 0.88, s * 1.76, s * 1.76);
    cairo_stroke(cr);
    for (int i = 0; i < 5; ++i) {  // creases left by the folding
        const double a = rng.range(0, kPi), off = rng.range(-0.8, 0.8) * s;
        const double nx = -std::sin(a), ny = std::cos(a);  // across the crease
        source_linear(cr, nx * (off - s * 0.1), ny * (off - s * 0.1), nx * (off + s * 0.1), ny * (off + s * 0.1),
                      {{0, kBlack, 0}, {0.5, kWhite, 0.2}, {0.52, kBlack, 0.12}, {1, kBlack, 0}});
        cairo_paint(cr);
    }
    cairo_restore(cr);
    const int n = 2 + rng.below(2);
    for (int i = 0; i < n; ++i) {
        const double t = ang + kTau * i / n + 0.3;
        draw_onigiri(c, {d.x + std::cos(t) * d.r * (n == 2 ? 0.4 : 0.48), d.y + std::sin(t) * d.r * 0.42},
                     d.r * 0.42, rng.range(-0.4, 0.4), rng);
    }
}

void draw_karaage_box(const Canvas& c, Disc d, Rng& rng) {
    cairo_t* cr = c.cr;
    const double s = d.r * 0.8, ang = rng.range(-0.3, 0.3);
    cairo_save(cr);
    cairo_translate(cr, d.x, d.y);
    cairo_rotate(cr, ang);
    soft_shadow(c, 0.5, d.r * 0.15, {d.r * 0.08, d.r * 0.12}, [&](cairo_t* t) { cairo_rectangle(t, -s * 1.3, -s * 1.3, s * 2.6, s * 2.6); });
    for (int side = 0; side < 4; ++side) {  // the open flaps, lit or shaded by where they face
        cairo_save(cr);
        cairo_rotate(cr, side * kPi / 2);
        cairo_move_to(cr, -s, -s);
        cairo_line_to(cr, s, -s);
        cairo_line_to(cr, s * 1.2, -s * 1.35);
        cairo_line_to(cr, -s * 1.2, -s * 1.35);
        cairo_close_path(cr);
        set_rgb(cr, side == 0 || side == 3 ? hex(0xD2AE80) : hex(0xB08658));
        cairo_fill(cr);
        cairo_restore(cr);
    }
    cairo_rectangle(cr, -s, -s, 2 * s, 2 * s);
    source_linear(cr, -s, -s, s, s, {{0, hex(0x7A5632)}, {0.3, hex(0xA07A4E)}, {1, hex(0xB89062)}});
    cairo_fill(cr);
    cairo_restore(cr);
    auto pieces = scatter_pieces(rng, {d.x, d.y, s * 0.55}, 6, s * 0.32, s * 0.27, 0.25);
    shadow_pieces(c, pieces, s * 0.3);
    for (const Piece& p : pieces) draw_piece(cr, p, vary(hex(0xB06A2C), rng, 0.06), 3.5, rng);
    draw_lemon_wedge(cr, {d.x + s * 0.45, d.y + s * 0.5, s * 0.25, s * 0.18, -0.4});
}

// ------------------------------------------------------------------------------------ cutlery

constexpr std::array kChopstickWoods = {hex(0xD9B98A), hex(0x3A2218), hex(0x8A2A1E), hex(0xC49A62)};

void chopstick_path(cairo_t* cr, Pt tip, double ang, double len) {
    const double ca = std::cos(ang), sa = std::sin(ang), w0 = len * 0.008, w1 = len * 0.017;
    cairo_move_to(cr, tip.x - sa * w0, tip.y + ca * w0);
    cairo_line_to(cr, tip.x + ca * len - sa * w1, tip.y + sa * len + ca * w1);
    cairo_line_to(cr, tip.x + ca * len + sa * w1, tip.y + sa * len - ca * w1);
    cairo_line_to(cr, tip.x + sa * w0, tip.y - ca * w0);
    cairo_close_path(cr);
}

// A pair of chopsticks resting on a small ceramic hashioki near their tips.
void draw_chopsticks(const Canvas& c, Pt tip, double ang, double len, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb wood = rng.pick(kChopstickWoods);
    const double ca = std::cos(ang), sa = std::sin(ang);
    const Pt rest{tip.x + ca * len * 0.16, tip.y + sa * len * 0.16};
    const Oval rest_o{rest.x - sa * len * 0.02, rest.y + ca * len * 0.02, len * 0.035, len * 0.075, ang};
    soft_shadow(c, 0.45, len * 0.02, {len * 0.01, len * 0.015}, [&](cairo_t* t) { oval_path(t, rest_o); });
    shade_oval(cr, rest_o, {{0, hex(0xE9E4DA)}, {0.8, hex(0xB8B0A2)}, {1, hex(0x7A7266)}}, -0.3, -0.3);
    std::array<std::pair<Pt, double>, 2> sticks{};
    for (int k = 0; k < 2; ++k) {
        const double off = k * len * 0.045, a = ang + (k ? 0.025 : 0);
        sticks[static_cast<std::size_t>(k)] = {{tip.x - sa * off, tip.y + ca * off}, a};
    }
    soft_shadow(c, 0.5, len * 0.02, {len * 0.025, len * 0.035}, [&](cairo_t* t) {
        for (const auto& [p, a] : sticks) chopstick_path(t, p, a, len);
    });
    for (const auto& [p, a] : sticks) {
        chopstick_path(cr, p, a, len);
        const double w = len * 0.015;
        const Pt m{p.x + std::cos(a) * len * 0.5, p.y + std::sin(a) * len * 0.5};
        source_linear(cr, m.x + std::sin(a) * w, m.y - std::cos(a) * w, m.x - std::sin(a) * w, m.y + std::cos(a) * w,
                      {{0, lighten(wood, 0.35)}, {0.4, wood}, {1, darken(wood, 0.35)}});
        cairo_fill(cr);
    }
}

void metal_source(cairo_t* cr, Pt a, Pt b) {
    source_linear(cr, a.x, a.y, b.x, b.y,
                  {{0, hex(0x8A8E92)}, {0.35, hex(0xF2F4F6)}, {0.5, hex(0xB8BCC0)}, {1, hex(0x6A6E72)}});
}

// Spoon or fork lying along `ang`, its head at `at`.
void draw_cutlery(const Canvas& c, Pt at, double ang, double len, bool fork) {
    cairo_t* cr = c.cr;
    const auto shape = [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, at.x, at.y);
        cairo_rotate(t, ang);
        rounded_rect(t, len * 0.22, -len * 0.025, len * 0.78, len * 0.05, len * 0.025);
        if (fork) {
            rounded_rect(t, 0, -len * 0.07, len * 0.25, len * 0.14, len * 0.03);
        } else {
            oval_path(t, {len * 0.1, 0, len * 0.14, len * 0.09});
        }
        cairo_restore(t);
    };
    soft_shadow(c, 0.45, len * 0.03, {len * 0.02, len * 0.03}, shape);
    shape(cr);
    metal_source(cr, {at.x - std::sin(ang) * len * 0.08, at.y + std::cos(ang) * len * 0.08},
                 {at.x + std::sin(ang) * len * 0.08, at.y - std::cos(ang) * len * 0.08});
    cairo_fill(cr);
    if (!fork) return;
    cairo_save(cr);  // slots between the tines show the table through
    cairo_translate(cr, at.x, at.y);
    cairo_rotate(cr, ang);
    set_rgb(cr, kBlack, 0.55);
    for (int i = 1; i < 4; ++i) cairo_rectangle(cr, -1, -len * 0.07 + i * len * 0.035 - 1.5, len * 0.13, 3);
    cairo_fill(cr);
    cairo_restore(cr);
}

// A folded cloth napkin under the cutlery.
void draw_napkin(const Canvas& c, Pt at, double w, double h, double ang, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb cloth = rng.chance(0.5) ? hex(0xEDE7DA) : rng.pick(std::array{hex(0x34507A), hex(0x9AAE94), hex(0xC9A07A)});
    const auto rect = [&](cairo_t* t) {
        cairo_save(t);
        cairo_translate(t, at.x, at.y);
        cairo_rotate(t, ang);
        rounded_rect(t, -w / 2, -h / 2, w, h, 4);
        cairo_restore(t);
    };
    soft_shadow(c, 0.35, h * 0.08, {h * 0.02, h * 0.03}, rect);
    rect(cr);
    set_rgb(cr, cloth);
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    cairo_translate(cr, at.x, at.y);
    cairo_rotate(cr, ang);
    source_linear(cr, -w / 2, 0, w / 2, 0, {{0, kWhite, 0.15}, {0.45, kWhite, 0}, {0.5, kBlack, 0.18}, {0.55, kWhite, 0.1}, {1, kBlack, 0.1}});
    cairo_paint(cr);
    cairo_set_line_width(cr, 1.0);
    for (double x = -w / 2; x < w / 2; x += 3) {
        set_rgb(cr, darken(cloth, 0.3), rng.range(0.03, 0.1));
        cairo_move_to(cr, x, -h / 2);
        cairo_line_to(cr, x, h / 2);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

// ------------------------------------------------------------------------------ food scenes

enum class Motif { gourmet, fish, takeout, sakaba, timetheme, product, landscape, abstract };

enum class Dish {
    noodles, shirasu, kaisen, katsudon, tempura, karaage, fry, curry, gyoza, sashimi,
    grilled_fish, yakitori, salad, bento, onigiri, karaage_box, cake, toast, pancakes
};

constexpr std::array kGourmetDishes = {Dish::noodles, Dish::katsudon, Dish::tempura, Dish::karaage,
                                       Dish::curry,   Dish::gyoza,    Dish::grilled_fish, Dish::salad,
                                       Dish::noodles, Dish::shirasu};
constexpr std::array kFishDishes = {Dish::sashimi, Dish::grilled_fish, Dish::kaisen,
                                    Dish::shirasu, Dish::fry,          Dish::sashimi};
constexpr std::array kTakeoutDishes = {Dish::bento, Dish::onigiri, Dish::karaage_box};
constexpr std::array kSakabaDishes = {Dish::yakitori, Dish::sashimi, Dish::karaage,
                                      Dish::gyoza,    Dish::yakitori, Dish::grilled_fish};
constexpr std::array kCafeDishes = {Dish::cake, Dish::toast, Dish::pancakes};

bool is_cafe(Dish d) { return d == Dish::cake || d == Dish::toast || d == Dish::pancakes; }
bool is_wide(Dish d) {
    return d == Dish::grilled_fish || d == Dish::yakitori || d == Dish::bento;
}

Dish pick_dish(Motif m, Rng& rng) {
    switch (m) {
        case Motif::fish: return rng.pick(kFishDishes);
        case Motif::takeout: return rng.pick(kTakeoutDishes);
        case Motif::sakaba: return rng.pick(kSakabaDishes);
        case Motif::timetheme: return rng.chance(0.5) ? rng.pick(kCafeDishes) : rng.pick(kGourmetDishes);
        default: return rng.pick(kGourmetDishes);
    }
}

void draw_main_dish(const Canvas& c, Dish dish, Disc d, Rng& rng) {
    switch (dish) {
        case Dish::noodles: draw_noodle_bowl(c, d, rng); break;
        case Dish::shirasu: draw_donburi(c, d, rng, [&](Disc a) { draw_shirasu(c.cr, a, rng); }); break;
        case Dish::kaisen: draw_donburi(c, d, rng, [&](Disc a) { draw_kaisen(c.cr, a, rng); }); break;
        case Dish::katsudon: draw_donburi(c, d, rng, [&](Disc a) { draw_katsu(c, a, rng); }); break;
        case Dish::tempura: draw_fried_plate(c, d, rng, Fried::tempura); break;
        case Dish::karaage: draw_fried_plate(c, d, rng, Fried::karaage); break;
        case Dish::fry: draw_fried_plate(c, d, rng, Fried::fry); break;
        case Dish::curry: draw_curry(c, d, rng); break;
        case Dish::gyoza: draw_gyoza_plate(c, d, rng); break;
        case Dish::sashimi:
            draw_plate(c, d, rng.chance(0.5) ? rng.pick(kStoneware) : rng.pick(kPorcelain), rng);
            draw_sashimi(c, {d.x, d.y, d.r * 0.68}, rng);
            break;
        case Dish::grilled_fish: draw_grilled_fish_plate(c, d, rng); break;
        case Dish::yakitori: draw_yakitori_plate(c, d, rng); break;
        case Dish::salad:
            draw_plate(c, d, rng.pick(kPorcelain), rng);
            draw_salad(c.cr, {d.x, d.y, d.r * 0.62}, rng);
            break;
        case Dish::bento: draw_bento(c, d, rng); break;
        case Dish::onigiri: draw_onigiri_set(c, d, rng); break;
        case Dish::karaage_box: draw_karaage_box(c, d, rng); break;
        case Dish::cake: draw_cake(c, d, rng); break;
        case Dish::toast: draw_toast(c, d, rng); break;
        case Dish::pancakes: draw_pancakes(c, d, rng); break;
    }
}

void draw_side_dish(const Canvas& c, Motif m, Disc d, Rng& rng) {
    const int k = rng.below(4);
    if (m == Motif::sakaba && k < 2) {
        draw_bowl(c, d, random_bowl(rng), [&](Disc a) { draw_edamame(c.cr, a, rng); });
    } else if (k == 0) {
        draw_miso(c, d, rng);
    } else if (k == 1) {
        draw_pickles(c, d, rng);
    } else if (k == 2) {
        draw_hiyayakko(c, d, rng);
    } else {
        draw_bowl(c, d, random_bowl(rng), [&](Disc a) { draw_salad(c.cr, a, rng); });
    }
}

void draw_drink(const Canvas& c, Motif m, Dish dish, Disc d, Rng& rng) {
    if (is_cafe(dish)) return draw_coffee(c, {d.x, d.y, d.r * 1.35}, rng);
    switch (m) {
        case Motif::sakaba: return rng.chance(0.55) ? draw_beer(c, d, rng) : draw_sake(c, {d.x, d.y, d.r * 1.3}, rng);
        case Motif::takeout: return rng.chance(0.6) ? draw_paper_cup(c, d, rng) : draw_tea(c, d, rng);
        case Motif::timetheme:
            if (rng.chance(0.3)) return draw_beer(c, d, rng);
            break;
        default: break;
    }
    return rng.chance(0.6) ? draw_tea(c, d, rng) : draw_water(c, d, rng);
}

struct Layout {
    Disc main, side, drink, extra;
    Pt sticks;
    double stick_angle;
    bool close_up;
};

// Main dish a little left of centre, a side dish in the lower-left corner, the drink upper
// right, chopsticks down the right: the classic overhead table a food stylist would set.
// One in three is a close-up of the main dish alone, cropped by the frame.
Layout make_layout(const Canvas& c, Dish dish, Rng& rng) {
    const double w = c.w, h = c.h;
    Layout L{};
    L.close_up = !is_wide(dish) && !is_cafe(dish) && rng.chance(0.33);
    const double r = L.close_up ? h * rng.range(0.44, 0.48) : h * (is_wide(dish) ? rng.range(0.29, 0.31) : rng.range(0.36, 0.39));
    L.main = {L.close_up ? w * 0.47 : w * rng.range(0.4, 0.45), h * rng.range(0.47, 0.53), r};
    L.side = {w * rng.range(0.06, 0.1), h * rng.range(0.82, 0.88), h * rng.range(0.15, 0.17)};
    L.drink = {w * rng.range(0.85, 0.9), h * rng.range(0.17, 0.22), h * rng.range(0.11, 0.13)};
    L.extra = {w * rng.range(0.05, 0.09), h * rng.range(0.1, 0.16), h * rng.range(0.17, 0.19)};
    const double right = L.main.x + r * (is_wide(dish) ? 1.45 : 1.0);
    L.sticks = {right + h * rng.range(0.06, 0.1), h * rng.range(0.42, 0.5)};
    L.stick_angle = kPi / 2 + rng.range(-0.3, 0.05);
    if (L.close_up) L.drink = {w * 1.0, h * 0.12, h * 0.16};
    if (is_cafe(dish)) L.drink = {w * 0.82, h * 0.24, h * 0.12};
    return L;
}

TableLook table_for(Motif m, Rng& rng) {
    switch (m) {
        case Motif::fish:
            return rng.chance(0.5) ? TableLook{TableKind::linen, rng.pick(std::array{hex(0xC9D4DA), hex(0xDDE3E4), hex(0xB3C2CA)})}
                                   : TableLook{TableKind::wood, rng.pick(std::array{hex(0xA7ABA6), hex(0xD6C6A6), hex(0x8C9AA0)})};
        case Motif::sakaba:
            return rng.chance(0.65) ? TableLook{TableKind::wood, rng.pick(std::array{hex(0x5E3C24), hex(0x4A3020), hex(0x6A4A2E)})}
                                    : TableLook{TableKind::slate, hex(0x33373A)};
        default:
            return rng.chance(0.6) ? TableLook{TableKind::wood, rng.pick(std::array{hex(0xB88A5A), hex(0x8A5A36), hex(0xD9BC92), hex(0xA87A50)})}
                                   : TableLook{TableKind::linen, rng.pick(std::array{hex(0xE9E1D3), hex(0xD8D2C0), hex(0xCFD6CC), hex(0xE6D2C4)})};
    }
}

void draw_setting(const Canvas& c, Motif m, Dish dish, const Layout& L, Rng& rng) {
    if (!L.close_up) {
        if (m != Motif::takeout && !is_cafe(dish)) draw_side_dish(c, m, L.side, rng);
        if (dish == Dish::grilled_fish && m != Motif::sakaba)  // a teishoku: rice and soup too
            draw_bowl(c, L.extra, random_bowl(rng), [&](Disc a) { draw_rice(c.cr, a, rng); });
        else if (rng.chance(0.4))
            draw_napkin(c, {L.extra.x, L.extra.y}, c.h * 0.5, c.h * 0.3, rng.range(-0.3, 0.3), rng);
    }
    draw_drink(c, m, dish, L.drink, rng);
    draw_main_dish(c, dish, L.main, rng);
    const bool western = is_cafe(dish) || dish == Dish::curry || dish == Dish::salad;
    if (western)
        draw_cutlery(c, L.sticks, L.stick_angle - 0.15, c.h * 0.5, dish != Dish::curry);
    else if (m != Motif::takeout || rng.chance(0.5))
        draw_chopsticks(c, L.sticks, L.stick_angle, c.h * 0.66, rng);
}

// The table is drawn at half size and scaled up: it is a background, soft anyway, and its
// thousands of grain lines and threads are the costliest part of the scene.
void draw_table_soft(const Canvas& c, const TableLook& t, Rng& rng) {
    const SurfaceHandle half{cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(c.w / 2) + 1,
                                                        static_cast<int>(c.h / 2) + 1)};
    const CairoHandle hc{cairo_create(half.get())};
    cairo_scale(hc.get(), 0.5, 0.5);
    draw_table({hc.get(), half.get(), c.w, c.h}, t, rng);
    cairo_surface_flush(half.get());
    cairo_save(c.cr);
    cairo_scale(c.cr, 2, 2);
    cairo_set_source_surface(c.cr, half.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(c.cr), CAIRO_FILTER_BILINEAR);
    cairo_paint(c.cr);
    cairo_restore(c.cr);
}

// Window light from the upper left (upper right when mirrored) and lens vignetting; the
// izakaya gets tungsten amber, deeper corners and a pool of light on the food.
Grade food_grade(const Canvas& c, Motif m, bool flip, Pt focus) {
    Grade g;
    g.light = {flip ? c.w * 1.1 : -c.w * 0.1, -c.h * 0.1};
    g.light_gain = 0.35;
    g.vignette = 0.4;
    if (m == Motif::sakaba) {
        g.tint = {1.0, 0.8, 0.55};
        g.vignette = 0.65;
        g.pool = focus;
        g.pool_radius = c.h * 0.6;
        g.pool_gain = 0.35;
    }
    return g;
}

Grade draw_food_scene(const Canvas& c, Motif m, Rng& rng) {
    draw_table_soft(c, table_for(m, rng), rng);
    const bool flip = rng.chance(0.5);
    const Dish dish = pick_dish(m, rng);
    const Layout L = make_layout(c, dish, rng);
    cairo_save(c.cr);
    if (flip) {  // mirror half the scenes (light included) so the layouts don't all match
        cairo_translate(c.cr, c.w, 0);
        cairo_scale(c.cr, -1, 1);
    }
    draw_setting(c, m, dish, L, rng);
    cairo_restore(c.cr);
    const Pt focus{flip ? c.w - L.main.x : L.main.x, L.main.y};
    depth_of_field(c.surface, focus, L.main.r * 1.05, L.main.r * 2.6, static_cast<int>(c.h / 140));
    return food_grade(c, m, flip, focus);
}

// ------------------------------------------------------------------------------------ landscapes

struct SkyLook {
    Rgb zenith, mid, horizon, sun, sea, haze;
    bool sun_visible;
};
constexpr std::array kSkies = {
    SkyLook{hex(0x3A76BE), hex(0x7FAEDC), hex(0xD6E6EC), hex(0xFFF8E8), hex(0x2E6C92), hex(0xC4D8E2), false},  // clear
    SkyLook{hex(0x5E88BC), hex(0x9DB8D4), hex(0xE6E6DE), hex(0xFFFFF4), hex(0x4C7C96), hex(0xDADFDC), false},  // haze
    SkyLook{hex(0x46528E), hex(0xD98C7C), hex(0xF8C070), hex(0xFFE6A8), hex(0x4A5478), hex(0xEBA878), true},   // sunset
    SkyLook{hex(0x1C2650), hex(0x6A5A8A), hex(0xE0907A), hex(0xFFD0A0), hex(0x263258), hex(0x8A7A9A), true},   // dusk
};

void draw_clouds(const Canvas& c, double horizon, const SkyLook& s, Rng& rng) {
    const int n = 3 + rng.below(5);
    const Rgb lit = s.sun_visible ? mix(s.sun, hex(0xF0A0A0), 0.35) : kWhite;
    const Rgb shade = mix(lit, s.zenith, 0.45);
    for (int i = 0; i < n; ++i) {
        const double cy = horizon * rng.range(0.08, 0.75), t = cy / horizon;
        const double size = c.w * rng.range(0.1, 0.25) * (1.2 - 0.6 * t), cx = rng.range(-0.1, 1.1) * c.w;
        for (int k = 0; k < 12; ++k) {
            const double px = cx + rng.range(-1, 1) * size, py = cy + rng.range(-0.12, 0.12) * size;
            const double pr = size * rng.range(0.15, 0.35) * (1 - 0.6 * std::abs(px - cx) / size);
            shade_oval(c.cr, {px, py + pr * 0.25, pr * 1.8, pr * 0.6}, {{0, shade, 0.35}, {1, shade, 0}});
            shade_oval(c.cr, {px, py, pr * 1.7, pr * 0.6}, {{0, lit, 0.6}, {1, lit, 0}});
        }
    }
}

void draw_sky(const Canvas& c, double horizon, const SkyLook& s, double sun_x, Rng& rng) {
    source_linear(c.cr, 0, 0, 0, horizon, {{0, s.zenith}, {0.55, s.mid}, {1, s.horizon}});
    cairo_paint(c.cr);
    const double glow_y = horizon - c.h * 0.04;
    source_radial(c.cr, sun_x, glow_y, sun_x, glow_y, c.h * 0.7,
                  {{0, s.sun, s.sun_visible ? 0.9 : 0.35}, {0.2, s.sun, 0.35}, {1, s.sun, 0}});
    cairo_paint(c.cr);
    draw_clouds(c, horizon, s, rng);
    if (s.sun_visible) fill_oval(c.cr, {sun_x, glow_y, c.h * 0.028, c.h * 0.028}, lighten(s.sun, 0.6), 0.95);
}

// Mt Fuji far away over the water: concave flanks, a flat notched top, snow in streaks.
void draw_fuji(const Canvas& c, double x, double base, double height, const SkyLook& s, Rng& rng) {
    cairo_t* cr = c.cr;
    const double hw = height * 2.7, top = base - height, tw = height * 0.24;
    const auto outline = [&] {
        cairo_move_to(cr, x - hw, base);
        cairo_curve_to(cr, x - hw * 0.5, base - height * 0.2, x - tw * 1.8, top + height * 0.22, x - tw, top);
        cairo_line_to(cr, x - tw * 0.4, top - height * 0.015);
        cairo_line_to(cr, x + tw * 0.1, top + height * 0.01);
        cairo_line_to(cr, x + tw * 0.5, top - height * 0.012);
        cairo_line_to(cr, x + tw, top);
        cairo_curve_to(cr, x + tw * 1.8, top + height * 0.22, x + hw * 0.5, base - height * 0.2, x + hw, base);
        cairo_close_path(cr);
    };
    const Rgb body = mix(s.haze, hex(0x4A5E82), 0.5);
    outline();
    source_linear(cr, 0, top, 0, base, {{0, body}, {1, mix(body, s.horizon, 0.75)}});
    cairo_fill(cr);
    cairo_save(cr);
    outline();
    cairo_clip(cr);
    cairo_move_to(cr, x - hw, top - 20);
    for (int k = 0; k <= 48; ++k) {  // snow reaches down the gullies in streaks of uneven length
        const double t = k / 48.0, depth = (k % 2 ? rng.range(0.38, 0.7) : rng.range(0.22, 0.36)) + 0.08 * std::sin(k * 0.7);
        cairo_line_to(cr, x - hw * 0.55 + t * hw * 1.1, top + height * depth * (1 - std::abs(t - 0.5) * 0.8));
    }
    cairo_line_to(cr, x + hw, top - 20);
    cairo_close_path(cr);
    source_linear(cr, x - tw * 2, 0, x + tw * 2, 0, {{0, mix(kWhite, s.sun, 0.25)}, {1, mix(kWhite, body, 0.4)}});
    cairo_fill(cr);
    cairo_restore(cr);
}

// Foliage texture: many small crowns in three tones, lit from the upper left, each tone one
// path. Used for wooded hills, tree canopies and pine clumps.
void draw_foliage(cairo_t* cr, const std::vector<Pt>& at, double size, Rgb col, Rng& rng, double contrast = 1) {
    const std::array<std::pair<Rgb, Pt>, 3> tones{{{darken(col, 0.35 * contrast), {size * 0.25, size * 0.35}},
                                                   {col, {0, 0}},
                                                   {lighten(col, 0.22 * contrast), {-size * 0.25, -size * 0.3}}}};
    for (const auto& [tone, off] : tones) {
        for (const Pt& p : at) {
            const double r = size * rng.range(0.6, 1.0);
            grain_path(cr, {p.x + off.x, p.y + off.y, r, r * 0.8, rng.range(0, kPi)});
        }
        set_rgb(cr, tone, 0.9);
        cairo_fill(cr);
    }
}

// A ridge line of hills, smooth at large scale with a bumpy tree canopy at small scale.
void draw_ridge(const Canvas& c, double base, double amp, Rgb top, Rgb bottom, double canopy, Rng& rng) {
    cairo_t* cr = c.cr;
    const double f1 = rng.range(1.5, 4) / c.w, f2 = rng.range(5, 9) / c.w, p1 = rng.range(0, kTau), p2 = rng.range(0, kTau);
    const double hx = rng.range(0.1, 0.9) * c.w, hw = c.w * rng.range(0.1, 0.22), hh = rng.range(0.3, 0.8);
    const double p3 = rng.range(0, kTau), p4 = rng.range(0, kTau);
    const auto ridge = [&](double x) {
        const double g = (x - hx) / hw;
        return base - amp * (0.35 + 0.22 * std::sin(x * f1 + p1) + 0.12 * std::sin(x * f2 + p2) + hh * std::exp(-g * g)) -
               canopy * amp * 0.05 * (std::abs(std::sin(x * 0.06 + p3)) + 0.6 * std::abs(std::sin(x * 0.17 + p4)));
    };
    cairo_move_to(cr, -10, c.h + 10);
    for (double x = -10; x <= c.w + 10; x += 3) cairo_line_to(cr, x, ridge(x));
    cairo_line_to(cr, c.w + 10, c.h + 10);
    cairo_close_path(cr);
    source_linear(cr, 0, base - amp * 1.2, 0, base + c.h * 0.1, {{0, top}, {1, bottom}});
    cairo_fill(cr);
    if (canopy < 1) return;
    // Near hills show their woods as crowns of trees, placed below the ridge line (no clip:
    // clipping to the long ridge path made every crown fill expensive).
    const double crown = c.h * 0.011 * canopy;
    std::vector<Pt> crowns;
    for (double y = base - amp * 1.3; y < base + c.h * 0.12; y += crown * 1.2)
        for (double x = rng.range(-crown, 0); x < c.w + crown; x += crown * rng.range(1.0, 1.6))
            if (y > ridge(x) + crown * 0.6) crowns.push_back({x, y + rng.range(-0.4, 0.4) * crown});
    draw_foliage(cr, crowns, crown, mix(top, bottom, 0.5), rng, 0.35 * canopy);
}

void draw_sea(const Canvas& c, double horizon, double shore, const SkyLook& s, double sun_x, Rng& rng) {
    cairo_t* cr = c.cr;
    cairo_rectangle(cr, 0, horizon, c.w, shore - horizon);
    source_linear(cr, 0, horizon, 0, shore, {{0, mix(s.sea, s.horizon, 0.5)}, {0.35, s.sea}, {1, darken(s.sea, 0.2)}});
    cairo_fill(cr);
    shade_oval(cr, {sun_x, horizon + (shore - horizon) * 0.25, c.w * 0.12, (shore - horizon) * 0.8},
               {{0, s.sun, s.sun_visible ? 0.45 : 0.15}, {1, s.sun, 0}});
    // Ripples: small and dense far away, long and sparse near, brighter in the sun's path.
    // Sorted into a few bins by brightness, each bin filled as one path.
    constexpr int kBins = 5;
    for (int bin = -1; bin < kBins; ++bin) {
        Rng r2{rng.next()};
        for (int i = 0; i < 220; ++i) {
            const double t = std::pow(r2.unit(), 1.6), y = horizon + 1 + t * (shore - horizon);
            const double spread = c.w * (0.04 + 0.12 * t) * (bin < 0 ? 8 : 1 + 0.8 * bin);
            const double x = bin < 0 ? r2.range(-0.05, 1.05) * c.w : sun_x + r2.range(-1, 1) * spread;
            rounded_rect(cr, x, y, (6 + 110 * t) * r2.range(0.4, 1.2), 0.8 + 2.5 * t, 1);
        }
        const double near = bin < 0 ? 0 : 1 - bin / static_cast<double>(kBins);
        if (bin < 0)
            set_rgb(cr, darken(s.sea, 0.3), 0.25);
        else
            set_rgb(cr, mix(lighten(s.sea, 0.45), s.sun, near), 0.1 + near * (s.sun_visible ? 0.6 : 0.3));
        cairo_fill(cr);
    }
    set_rgb(cr, lighten(s.horizon, 0.3), 0.35);
    cairo_rectangle(cr, 0, horizon, c.w, 1.5);
    cairo_fill(cr);
}

// The shore: dry sand with soft dunes and specks, dark wet sand mirroring the sky, a thin sheet
// of water running up the slope and ending in a lacy line of foam.
void draw_beach(const Canvas& c, double shore, const SkyLook& s, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb sand = mix(hex(0xD2BC94), s.horizon, 0.2), wet = mix(sand, s.sea, 0.45);
    cairo_rectangle(cr, 0, shore, c.w, c.h - shore);
    source_linear(cr, 0, shore, 0, c.h, {{0, wet}, {0.18, mix(wet, sand, 0.6)}, {0.35, lighten(sand, 0.08)}, {1, darken(sand, 0.18)}});
    cairo_fill(cr);
    for (int i = 0; i < 4; ++i) {  // wind-shaped undulations in the dry sand
        const double y = shore + (c.h - shore) * rng.range(0.35, 1.0), hgt = c.h * rng.range(0.02, 0.05);
        source_linear(cr, 0, y - hgt, 0, y + hgt, {{0, kWhite, 0}, {0.45, kWhite, 0.12}, {0.55, kBlack, 0.1}, {1, kBlack, 0}});
        cairo_rectangle(cr, 0, y - hgt, c.w, 2 * hgt);
        cairo_fill(cr);
    }
    for (int tone = 0; tone < 2; ++tone) {
        for (int i = 0; i < 1500; ++i) {
            const double y = rng.range(shore + c.h * 0.04, c.h), sz = 0.7 + 1.8 * (y - shore) / (c.h - shore);
            grain_path(cr, {rng.range(0, c.w), y, sz, sz * 0.7, rng.range(0, kPi)});
        }
        set_rgb(cr, tone ? lighten(sand, 0.35) : darken(sand, 0.3), 0.45);
        cairo_fill(cr);
    }
    const double reach = c.h * rng.range(0.025, 0.045), p1 = rng.range(0, kTau), p2 = rng.range(0, kTau);
    const auto edge = [&](double x) { return shore + reach * (0.7 + 0.3 * std::sin(x * 0.004 + p1) + 0.15 * std::sin(x * 0.017 + p2)); };
    cairo_move_to(cr, 0, shore);
    for (double x = 0; x <= c.w + 8; x += 8) cairo_line_to(cr, x, edge(x));
    cairo_line_to(cr, c.w, shore);
    cairo_close_path(cr);
    set_rgb(cr, mix(s.sea, s.horizon, 0.5), 0.45);
    cairo_fill(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int k = 0; k < 2; ++k) {
        cairo_move_to(cr, 0, edge(0) - k * 4);
        for (double x = 0; x <= c.w + 8; x += 8) cairo_line_to(cr, x, edge(x) - k * reach * 0.3 + rng.range(-1, 1));
        set_rgb(cr, kWhite, k ? 0.45 : 0.85);
        cairo_set_line_width(cr, k ? 2 : 3.5);
        cairo_stroke(cr);
    }
    set_rgb(cr, kWhite, 0.7);  // the breaking wave just offshore
    cairo_rectangle(cr, 0, shore - 2, c.w, 3);
    cairo_fill(cr);
}

// A breakwater running out to sea with a small harbour lighthouse at its end.
void draw_pier(const Canvas& c, double horizon, double shore, const SkyLook& s, Rng& rng) {
    cairo_t* cr = c.cr;
    const double x0 = c.w * rng.range(0.55, 0.85), y0 = shore + c.h * 0.03;
    const double x1 = x0 + c.w * rng.range(-0.12, 0.05), y1 = horizon + (shore - horizon) * rng.range(0.12, 0.25);
    const double w0 = c.w * 0.035, w1 = c.w * 0.006;
    const Rgb stone = mix(hex(0x4A4C50), s.haze, 0.3);
    cairo_move_to(cr, x0 - w0, y0);
    cairo_line_to(cr, x1 - w1, y1);
    cairo_line_to(cr, x1 + w1, y1);
    cairo_line_to(cr, x0 + w0, y0);
    cairo_close_path(cr);
    source_linear(cr, 0, y1, 0, y0, {{0, mix(stone, s.haze, 0.5)}, {1, lighten(stone, 0.12)}});
    cairo_fill(cr);
    cairo_move_to(cr, x0 - w0, y0);  // the side wall facing the beach, in shade
    cairo_line_to(cr, x1 - w1, y1);
    cairo_line_to(cr, x1 - w1, y1 + c.h * 0.004);
    cairo_line_to(cr, x0 - w0, y0 + c.h * 0.03);
    cairo_close_path(cr);
    set_rgb(cr, darken(stone, 0.3));
    cairo_fill(cr);
    set_rgb(cr, darken(stone, 0.5), 0.8);  // posts along the wall, closer together far away
    for (double t = 0.04; t < 1; t *= 1.35) {
        const double u = 1 - t, px = x0 - w0 + (x1 - w1 - x0 + w0) * u, py = y0 + (y1 - y0) * u;
        cairo_rectangle(cr, px - 1, py, 1 + 3 * t, c.h * 0.03 * t + 2);
    }
    cairo_fill(cr);
    const double lh = c.h * rng.range(0.07, 0.1), lw = lh * 0.16;
    const Rgb paint = rng.chance(0.5) ? hex(0xC83A2E) : hex(0xF2F0EA);
    cairo_move_to(cr, x1 - lw, y1);
    cairo_line_to(cr, x1 - lw * 0.7, y1 - lh);
    cairo_line_to(cr, x1 + lw * 0.7, y1 - lh);
    cairo_line_to(cr, x1 + lw, y1);
    cairo_close_path(cr);
    source_linear(cr, x1 - lw, 0, x1 + lw, 0, {{0, lighten(paint, 0.2)}, {0.6, paint}, {1, darken(paint, 0.35)}});
    cairo_fill(cr);
    cairo_rectangle(cr, x1 - lw * 0.9, y1 - lh - lw * 1.1, lw * 1.8, lw * 1.1);
    set_rgb(cr, darken(paint, 0.5));
    cairo_fill(cr);
    if (s.sun_visible) fill_oval(cr, {x1, y1 - lh - lw * 0.6, lw * 3, lw * 3}, hex(0xFFE8A0), 0.35);
}

// Enoshima on the horizon: a wooded hump and the thin Sea Candle tower.
void draw_island(const Canvas& c, double x, double horizon, double size, const SkyLook& s) {
    cairo_t* cr = c.cr;
    const Rgb col = mix(hex(0x2E463E), s.haze, 0.45);
    cairo_move_to(cr, x - size, horizon + 1);
    cairo_curve_to(cr, x - size * 0.7, horizon - size * 0.25, x - size * 0.3, horizon - size * 0.38, x, horizon - size * 0.36);
    cairo_curve_to(cr, x + size * 0.4, horizon - size * 0.34, x + size * 0.6, horizon - size * 0.2, x + size, horizon + 1);
    cairo_close_path(cr);
    set_rgb(cr, col);
    cairo_fill(cr);
    cairo_rectangle(cr, x + size * 0.05, horizon - size * 0.75, size * 0.035, size * 0.4);
    cairo_fill(cr);
    fill_oval(cr, {x + size * 0.068, horizon - size * 0.75, size * 0.07, size * 0.03}, col);
}

// Shonan's black pines: a leaning, tapering trunk and flat layered clumps of needles.
void draw_pine(cairo_t* cr, Pt base, double size, Rgb col, Rng& rng) {
    const double lean = rng.range(-0.35, 0.35), w0 = size * 0.035;
    const Pt top{base.x + lean * size, base.y - size};
    const Pt c1{base.x + lean * size * 0.1, base.y - size * 0.5}, c2{top.x - lean * size * 0.3, top.y + size * 0.3};
    const auto along = [&](double t) {  // the trunk's cubic Bézier at t
        const double u = 1 - t;
        return Pt{u * u * u * base.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * top.x,
                  u * u * u * base.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * top.y};
    };
    const Rgb bark = mix(darken(col, 0.4), hex(0x4A3A30), 0.5);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int i = 0; i < 12; ++i) {  // tapering: short strokes thinner toward the top
        const Pt a = along(i / 12.0), b = along((i + 1) / 12.0);
        set_rgb(cr, bark);
        cairo_set_line_width(cr, w0 * (1 - i / 14.0));
        cairo_move_to(cr, a.x, a.y);
        cairo_line_to(cr, b.x, b.y);
        cairo_stroke(cr);
    }
    std::vector<Pt> needles;
    for (int i = 0; i < 6; ++i) {
        const double t = rng.range(0.4, 1.0);
        const Pt on = along(t), at{on.x + rng.range(-0.3, 0.3) * size * (1.2 - t), on.y};
        cairo_set_line_width(cr, w0 * 0.4);
        cairo_move_to(cr, on.x, on.y);
        cairo_line_to(cr, at.x, at.y);
        cairo_stroke(cr);
        for (int k = 0; k < 26; ++k)
            needles.push_back({at.x + rng.range(-0.13, 0.13) * size, at.y + rng.range(-0.035, 0.025) * size});
    }
    draw_foliage(cr, needles, size * 0.028, col, rng);
}

void draw_round_tree(cairo_t* cr, Pt base, double size, Rgb col, Rng& rng) {
    set_rgb(cr, darken(col, 0.5));
    cairo_move_to(cr, base.x - size * 0.035, base.y);
    cairo_line_to(cr, base.x - size * 0.015, base.y - size * 0.55);
    cairo_line_to(cr, base.x + size * 0.015, base.y - size * 0.55);
    cairo_line_to(cr, base.x + size * 0.035, base.y);
    cairo_fill(cr);
    std::vector<Pt> crowns;
    for (int k = 0; k < 70; ++k) {
        const Pt p = in_disc(rng, {0, 0, 1});
        crowns.push_back({base.x + p.x * size * 0.32, base.y - size * 0.68 + p.y * size * 0.27});
    }
    draw_foliage(cr, crowns, size * 0.07, col, rng);
}

// A row of low town buildings: muted facades, window grids, flat roofs.
void draw_buildings(const Canvas& c, double base, double max_h, Rgb tone, Rng& rng) {
    cairo_t* cr = c.cr;
    for (double x = -rng.range(0, 60); x < c.w; ) {
        const double bw = c.w * rng.range(0.05, 0.13), bh = max_h * rng.range(0.35, 1.0);
        const Rgb col = vary(tone, rng, 0.15);
        cairo_rectangle(cr, x, base - bh, bw, bh);
        source_linear(cr, x, 0, x + bw, 0, {{0, lighten(col, 0.08)}, {1, darken(col, 0.12)}});
        cairo_fill(cr);
        const double ww = bw / 7, wh = ww * 0.9;
        for (double wy = base - bh + wh; wy < base - wh * 2; wy += wh * 2)
            for (double wx = x + ww; wx < x + bw - ww; wx += ww * 2) {
                set_rgb(cr, rng.chance(0.3) ? lighten(col, 0.5) : darken(col, 0.35), 0.7);
                cairo_rectangle(cr, wx, wy, ww, wh);
                cairo_fill(cr);
            }
        set_rgb(cr, darken(col, 0.3));
        cairo_rectangle(cr, x, base - bh, bw, 3);
        cairo_fill(cr);
        x += bw + rng.range(0, 8);
    }
}

// Fields and paddies in perspective: thin far bands, broad near ones, hedgerows between.
void draw_fields(const Canvas& c, double top, const SkyLook& s, Rng& rng) {
    constexpr std::array greens = {hex(0x6E9A42), hex(0x8AAE4E), hex(0x5A8A3E), hex(0xB8B060), hex(0x7A9A50)};
    for (double y = top; y < c.h;) {
        const double t = (y - top) / (c.h - top), band = c.h * (0.012 + 0.09 * t * t + 0.01 * t);
        const Rgb col = mix(vary(rng.pick(greens), rng, 0.08), s.haze, 0.45 * (1 - t));
        cairo_rectangle(c.cr, 0, y, c.w, band + 1);
        set_rgb(c.cr, col);
        cairo_fill(c.cr);
        set_rgb(c.cr, darken(col, 0.35), 0.5);
        cairo_rectangle(c.cr, 0, y, c.w, 1 + 2 * t);
        cairo_fill(c.cr);
        if (band > 12) {  // furrows or rows of crops, converging toward a vanishing point
            const double vx = c.w * 0.5, k = band / (c.h * 0.1);
            for (double x = -c.w; x < 2 * c.w; x += 14 / std::max(k, 0.3)) {
                cairo_move_to(c.cr, vx + (x - vx) * 0.92, y);
                cairo_line_to(c.cr, x, y + band);
            }
            set_rgb(c.cr, darken(col, 0.25), 0.18);
            cairo_set_line_width(c.cr, 1 + 2 * t);
            cairo_stroke(c.cr);
        }
        y += band;
    }
}

// A river winding toward the horizon between grassy banks, mirroring the sky.
void draw_river(const Canvas& c, double horizon, const SkyLook& s, Rng& rng) {
    cairo_t* cr = c.cr;
    const double fx = c.w * rng.range(0.35, 0.65), nx = c.w * rng.range(0.3, 0.7), nw = c.w * rng.range(0.3, 0.45);
    const double bend = c.w * (rng.chance(0.5) ? 1 : -1) * rng.range(0.15, 0.3);
    const auto bank = [&](double side) {
        const double far = fx + side * c.w * 0.02, near = nx + side * nw / 2;
        return std::array<Pt, 4>{{{far, horizon + 2}, {far + bend * 0.5, horizon + (c.h - horizon) * 0.3},
                                  {near - bend * 0.6, horizon + (c.h - horizon) * 0.6}, {near, c.h + 5}}};
    };
    const auto l = bank(-1), r = bank(1);
    cairo_move_to(cr, l[0].x, l[0].y);
    cairo_curve_to(cr, l[1].x, l[1].y, l[2].x, l[2].y, l[3].x, l[3].y);
    cairo_line_to(cr, r[3].x, r[3].y);
    cairo_curve_to(cr, r[2].x, r[2].y, r[1].x, r[1].y, r[0].x, r[0].y);
    cairo_close_path(cr);
    source_linear(cr, 0, horizon, 0, c.h, {{0, mix(s.horizon, s.sea, 0.2)}, {0.5, mix(s.mid, s.sea, 0.4)}, {1, mix(s.zenith, s.sea, 0.5)}});
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    for (int i = 0; i < 500; ++i) {
        const double t = std::pow(rng.unit(), 1.4), y = horizon + t * (c.h - horizon);
        rounded_rect(cr, rng.range(0, c.w), y, (8 + 120 * t) * rng.range(0.3, 1), 1 + 2 * t, 1);
    }
    set_rgb(cr, lighten(s.horizon, 0.3), 0.25);
    cairo_fill(cr);
    cairo_restore(cr);
    set_rgb(cr, hex(0x3A4A2A), 0.55);  // the dark reedy edge of each bank
    cairo_set_line_width(cr, 4);
    for (const auto& b : {l, r}) {
        cairo_move_to(cr, b[0].x, b[0].y);
        cairo_curve_to(cr, b[1].x, b[1].y, b[2].x, b[2].y, b[3].x, b[3].y);
        cairo_stroke(cr);
    }
}

void draw_bridge(const Canvas& c, double y, const SkyLook& s, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb col = mix(hex(0x5A5A5E), s.haze, 0.55);
    set_rgb(cr, col);
    cairo_rectangle(cr, 0, y, c.w, c.h * 0.012);
    cairo_fill(cr);
    const double span = c.w * rng.range(0.08, 0.14);
    for (double x = rng.range(0, span); x < c.w; x += span) {
        cairo_rectangle(cr, x - 3, y, 6, c.h * 0.03);
        cairo_fill(cr);
    }
    set_rgb(cr, darken(col, 0.2));
    cairo_set_line_width(cr, 1.5);
    cairo_move_to(cr, 0, y - c.h * 0.01);
    cairo_line_to(cr, c.w, y - c.h * 0.01);
    cairo_stroke(cr);
}

// Hiratsuka's Tanabata decorations: a paper-flower ball with long coloured streamers.
constexpr std::array<std::array<Rgb, 4>, 5> kStreamerPalettes{{
    {hex(0xE8487A), hex(0xF6C8D8), hex(0xF2D04A), hex(0xFFFFFF)},
    {hex(0x3A78C8), hex(0x9AD0F0), hex(0xF4F4F4), hex(0x6AB84A)},
    {hex(0xE8542A), hex(0xF8B030), hex(0xF8E070), hex(0xD83050)},
    {hex(0x8A4AB8), hex(0xE890C8), hex(0x4AB0C8), hex(0xF8F0F8)},
    {hex(0x2E9A5A), hex(0xF2D04A), hex(0xE84848), hex(0x3A68C0)},
}};

void draw_streamer(cairo_t* cr, Pt top, double ball, double length, Rng& rng) {
    const auto& pal = rng.pick(kStreamerPalettes);
    const int n = 46;
    const double sway = rng.range(-1, 1) * ball * 1.5;
    for (int i = 0; i < n; ++i) {
        const double x = top.x + (i / (n - 1.0) - 0.5) * ball * 1.9, len = length * rng.range(0.75, 1.0);
        const double y = top.y + ball * 0.6, s2 = sway * rng.range(0.7, 1.3);
        const Rgb col = pal[static_cast<std::size_t>(rng.below(4))];
        cairo_move_to(cr, x, y);
        cairo_curve_to(cr, x + s2 * 0.2, y + len * 0.3, x + s2 * 0.8, y + len * 0.7, x + s2, y + len);
        set_rgb(cr, vary(col, rng, 0.08), 0.95);
        cairo_set_line_width(cr, ball * 1.9 / n * 1.7);
        cairo_stroke(cr);
    }
    // The ball of paper flowers: a shaded sphere under a crinkled texture of petals.
    shade_oval(cr, {top.x, top.y, ball, ball}, {{0, lighten(pal[0], 0.4)}, {0.7, pal[0]}, {1, darken(pal[0], 0.35)}}, -0.35, -0.4);
    std::vector<Pt> petals;
    for (int i = 0; i < 160; ++i) petals.push_back(in_disc(rng, {top.x, top.y, ball * 0.95}));
    draw_foliage(cr, petals, ball * 0.08, pal[0], rng);
}

void draw_tanabata(const Canvas& c, const SkyLook& s, Rng& rng) {
    draw_sky(c, c.h * 0.7, s, c.w * rng.range(0.2, 0.8), rng);
    draw_buildings(c, c.h * 0.98, c.h * 0.55, mix(hex(0xB8AC9C), s.haze, 0.3), rng);
    cairo_rectangle(c.cr, 0, c.h * 0.96, c.w, c.h * 0.04);
    set_rgb(c.cr, hex(0x6A6460));
    cairo_fill(c.cr);
    for (int i = 0; i < 6; ++i)
        draw_streamer(c.cr, {c.w * (i + rng.range(0.2, 0.8)) / 6, c.h * 0.12}, c.h * 0.045, c.h * 0.5, rng);
    blur_surface(c.surface, static_cast<int>(c.h / 200), 2);  // depth: the far decorations soften
    for (int i = 0; i < 3; ++i)
        draw_streamer(c.cr, {c.w * (i + rng.range(0.2, 0.8)) / 3, c.h * 0.05}, c.h * 0.08, c.h * 0.85, rng);
    blur_surface(c.surface, 1, 1);
    draw_streamer(c.cr, {c.w * rng.range(0.05, 0.95), -c.h * 0.05}, c.h * 0.14, c.h * 1.1, rng);
}

// Distant land at the horizon (Hakone, Izu, Oiso): the far-off ridge Fuji rises behind.
void draw_far_land(const Canvas& c, double horizon, const SkyLook& s, Rng& rng, bool fuji) {
    if (fuji) draw_fuji(c, c.w * rng.range(0.15, 0.55), horizon, c.h * rng.range(0.11, 0.16), s, rng);
    const Rgb far = mix(hex(0x50648A), s.haze, 0.6);
    draw_ridge(c, horizon + 2, c.h * rng.range(0.03, 0.06), far, mix(far, s.horizon, 0.3), 0.3, rng);
}

void draw_coast(const Canvas& c, const SkyLook& s, Rng& rng, bool pier) {
    const double horizon = c.h * rng.range(0.42, 0.55), shore = c.h * rng.range(0.72, 0.82);
    const double sun_x = c.w * rng.range(0.25, 0.8);
    draw_sky(c, horizon, s, sun_x, rng);
    draw_far_land(c, horizon, s, rng, rng.chance(0.65));
    cairo_save(c.cr);
    cairo_rectangle(c.cr, 0, horizon + 2, c.w, c.h);
    cairo_clip(c.cr);
    draw_sea(c, horizon, shore, s, sun_x, rng);
    cairo_restore(c.cr);
    if (rng.chance(0.5)) draw_island(c, c.w * rng.range(0.6, 0.9), horizon + 1, c.h * 0.09, s);
    draw_beach(c, shore, s, rng);
    if (pier || rng.chance(0.35)) draw_pier(c, horizon, shore, s, rng);
    if (rng.chance(0.55)) {
        const bool left = rng.chance(0.5);
        const Rgb pine = mix(hex(0x1E3A26), s.zenith, 0.2);
        for (int i = 0; i < 3; ++i)
            draw_pine(c.cr, {left ? c.w * (0.02 + 0.1 * i) : c.w * (0.98 - 0.1 * i), c.h * rng.range(0.95, 1.05)},
                      c.h * rng.range(0.55, 0.8), pine, rng);
    }
}

// Koma-yama and Shonan-daira: layered green ridges over farmland, Fuji behind on clear days.
void draw_hills(const Canvas& c, const SkyLook& s, Rng& rng) {
    const double horizon = c.h * rng.range(0.5, 0.58);
    draw_sky(c, horizon, s, c.w * rng.range(0.2, 0.8), rng);
    draw_far_land(c, horizon, s, rng, rng.chance(0.6));
    const Rgb green = hex(0x3E6A3A);
    draw_ridge(c, horizon + c.h * 0.06, c.h * 0.16, mix(green, s.haze, 0.55), mix(green, s.haze, 0.4), 1, rng);
    draw_ridge(c, horizon + c.h * 0.14, c.h * 0.14, mix(green, s.haze, 0.25), mix(green, s.haze, 0.15), 1.5, rng);
    const double fields = horizon + c.h * 0.16;
    draw_fields(c, fields, s, rng);
    if (rng.chance(0.5)) draw_buildings(c, fields + c.h * 0.03, c.h * 0.05, mix(hex(0xC8C0B4), s.haze, 0.4), rng);
    for (int i = 0, n = 2 + rng.below(4); i < n; ++i) {
        const double y = fields + c.h * rng.range(0.1, 0.4);
        draw_round_tree(c.cr, {c.w * rng.range(0, 1), y}, c.h * (0.1 + 0.5 * (y - fields) / c.h),
                        mix(hex(0x2E5A2A), s.haze, 0.2), rng);
    }
}

void draw_river_scene(const Canvas& c, const SkyLook& s, Rng& rng) {
    const double horizon = c.h * rng.range(0.45, 0.55);
    draw_sky(c, horizon, s, c.w * rng.range(0.2, 0.8), rng);
    draw_far_land(c, horizon, s, rng, rng.chance(0.6));
    draw_fields(c, horizon + 2, s, rng);
    draw_river(c, horizon, s, rng);
    if (rng.chance(0.5)) draw_bridge(c, horizon + (c.h - horizon) * rng.range(0.08, 0.2), s, rng);
    for (int i = 0, n = 3 + rng.below(4); i < n; ++i) {
        const double t = rng.range(0.05, 0.5), y = horizon + t * (c.h - horizon);
        draw_round_tree(c.cr, {c.w * (rng.chance(0.5) ? rng.range(0, 0.2) : rng.range(0.8, 1)), y},
                        c.h * (0.05 + 0.5 * t), mix(hex(0x2E5A2A), s.haze, 0.3 * (1 - t)), rng);
    }
}

enum class Scape { coast, pier, hills, river, tanabata };

// Section openers get a fitting view; spot photos vary freely.
std::pair<Scape, std::size_t> pick_scape(std::string_view name, Rng& rng) {
    struct Fixed {
        std::string_view key;
        Scape scape;
        std::size_t sky;
    };
    constexpr std::array fixed = {Fixed{"cover", Scape::coast, 0},   Fixed{"fish", Scape::pier, 1},
                                  Fixed{"sakaba", Scape::coast, 3},  Fixed{"timetheme", Scape::river, 2},
                                  Fixed{"spots", Scape::hills, 0},   Fixed{"bellmare", Scape::hills, 1},
                                  Fixed{"products", Scape::river, 0}, Fixed{"gourmet", Scape::coast, 2},
                                  Fixed{"takeout", Scape::tanabata, 0}};
    if (name.starts_with("opener-"))
        for (const Fixed& f : fixed)
            if (name.find(f.key) != std::string_view::npos) return {f.scape, f.sky};
    constexpr std::array scapes = {Scape::coast, Scape::coast, Scape::pier, Scape::hills,
                                   Scape::hills, Scape::river, Scape::tanabata};
    const Scape s = rng.pick(scapes);
    constexpr std::array skies = {0, 0, 0, 1, 1, 2, 2, 3};
    return {s, s == Scape::tanabata ? static_cast<std::size_t>(rng.below(2)) : static_cast<std::size_t>(rng.pick(skies))};
}

Grade draw_landscape(const Canvas& c, std::string_view name, Rng& rng) {
    const auto [scape, sky_index] = pick_scape(name, rng);
    const SkyLook& sky = kSkies[sky_index];
    switch (scape) {
        case Scape::coast: draw_coast(c, sky, rng, false); break;
        case Scape::pier: draw_coast(c, sky, rng, true); break;
        case Scape::hills: draw_hills(c, sky, rng); break;
        case Scape::river: draw_river_scene(c, sky, rng); break;
        case Scape::tanabata: draw_tanabata(c, sky, rng); break;
    }
    Grade g;
    g.vignette = 0.3;
    return g;
}

// ------------------------------------------------------------------------------------ still lifes

constexpr std::array kBackdrops = {hex(0xEFE6D6), hex(0xCBD3C0), hex(0xC6D1D8), hex(0xEAD6CA), hex(0xD8D0C6)};

// Wooden table top seen at a low angle: boards converging toward a vanishing point.
void draw_table_perspective(const Canvas& c, double ground, Rgb wood, Rng& rng) {
    cairo_t* cr = c.cr;
    cairo_rectangle(cr, 0, ground, c.w, c.h - ground);
    source_linear(cr, 0, ground, 0, c.h, {{0, darken(wood, 0.2)}, {1, lighten(wood, 0.08)}});
    cairo_fill(cr);
    const double vx = c.w * rng.range(0.4, 0.6), k = 0.45;
    for (int i = 0; i < 60; ++i) {
        const double xb = rng.range(-0.6, 1.6) * c.w;
        cairo_move_to(cr, vx + (xb - vx) * k, ground);
        cairo_line_to(cr, xb, c.h);
        set_rgb(cr, rng.chance(0.8) ? darken(wood, 0.4) : lighten(wood, 0.3), rng.range(0.08, 0.3));
        cairo_set_line_width(cr, rng.range(0.8, 3));
        cairo_stroke(cr);
    }
    set_rgb(cr, lighten(wood, 0.35), 0.5);  // the table's far edge catches the light
    cairo_rectangle(cr, 0, ground - 2, c.w, 3);
    cairo_fill(cr);
}

// Wall and table for a still life; returns the y where they meet.
double draw_backdrop(const Canvas& c, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb wall = rng.pick(kBackdrops);
    const double ground = c.h * rng.range(0.55, 0.65);
    source_linear(cr, 0, 0, 0, ground, {{0, darken(wall, 0.12)}, {1, lighten(wall, 0.05)}});
    cairo_paint(cr);
    const double lx = c.w * rng.range(0.25, 0.75);
    source_radial(cr, lx, ground * 0.6, lx, ground * 0.6, c.w * 0.55, {{0, kWhite, 0.35}, {1, kWhite, 0}});
    cairo_paint(cr);
    if (rng.chance(0.55)) {
        draw_table_perspective(c, ground, rng.pick(std::array{hex(0xB88A5A), hex(0x8A5A36), hex(0xD9BC92)}), rng);
    } else {
        const Rgb cloth = mix(wall, kWhite, 0.35);
        cairo_rectangle(cr, 0, ground, c.w, c.h - ground);
        source_linear(cr, 0, ground, 0, c.h, {{0, darken(cloth, 0.12)}, {0.3, cloth}, {1, darken(cloth, 0.05)}});
        cairo_fill(cr);
    }
    return ground;
}

void contact_shadow(const Canvas& c, Pt bottom, double half_w, double strength = 0.6) {
    soft_shadow(c, strength, half_w * 0.35, {half_w * 0.2, 0}, [&](cairo_t* t) {
        oval_path(t, {bottom.x, bottom.y - half_w * 0.05, half_w * 0.95, half_w * 0.16});
    });
}

struct FruitLook {
    Rgb body;
    double squash;
    int skin;  // 0 citrus pores, 1 tomato calyx, 2 pear speckles
};
constexpr std::array kFruits = {FruitLook{hex(0xF08A1C), 0.86, 0}, FruitLook{hex(0xF2CC2A), 0.82, 0},
                                FruitLook{hex(0xD8321E), 0.84, 1}, FruitLook{hex(0xD0A65A), 0.93, 2},
                                FruitLook{hex(0xE9B628), 0.9, 0}};

void draw_fruit(const Canvas& c, Pt bottom, double r, const FruitLook& f, Rng& rng) {
    cairo_t* cr = c.cr;
    const Oval body{bottom.x, bottom.y - r * f.squash, r, r * f.squash};
    contact_shadow(c, bottom, r);
    shade_oval(cr, body, {{0, lighten(f.body, 0.5)}, {0.3, f.body}, {0.85, darken(f.body, 0.3)}, {1, darken(f.body, 0.5)}}, -0.4, -0.45);
    cairo_save(cr);
    oval_path(cr, body);
    cairo_clip(cr);
    const int dots = f.skin == 1 ? 0 : 500;
    for (int i = 0; i < dots; ++i) {
        const Pt p = in_disc(rng, {body.x, body.y, r});
        fill_oval(cr, {p.x, p.y, 1.3, 1.3}, f.skin == 2 ? lighten(f.body, 0.5) : darken(f.body, 0.35), 0.25);
    }
    cairo_restore(cr);
    fill_oval(cr, {body.x - r * 0.38, body.y - body.ry * 0.45, r * 0.17, r * 0.1, -0.5}, kWhite, 0.65);
    const Pt top{body.x + r * 0.05, body.y - body.ry * 0.92};
    if (f.skin == 1) {
        for (int i = 0; i < 5; ++i)
            draw_leaf(cr, top, r * 0.32, r * 0.07, -kPi / 2 + kTau * i / 5 + 0.3, hex(0x3E7A2E));
    } else if (rng.chance(0.6)) {
        draw_leaf(cr, top, r * 0.7, r * 0.22, rng.range(-2.8, -2.2), hex(0x3A6E2A));
    }
    fill_oval(cr, {top.x, top.y, r * 0.05, r * 0.05}, f.skin == 1 ? hex(0x4A6A2A) : hex(0x5A4A2A), 1.0);
}

// A halved citrus facing the camera: peel, pith, juicy segments.
void draw_citrus_half(const Canvas& c, Pt bottom, double r, Rgb peel) {
    cairo_t* cr = c.cr;
    const Oval face{bottom.x, bottom.y - r * 0.95, r, r * 0.95};
    contact_shadow(c, bottom, r);
    shade_oval(cr, face, {{0, lighten(peel, 0.2)}, {1, darken(peel, 0.25)}});
    fill_oval(cr, {face.x, face.y, r * 0.9, r * 0.86}, hex(0xFBF3DA));
    const Rgb flesh = lighten(peel, 0.2);
    for (int i = 0; i < 10; ++i) {
        const double a0 = kTau * i / 10 + 0.05, a1 = kTau * (i + 1) / 10 - 0.05;
        cairo_move_to(cr, face.x, face.y);
        cairo_arc(cr, face.x, face.y, r * 0.8, a0, a1);
        cairo_close_path(cr);
        source_radial(cr, face.x, face.y, face.x, face.y, r * 0.8, {{0.1, lighten(flesh, 0.3)}, {1, flesh}});
        cairo_fill(cr);
    }
    fill_oval(cr, {face.x, face.y, r * 0.08, r * 0.08}, hex(0xFBF3DA));
    fill_oval(cr, {face.x - r * 0.3, face.y - r * 0.3, r * 0.2, r * 0.1, -0.6}, kWhite, 0.4);
}

void draw_fruit_group(const Canvas& c, double base, Rng& rng) {
    const FruitLook& f = rng.pick(kFruits);
    const double r = c.h * rng.range(0.13, 0.16), cx = c.w * rng.range(0.42, 0.58);
    const int back = 2 + rng.below(2);
    for (int i = 0; i < back; ++i)
        draw_fruit(c, {cx + (i - (back - 1) / 2.0) * r * 1.9 + rng.range(-0.1, 0.1) * r, base - r * 0.45}, r * 0.97, f, rng);
    const bool half = f.skin == 0 && rng.chance(0.6);
    draw_fruit(c, {cx - r * 1.0, base + r * 0.25}, r, f, rng);
    if (half)
        draw_citrus_half(c, {cx + r * 1.1, base + r * 0.3}, r, f.body);
    else
        draw_fruit(c, {cx + r * 1.05, base + r * 0.3}, r * 1.02, f, rng);
}

// An isshobin of local sake: dark glass, a paper label with brush strokes and a red seal.
void bottle_path(cairo_t* cr, Pt b, double H) {
    const double bw = H * 0.15, nw = H * 0.05;
    cairo_move_to(cr, b.x - bw, b.y - bw * 0.2);
    cairo_line_to(cr, b.x - bw, b.y - 0.58 * H);
    cairo_curve_to(cr, b.x - bw, b.y - 0.7 * H, b.x - nw, b.y - 0.7 * H, b.x - nw, b.y - 0.8 * H);
    cairo_line_to(cr, b.x - nw, b.y - 0.97 * H);
    cairo_line_to(cr, b.x + nw, b.y - 0.97 * H);
    cairo_line_to(cr, b.x + nw, b.y - 0.8 * H);
    cairo_curve_to(cr, b.x + nw, b.y - 0.7 * H, b.x + bw, b.y - 0.7 * H, b.x + bw, b.y - 0.58 * H);
    cairo_line_to(cr, b.x + bw, b.y - bw * 0.2);
    cairo_curve_to(cr, b.x + bw, b.y, b.x + bw * 0.8, b.y, b.x, b.y);
    cairo_curve_to(cr, b.x - bw * 0.8, b.y, b.x - bw, b.y, b.x - bw, b.y - bw * 0.2);
    cairo_close_path(cr);
}

void draw_brush_label(cairo_t* cr, double x, double y, double w, double h, Rng& rng) {
    rounded_rect(cr, x, y, w, h, 2);
    set_rgb(cr, hex(0xF4EEDC));
    cairo_fill(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    set_rgb(cr, hex(0x1A1614), 0.9);
    for (int i = 0; i < 3; ++i) {  // three fat vertical brush strokes read as a bold sake name
        const double sx = x + w * (0.5 + rng.range(-0.12, 0.12)), sy = y + h * (0.12 + i * 0.27);
        cairo_set_line_width(cr, w * rng.range(0.1, 0.18));
        cairo_move_to(cr, sx - w * rng.range(0.1, 0.2), sy);
        cairo_curve_to(cr, sx, sy + h * 0.05, sx + w * 0.1, sy + h * 0.1, sx + rng.range(-0.1, 0.1) * w, sy + h * 0.2);
        cairo_stroke(cr);
    }
    cairo_rectangle(cr, x + w * 0.12, y + h * 0.78, w * 0.16, w * 0.16);
    set_rgb(cr, hex(0xC02A22));
    cairo_fill(cr);
}

void draw_sake_bottle(const Canvas& c, Pt b, double H, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb glass = rng.pick(std::array{hex(0x1E4A2E), hex(0x5A2E12), hex(0x1E2E5A)});
    const double bw = H * 0.15;
    contact_shadow(c, b, bw * 1.3, 0.7);
    bottle_path(cr, b, H);
    source_linear(cr, b.x - bw, 0, b.x + bw, 0, {{0, darken(glass, 0.6)}, {0.25, glass}, {0.45, lighten(glass, 0.15)}, {0.8, darken(glass, 0.3)}, {1, darken(glass, 0.7)}});
    cairo_fill(cr);
    for (const auto& [off, a, wid] : {std::tuple{-0.6, 0.6, 0.1}, std::tuple{0.55, 0.22, 0.08}}) {
        rounded_rect(cr, b.x + off * bw, b.y - 0.62 * H, bw * wid, 0.55 * H, bw * 0.05);
        set_rgb(cr, kWhite, a);
        cairo_fill(cr);
    }
    cairo_rectangle(cr, b.x - H * 0.055, b.y - H, H * 0.11, H * 0.06);
    source_linear(cr, b.x - H * 0.06, 0, b.x + H * 0.06, 0, {{0, hex(0x8A6A2A)}, {0.4, hex(0xF0D080)}, {1, hex(0x6A4A1A)}});
    cairo_fill(cr);
    draw_brush_label(cr, b.x - bw * 0.75, b.y - 0.52 * H, bw * 1.5, 0.36 * H, rng);
}

void draw_choko(const Canvas& c, Pt b, double r) {
    cairo_t* cr = c.cr;
    contact_shadow(c, b, r);
    cairo_move_to(cr, b.x - r, b.y - r * 0.9);
    cairo_curve_to(cr, b.x - r, b.y - r * 0.2, b.x - r * 0.6, b.y, b.x, b.y);
    cairo_curve_to(cr, b.x + r * 0.6, b.y, b.x + r, b.y - r * 0.2, b.x + r, b.y - r * 0.9);
    cairo_close_path(cr);
    source_linear(cr, b.x - r, 0, b.x + r, 0, {{0, hex(0xE8E4DA)}, {0.35, kWhite}, {1, hex(0xA8A498)}});
    cairo_fill(cr);
    fill_oval(cr, {b.x, b.y - r * 0.9, r, r * 0.3}, hex(0xF2F0EA));
    set_rgb(cr, hex(0x2A4A9A));
    cairo_set_line_width(cr, r * 0.05);
    for (const double k : {0.6, 0.3}) {
        oval_path(cr, {b.x, b.y - r * 0.88, r * k, r * 0.3 * k});
        cairo_stroke(cr);
    }
}

// A gift box in three-quarter view, wrapped, with a white noshi band and mizuhiki cord.
void draw_package(const Canvas& c, Pt b, double w, double h, double d, Rng& rng) {
    cairo_t* cr = c.cr;
    const Rgb paper = rng.pick(std::array{hex(0x8E2A2A), hex(0x2E4A6E), hex(0x3E6A4A), hex(0xD8B070), hex(0xE8D8C8)});
    const double x0 = b.x - w / 2, y0 = b.y - h, dx = d * 0.55, dy = d * 0.5;
    contact_shadow(c, {b.x + dx * 0.5, b.y}, w * 0.7, 0.6);
    const std::array<std::array<Pt, 4>, 3> faces{{{{{x0, y0}, {x0 + w, y0}, {x0 + w + dx, y0 - dy}, {x0 + dx, y0 - dy}}},
                                                  {{{x0, y0}, {x0 + w, y0}, {x0 + w, b.y}, {x0, b.y}}},
                                                  {{{x0 + w, y0}, {x0 + w + dx, y0 - dy}, {x0 + w + dx, b.y - dy}, {x0 + w, b.y}}}}};
    const std::array<double, 3> light{0.25, 0.0, -0.3};
    for (std::size_t f = 0; f < 3; ++f) {
        cairo_move_to(cr, faces[f][0].x, faces[f][0].y);
        for (std::size_t k = 1; k < 4; ++k) cairo_line_to(cr, faces[f][k].x, faces[f][k].y);
        cairo_close_path(cr);
        set_rgb(cr, light[f] > 0 ? lighten(paper, light[f]) : darken(paper, -light[f]));
        cairo_fill_preserve(cr);
        cairo_save(cr);
        cairo_clip(cr);
        set_rgb(cr, kWhite, 0.12);  // a small printed pattern of dots
        for (int i = 0; i < 120; ++i) disc_path(cr, {rng.range(x0, x0 + w + dx), rng.range(y0 - dy, b.y), w * 0.012});
        cairo_fill(cr);
        cairo_restore(cr);
    }
    const double bx = x0 + w * 0.4, bwid = w * 0.2;
    cairo_move_to(cr, bx, b.y);
    cairo_line_to(cr, bx, y0);
    cairo_line_to(cr, bx + dx, y0 - dy);
    cairo_line_to(cr, bx + dx + bwid, y0 - dy);
    cairo_line_to(cr, bx + bwid, y0);
    cairo_line_to(cr, bx + bwid, b.y);
    cairo_close_path(cr);
    set_rgb(cr, hex(0xF6F2E8));
    cairo_fill(cr);
    set_rgb(cr, hex(0xC8302A));
    cairo_set_line_width(cr, 2.5);
    for (int i = 0; i < 3; ++i) {
        cairo_move_to(cr, bx - w * 0.05, y0 + h * (0.3 + i * 0.03));
        cairo_curve_to(cr, bx + bwid * 0.3, y0 + h * 0.15, bx + bwid * 0.7, y0 + h * 0.45, bx + bwid + w * 0.05, y0 + h * (0.3 + i * 0.03));
        cairo_stroke(cr);
        set_rgb(cr, hex(0xD8B050));
    }
}

void draw_jar(const Canvas& c, Pt b, double w, double h, Rgb content, Rng& rng) {
    cairo_t* cr = c.cr;
    const double x0 = b.x - w / 2, y0 = b.y - h;
    contact_shadow(c, b, w * 0.6);
    rounded_rect(cr, x0, y0, w, h, w * 0.12);
    set_rgb(cr, hex(0xE8EEF0), 0.5);
    cairo_fill(cr);
    rounded_rect(cr, x0 + 3, y0 + h * 0.14, w - 6, h * 0.86 - 3, w * 0.1);
    source_linear(cr, x0, 0, x0 + w, 0, {{0, darken(content, 0.35)}, {0.4, lighten(content, 0.15)}, {1, darken(content, 0.45)}});
    cairo_fill(cr);
    rounded_rect(cr, x0 + w * 0.12, y0 + h * 0.1, w * 0.08, h * 0.8, w * 0.04);
    set_rgb(cr, kWhite, 0.45);
    cairo_fill(cr);
    cairo_rectangle(cr, x0 - w * 0.03, y0 - h * 0.12, w * 1.06, h * 0.14);
    source_linear(cr, x0, 0, x0 + w, 0, {{0, hex(0x8A6A2A)}, {0.35, hex(0xF2DA90)}, {1, hex(0x6A4A1A)}});
    cairo_fill(cr);
    rounded_rect(cr, x0 + w * 0.15, y0 + h * 0.38, w * 0.7, h * 0.36, 3);
    set_rgb(cr, hex(0xC9A478));
    cairo_fill(cr);
    set_rgb(cr, hex(0x3A2A1A), 0.8);
    cairo_set_line_width(cr, 2);
    for (int i = 0; i < 3; ++i) {
        const double ly = y0 + h * (0.47 + i * 0.08), lw = w * (i == 0 ? 0.5 : rng.range(0.25, 0.45));
        cairo_move_to(cr, b.x - lw / 2, ly);
        cairo_line_to(cr, b.x + lw / 2, ly);
        cairo_stroke(cr);
    }
}

Grade draw_product_scene(const Canvas& c, Rng& rng) {
    const double ground = draw_backdrop(c, rng);
    blur_surface(c.surface, static_cast<int>(c.h / 120), 2);  // the background sits out of focus
    const double base = ground + c.h * rng.range(0.16, 0.22), cx = c.w * rng.range(0.4, 0.6);
    switch (rng.below(4)) {
        case 0: draw_fruit_group(c, base, rng); break;
        case 1:
            draw_sake_bottle(c, {cx - c.h * 0.08, base - c.h * 0.04}, c.h * rng.range(0.68, 0.76), rng);
            draw_choko(c, {cx + c.h * 0.2, base + c.h * 0.06}, c.h * 0.11);
            break;
        case 2:
            draw_package(c, {cx - c.h * 0.14, base - c.h * 0.03}, c.h * 0.6, c.h * 0.26, c.h * 0.34, rng);
            draw_package(c, {cx + c.h * 0.3, base + c.h * 0.09}, c.h * 0.36, c.h * 0.16, c.h * 0.22, rng);
            break;
        default: {
            const std::array contents{hex(0xE07A1A), hex(0xB0201E), hex(0xD89A2A), hex(0x6A2A3A)};
            for (int i = 0; i < 3; ++i)
                draw_jar(c, {cx + (i - 1) * c.h * 0.3, base + (i == 1 ? c.h * 0.07 : 0)}, c.h * 0.23,
                         c.h * rng.range(0.28, 0.38), rng.pick(contents), rng);
        }
    }
    Grade g;
    g.vignette = 0.3;
    return g;
}

// Anything unrecognised: a warm gradient with out-of-focus highlights (bokeh).
Grade draw_abstract(const Canvas& c, Rng& rng) {
    const Rgb a = vary(hex(0xE8B27A), rng, 0.15), b = vary(hex(0x8A4A3A), rng, 0.15);
    source_linear(c.cr, 0, 0, c.w, c.h, {{0, lighten(a, 0.2)}, {0.6, a}, {1, b}});
    cairo_paint(c.cr);
    for (int i = 0; i < 40; ++i) {
        const double r = c.h * rng.range(0.03, 0.16);
        const Rgb col = mix(kWhite, a, rng.range(0, 0.6));
        shade_oval(c.cr, {rng.range(0, c.w), rng.range(0, c.h), r, r}, {{0, col, 0.25}, {0.85, col, 0.3}, {1, col, 0}});
    }
    Grade g;
    g.vignette = 0.4;
    return g;
}

// ------------------------------------------------------------------------------------ rendering

Motif motif_for(std::string_view name) {
    constexpr std::array<std::pair<std::string_view, Motif>, 9> prefixes{{
        {"gourmet-", Motif::gourmet}, {"fish-", Motif::fish}, {"takeout-", Motif::takeout},
        {"sakaba-", Motif::sakaba}, {"timetheme-", Motif::timetheme}, {"product-", Motif::product},
        {"spot-", Motif::landscape}, {"opener-", Motif::landscape}, {"", Motif::abstract},
    }};
    for (const auto& [prefix, motif] : prefixes)
        if (name.starts_with(prefix)) return motif;
    return Motif::abstract;
}

// Applies the grade, then light film grain on luminance and lifted blacks: printed photographs
// never have pure digital flats, and the grain keeps gradients from banding in the JPEG.
std::vector<unsigned char> to_rgb(cairo_surface_t* s, const Grade& g, Rng& rng) {
    const PixelView v = pixels(s);
    const GradeAxis ax = grade_axis(v.w, g.light.x, g.pool.x, g), ay = grade_axis(v.h, g.light.y, g.pool.y, g);
    const std::array<double, 3> tint{g.tint.r, g.tint.g, g.tint.b};
    std::vector<unsigned char> out(static_cast<std::size_t>(v.w) * static_cast<std::size_t>(v.h) * 3);
    std::size_t o = 0;
    std::uint64_t bits = 0;
    for (int y = 0; y < v.h; ++y) {
        const auto yi = static_cast<std::size_t>(y);
        for (int x = 0; x < v.w; ++x) {
            const auto xi = static_cast<std::size_t>(x);
            const double gain = ax.gain[xi] * ay.gain[yi] * (1 + g.pool_gain * ax.pool[xi] * ay.pool[yi]);
            const std::uint32_t p = v.px[y * v.stride + x];
            if (x % 4 == 0) bits = rng.next();  // 16 bits of noise per pixel
            const int noise = (static_cast<int>(bits & 255u) + static_cast<int>((bits >> 8) & 255u) - 255) / 32;
            bits >>= 16;
            for (std::size_t k = 0; k < 3; ++k) {
                const double c = ((p >> (16 - 8 * k)) & 255u) * gain * tint[k];
                out[o++] = static_cast<unsigned char>(std::clamp(10 + static_cast<int>(c * (238.0 / 255)) + noise, 0, 255));
            }
        }
    }
    return out;
}

std::vector<unsigned char> render_rgb(std::string_view name, int w, int h) {
    const SurfaceHandle surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
    const CairoHandle cr{cairo_create(surface.get())};
    const Canvas c{cr.get(), surface.get(), static_cast<double>(w), static_cast<double>(h)};
    Rng rng{fnv1a(name)};
    Grade grade;
    switch (const Motif m = motif_for(name)) {
        case Motif::product: grade = draw_product_scene(c, rng); break;
        case Motif::landscape: grade = draw_landscape(c, name, rng); break;
        case Motif::abstract: grade = draw_abstract(c, rng); break;
        default: grade = draw_food_scene(c, m, rng); break;
    }
    blur_surface(surface.get(), 1, 1);  // everything slightly soft, like a real lens at f/2.8
    return to_rgb(surface.get(), grade, rng);
}

// libjpeg reports fatal errors through error_exit, which must not return; the default one
// prints and exits too, but without saying which program failed.
[[noreturn]] void on_jpeg_error(j_common_ptr cinfo) {
    char msg[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, msg);
    std::cerr << "photogen: libjpeg: " << msg << '\n';
    std::exit(1);
}

struct JpegCompressor {
    jpeg_compress_struct info{};
    jpeg_error_mgr err{};
    JpegCompressor() {
        info.err = jpeg_std_error(&err);
        err.error_exit = on_jpeg_error;
        jpeg_create_compress(&info);
    }
    ~JpegCompressor() { jpeg_destroy_compress(&info); }
    JpegCompressor(const JpegCompressor&) = delete;
    JpegCompressor& operator=(const JpegCompressor&) = delete;
};

std::string encode_jpeg(std::vector<unsigned char>& rgb, int w, int h) {
    JpegCompressor jc;
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&jc.info, &buffer, &size);
    jc.info.image_width = static_cast<JDIMENSION>(w);
    jc.info.image_height = static_cast<JDIMENSION>(h);
    jc.info.input_components = 3;
    jc.info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&jc.info);
    jpeg_set_quality(&jc.info, 82, TRUE);
    jc.info.optimize_coding = TRUE;
    jc.info.density_unit = 1;  // 300 dpi: what a print layout expects of a photo
    jc.info.X_density = 300;
    jc.info.Y_density = 300;
    jpeg_start_compress(&jc.info, TRUE);
    while (jc.info.next_scanline < jc.info.image_height) {
        JSAMPROW row = rgb.data() + static_cast<std::size_t>(jc.info.next_scanline) * static_cast<std::size_t>(w) * 3;
        jpeg_write_scanlines(&jc.info, &row, 1);
    }
    jpeg_finish_compress(&jc.info);
    const MallocBytes owned{buffer};
    return {reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(size)};
}

// ------------------------------------------------------------------------------------ files

std::vector<fs::path> xml_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());  // directory order differs between file systems
    return out;
}

void collect_photos(const xmlNode* node, std::vector<std::string>& out) {
    for (const xmlNode* n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>("photo"))) {
            const XmlStringHandle src{xmlGetProp(n, reinterpret_cast<const xmlChar*>("src"))};
            if (src) out.emplace_back(reinterpret_cast<const char*>(src.get()));
        }
        collect_photos(n->children, out);
    }
}

// Every photo src in the content's XML files, sorted and without duplicates; false on a parse error.
bool photo_sources(const fs::path& dir, std::vector<std::string>& out) {
    std::vector<fs::path> files = xml_files(dir);
    const std::vector<fs::path> shops = xml_files(dir / "shops");
    files.insert(files.end(), shops.begin(), shops.end());
    for (const fs::path& f : files) {
        const XmlDocHandle doc{xmlReadFile(f.c_str(), nullptr, XML_PARSE_NONET)};
        if (!doc) {
            std::cerr << "photogen: cannot parse " << f.string() << '\n';
            return false;
        }
        collect_photos(xmlDocGetRootElement(doc.get()), out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return true;
}

// Content may only name files inside its own folder.
bool acceptable_src(const std::string& src) {
    return !src.empty() && !fs::path(src).is_absolute() && src.front() != '/' &&
           src.find("..") == std::string::npos;
}

// Written under a temporary name and renamed, so an interrupted run never leaves a truncated
// JPEG that a later run would take as finished. Returns an error message, empty on success.
std::string write_photo(const fs::path& target) {
    const std::string name = target.filename().string();
    const bool opener = name.starts_with("opener-");
    const int w = opener ? 1600 : 1200, h = opener ? 1100 : 800;
    std::vector<unsigned char> rgb = render_rgb(name, w, h);
    const std::string jpeg = encode_jpeg(rgb, w, h);
    fs::path tmp = target;
    tmp += ".photogen-tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(jpeg.data(), static_cast<std::streamsize>(jpeg.size()));
        out.close();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return "cannot write " + tmp.string();
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    return ec ? "cannot rename " + tmp.string() + ": " + ec.message() : "";
}

struct Job {
    fs::path target;
    std::string error;
};

// Pictures are independent (each depends only on its name), so workers can share the list;
// each job keeps its own result, reported afterwards in order, so output stays deterministic.
void work(std::vector<Job>& jobs, std::atomic<std::size_t>& next) {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
        try {
            jobs[i].error = write_photo(jobs[i].target);
        } catch (const std::exception& e) {
            jobs[i].error = e.what();
        }
    }
}

// Missing photos to draw; refused sources are reported and counted.
std::vector<Job> plan_jobs(const fs::path& dir, const std::vector<std::string>& sources, int& refused) {
    std::vector<Job> jobs;
    for (const std::string& src : sources) {
        if (!acceptable_src(src)) {
            std::cerr << "photogen: skipping src outside the content folder: " << src << '\n';
            ++refused;
            continue;
        }
        const fs::path target = dir / src;
        if (fs::exists(target)) continue;
        fs::create_directories(target.parent_path());  // here, not racing in the workers
        jobs.push_back({target, {}});
    }
    return jobs;
}

int run(const fs::path& dir) {
    if (!fs::is_directory(dir)) {
        std::cerr << "photogen: not a directory: " << dir.string() << '\n';
        return 1;
    }
    std::vector<std::string> sources;
    if (!photo_sources(dir, sources)) return 1;
    int refused = 0;
    std::vector<Job> jobs = plan_jobs(dir, sources, refused);
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> workers;
        const unsigned n = std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
        for (unsigned i = 0; i < n; ++i) workers.emplace_back([&] { work(jobs, next); });
    }
    std::size_t failed = 0;
    for (const Job& j : jobs) {
        if (j.error.empty()) continue;
        std::cerr << "photogen: " << j.target.string() << ": " << j.error << '\n';
        ++failed;
    }
    if (failed) return 1;
    std::cout << "photogen: " << sources.size() << " photos, " << jobs.size() << " written";
    if (refused) std::cout << ", " << refused << " refused";
    std::cout << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: photogen CONTENT_DIR\n";
        return 1;
    }
    try {
        return run(argv[1]);
    } catch (const std::exception& e) {  // filesystem errors: permissions, full disk
        std::cerr << "photogen: " << e.what() << '\n';
        return 1;
    }
}
