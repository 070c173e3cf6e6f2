// tests/finish: small PDFs drawn the way render/ draws (Cairo, palette RGB, JPEG pass-through,
// a link), assembled by assemble_pdf, as input for the print pass and preflight tests.
#pragma once
#include <cairo-pdf.h>
#include <cairo.h>
#include <jpeglib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "finish/assemble.h"
#include "style/load.h"

namespace shokuhon::test {

namespace fs = std::filesystem;

inline fs::path print_scratch(const std::string& name) {
    const fs::path dir = fs::path(SHOKUHON_BINARY_DIR) / "test-scratch" / "print" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

inline void write_text(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary);
    out << s;
}

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An RGB JPEG with a colour gradient (quality 90).
inline std::string rgb_jpeg(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 3;
            px[i] = static_cast<unsigned char>(255 * x / w);
            px[i + 1] = static_cast<unsigned char>(255 * y / h);
            px[i + 2] = 90;
        }
    }
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buf, &size);
    c.image_width = static_cast<JDIMENSION>(w);
    c.image_height = static_cast<JDIMENSION>(h);
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 90, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = px.data() + static_cast<std::size_t>(c.next_scanline) * static_cast<std::size_t>(w) * 3;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    std::string out(reinterpret_cast<const char*>(buf), size);
    std::free(buf);
    return out;
}

inline const style::LayoutSet& sample_layout() {
    static const style::LayoutSet layout = [] {
        Diagnostics diags;
        auto l = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", diags);
        REQUIRE_FALSE(diags.has_errors());
        return l;
    }();
    return layout;
}

inline void set_palette(cairo_t* cr, const std::string& name) {
    const auto rgb = sample_layout().colour(name).rgb();
    cairo_set_source_rgb(cr, rgb.r, rgb.g, rgb.b);
}

struct SampleOptions {
    std::string text_colour = "black";
    bool stray_grey = false;     // a colour that is not in the palette (a photo placeholder)
    bool transparent = false;    // a rectangle at 50 % alpha
    int photo_px = 600;          // the photo is 600 × 400 px, placed 50 mm wide: 305 ppi
};

// The photo, passed through as the painter does it (mime data + unique id), 50 mm wide.
inline void draw_photo(cairo_t* c, int px, double x, double y) {
    const double mm = 72.0 / 25.4;
    auto* jpeg = new std::string(rgb_jpeg(px, px * 2 / 3));
    CHandle<cairo_surface_t, cairo_surface_destroy> img{cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, px * 2 / 3)};
    cairo_surface_set_mime_data(img.get(), CAIRO_MIME_TYPE_UNIQUE_ID, reinterpret_cast<const unsigned char*>("p1"), 2,
                                nullptr, nullptr);
    cairo_surface_set_mime_data(img.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(jpeg->data()),
                                jpeg->size(), [](void* p) { delete static_cast<std::string*>(p); }, jpeg);
    cairo_save(c);
    cairo_translate(c, x, y);
    cairo_scale(c, 50 * mm / px, 50 * mm / px);
    cairo_set_source_surface(c, img.get(), 0, 0);
    cairo_paint(c);
    cairo_restore(c);
}

// A colour band bleeding off the top, a rich black band at the foot, body text, a rule, the
// optional faults, a photo and a link.
inline void draw_first_page(cairo_t* c, const SampleOptions& o, double w, double h) {
    const double mm = 72.0 / 25.4;
    set_palette(c, "accent");
    cairo_rectangle(c, 0, 0, w, 40 * mm);
    cairo_fill(c);
    set_palette(c, "rich-black");
    cairo_rectangle(c, 0, h - 25 * mm, w, 25 * mm);  // a large area: rich black is fine
    cairo_fill(c);
    set_palette(c, o.text_colour);
    cairo_select_font_face(c, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(c, 9);
    for (int i = 0; i < 12; ++i) {
        cairo_move_to(c, 20 * mm, (60 + 5 * i) * mm);
        cairo_show_text(c, "Body text of the Hiratsuka food guide, set in single-ink black.");
    }
    set_palette(c, "rule");
    cairo_set_line_width(c, 0.5);
    cairo_move_to(c, 20 * mm, 140 * mm);
    cairo_line_to(c, 190 * mm, 140 * mm);
    cairo_stroke(c);
    if (o.stray_grey) {
        cairo_set_source_rgb(c, 0.88, 0.88, 0.88);
        cairo_rectangle(c, 20 * mm, 150 * mm, 30 * mm, 20 * mm);
        cairo_fill(c);
    }
    if (o.transparent) {
        const auto a = sample_layout().colour("accent").rgb();
        cairo_set_source_rgba(c, a.r, a.g, a.b, 0.5);
        cairo_rectangle(c, 60 * mm, 150 * mm, 30 * mm, 20 * mm);
        cairo_fill(c);
    }
    draw_photo(c, o.photo_px, 120 * mm, 150 * mm);
    cairo_tag_begin(c, CAIRO_TAG_LINK, "uri='https://example.invalid'");
    cairo_move_to(c, 20 * mm, 180 * mm);
    cairo_show_text(c, "example.invalid");
    cairo_tag_end(c, CAIRO_TAG_LINK);
}

inline cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Four A4 pages with 3 mm bleed, drawn as one part and assembled as the build does
// (finish/assemble.h: TrimBox, BleedBox, Info).
inline void sample_pdf(const fs::path& out, const SampleOptions& o = {}) {
    const double mm = 72.0 / 25.4, w = 216 * mm, h = 303 * mm;
    std::vector<std::string> parts(1);
    {
        CHandle<cairo_surface_t, cairo_surface_destroy> s{cairo_pdf_surface_create_for_stream(append_to_string, &parts[0], w, h)};
        CHandle<cairo_t, cairo_destroy> cr{cairo_create(s.get())};
        draw_first_page(cr.get(), o, w, h);
        cairo_show_page(cr.get());
        for (const char* text : {"Page two.", "Page three.", "Page four."}) {  // a 4-page sheet
            set_palette(cr.get(), "black");
            cairo_move_to(cr.get(), 20 * mm, 60 * mm);
            cairo_show_text(cr.get(), text);
            cairo_show_page(cr.get());
        }
    }
    finish::AssembleOptions ao;
    ao.labels = {"1", "2", "3", "4"};
    ao.title = "平塚食本 test";
    ao.creation_date = "D:20270325000000+09'00'";
    Diagnostics diags;
    std::string pdf;
    REQUIRE(finish::assemble_pdf(parts, ao, pdf, diags));
    std::ofstream f(out, std::ios::binary);
    f.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
}

}  // namespace shokuhon::test
