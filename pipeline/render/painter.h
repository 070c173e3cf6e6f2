// render/: draws one composed Page onto a Cairo context (internal to render/).
#pragma once
#include <cairo.h>

#include <map>
#include <memory>
#include <string>

#include "compose/document.h"
#include "core/c_handle.h"
#include "shape/font_set.h"
#include "style/layout_set.h"

namespace shokuhon::render {

// The PDF's named destination of a page (1-based index): links use names, not "page=N",
// because Cairo 1.16 drops the destination of a link to a page it has not written yet.
inline std::string page_dest(std::size_t page) { return "p" + std::to_string(page); }

using SurfacePtr = CHandle<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = CHandle<cairo_t, cairo_destroy>;
using FontFacePtr = CHandle<cairo_font_face_t, cairo_font_face_destroy>;

enum class ImageMode { kPassThrough, kDecode };

class Painter {
public:
    // `programs`: font programs drawn instead of the files (render.h), or nullptr.
    Painter(const style::LayoutSet& layout, const shape::FontSet& fonts, ImageMode mode,
            double px_per_pt,
            const std::map<std::string, std::shared_ptr<const std::string>>* programs = nullptr);
    ~Painter();
    Painter(const Painter&) = delete;
    Painter& operator=(const Painter&) = delete;

    // Draws the page with (0,0) at the trim's top-left (the caller translates for bleed).
    void paint(cairo_t* cr, const compose::Page& page, bool links);
    // The first error met (missing font face, unreadable photo), or "".
    const std::string& error() const { return error_; }

private:
    void set_colour(cairo_t* cr, const std::string& name) const;
    void draw(cairo_t* cr, const compose::GlyphRun& run);
    void draw(cairo_t* cr, const compose::RectItem& r) const;
    void draw(cairo_t* cr, const compose::LineItem& l) const;
    void draw(cairo_t* cr, const compose::CircleItem& c) const;
    void draw(cairo_t* cr, const compose::ImageItem& img);
    void draw_placeholder(cairo_t* cr, const compose::ImageItem& img) const;
    cairo_font_face_t* face(const std::string& role);
    cairo_surface_t* image(const std::string& path, int* w, int* h, int min_w);

    const style::LayoutSet& layout_;
    const shape::FontSet& fonts_;
    const std::map<std::string, std::shared_ptr<const std::string>>* programs_;
    ImageMode mode_;
    double px_per_pt_;
    struct Ft;
    std::unique_ptr<Ft> ft_;
    std::map<std::string, FontFacePtr> faces_;
    struct CachedImage {
        SurfacePtr surface;
        int w = 0, h = 0;
    };
    std::map<std::string, CachedImage> images_;
    std::string error_;
};

}  // namespace shokuhon::render
