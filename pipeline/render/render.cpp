#include "render/render.h"

#include <cairo-pdf.h>

#include <algorithm>

#include "render/painter.h"

namespace shokuhon::render {
namespace {

bool check(cairo_status_t st, const std::string& what, const std::filesystem::path& out,
           Diagnostics& diags) {
    if (st == CAIRO_STATUS_SUCCESS) return true;
    diags.error("E-RENDER-001", {out.string(), 0, 0},
                what + ": " + cairo_status_to_string(st));
    return false;
}

}  // namespace

namespace {

cairo_status_t append_part(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PartRenderer::PartRenderer(const RenderInputs& in)
    : in_(in), painter_(std::make_unique<Painter>(in.layout, in.fonts, ImageMode::kPassThrough, 1.0, in.programs)) {}

PartRenderer::~PartRenderer() = default;

bool PartRenderer::render(std::size_t first, std::size_t count, std::string& pdf, Diagnostics& diags) {
    const auto& doc = in_.doc;
    pdf.clear();
    const std::string where = "pages " + std::to_string(first + 1) + "-" + std::to_string(first + count);
    if (first + count > doc.pages.size() || count == 0) {
        diags.error("E-RENDER-003", {where, 0, 0}, "no such pages");
        return false;
    }
    const double w = (doc.trim.w + doc.bleed * 2).pt(), h = (doc.trim.h + doc.bleed * 2).pt();
    SurfacePtr surface{cairo_pdf_surface_create_for_stream(append_part, &pdf, w, h)};
    if (!check(cairo_surface_status(surface.get()), "cannot create PDF", where, diags)) return false;
    auto* s = surface.get();
    cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
    // A fixed date: the part's bytes are a function of its pages (cached by content).
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    bool ok = true;
    {
        CairoPtr cr{cairo_create(s)};
        for (std::size_t i = first; i < first + count && ok; ++i) {
            cairo_save(cr.get());
            cairo_translate(cr.get(), doc.bleed.pt(), doc.bleed.pt());
            painter_->paint(cr.get(), doc.pages[i], true);
            cairo_restore(cr.get());
            cairo_show_page(cr.get());
            ok = check(cairo_status(cr.get()), "page " + doc.pages[i].label, where, diags);
        }
    }
    if (!painter_->error().empty()) {
        diags.error("E-RENDER-002", {where, 0, 0}, painter_->error());
        ok = false;
    }
    cairo_surface_finish(s);
    return check(cairo_surface_status(s), "cannot write PDF", where, diags) && ok;
}

bool render_pdf_part(const RenderInputs& in, std::size_t first, std::size_t count, std::string& pdf,
                     Diagnostics& diags) {
    return PartRenderer(in).render(first, count, pdf, diags);
}

namespace {

// One page (trim plus bleed) drawn on white at `dpi`, photos decoded; nullptr (with an
// E-RENDER diagnostic naming `where`) when there is no such page or Cairo fails.
SurfacePtr draw_page(const RenderInputs& in, std::size_t page_index, double dpi,
                     const std::filesystem::path& where, Diagnostics& diags) {
    const auto& doc = in.doc;
    if (page_index >= doc.pages.size()) {
        diags.error("E-RENDER-003", {where.string(), 0, 0}, "no page " + std::to_string(page_index + 1));
        return nullptr;
    }
    const double scale = dpi / 72.0;
    const int w = static_cast<int>((doc.trim.w + doc.bleed * 2).pt() * scale + 0.5);
    const int h = static_cast<int>((doc.trim.h + doc.bleed * 2).pt() * scale + 0.5);
    SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
    Painter painter(in.layout, in.fonts, ImageMode::kDecode, scale, in.programs);
    CairoPtr cr{cairo_create(surface.get())};
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    cairo_translate(cr.get(), doc.bleed.pt(), doc.bleed.pt());
    painter.paint(cr.get(), doc.pages[page_index], false);
    if (!check(cairo_status(cr.get()), "page " + std::to_string(page_index + 1), where, diags)) return nullptr;
    return surface;
}

}  // namespace

bool render_png(const RenderInputs& in, std::size_t page_index, double dpi,
                const std::filesystem::path& out, Diagnostics& diags) {
    const SurfacePtr surface = draw_page(in, page_index, dpi, out, diags);
    if (!surface) return false;
    return check(cairo_surface_write_to_png(surface.get(), out.c_str()), "cannot write PNG", out, diags);
}

}  // namespace shokuhon::render

// Rasters, PNG streams and sheets: what previews, thumbnails and proof sheets need.
namespace shokuhon::render {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct ReadCursor {
    std::string_view bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* c = static_cast<ReadCursor*>(closure);
    if (c->bytes.size() - c->at < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(c->bytes.data() + c->at, length, reinterpret_cast<char*>(data));
    c->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// Copies an RGB24/ARGB32 image surface into a Raster (alpha dropped: pages are opaque).
void to_raster(cairo_surface_t* s, Raster& out) {
    cairo_surface_flush(s);
    out.width = cairo_image_surface_get_width(s);
    out.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    out.rgb.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height), 0);
    for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::copy_n(row, out.width, out.rgb.begin() + static_cast<std::ptrdiff_t>(y) * out.width);
    }
    for (auto& px : out.rgb) px &= 0xFFFFFFu;
}

// The source part of a page, scaled to fit its frame and clipped to it.
void draw_inset(cairo_t* cr, Painter& painter, const compose::Document& doc, const Inset& inset) {
    if (inset.page_index >= doc.pages.size() || inset.source.w.sp <= 0 || inset.source.h.sp <= 0) return;
    const Rect& f = inset.frame;
    const Rect& src = inset.source;
    const double s = std::min(f.w.pt() / src.w.pt(), f.h.pt() / src.h.pt());
    cairo_save(cr);
    cairo_rectangle(cr, f.x.pt(), f.y.pt(), f.w.pt(), f.h.pt());
    cairo_clip(cr);
    cairo_translate(cr, f.x.pt() + (f.w.pt() - src.w.pt() * s) / 2, f.y.pt() + (f.h.pt() - src.h.pt() * s) / 2);
    cairo_scale(cr, s, s);
    cairo_translate(cr, -src.x.pt(), -src.y.pt());
    // Paper white under the page: the sheet may be tinted around it.
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, src.x.pt(), src.y.pt(), src.w.pt(), src.h.pt());
    cairo_fill(cr);
    painter.paint(cr, doc.pages[inset.page_index], false);
    cairo_restore(cr);
}

}  // namespace

bool render_raster(const RenderInputs& in, std::size_t page_index, double dpi, Raster& out,
                   Diagnostics& diags) {
    const SurfacePtr surface = draw_page(in, page_index, dpi, "page " + std::to_string(page_index + 1), diags);
    if (!surface) return false;
    to_raster(surface.get(), out);
    return true;
}

std::string encode_png(const Raster& r) {
    std::string bytes;
    if (r.width <= 0 || r.height <= 0) return bytes;
    SurfacePtr s{cairo_image_surface_create(CAIRO_FORMAT_RGB24, r.width, r.height)};
    cairo_surface_flush(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    for (int y = 0; y < r.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::copy_n(r.rgb.begin() + static_cast<std::ptrdiff_t>(y) * r.width, r.width, row);
    }
    cairo_surface_mark_dirty(s.get());
    if (cairo_surface_write_to_png_stream(s.get(), append_bytes, &bytes) != CAIRO_STATUS_SUCCESS) bytes.clear();
    return bytes;
}

bool decode_png(std::string_view png, Raster& out) {
    ReadCursor cursor{png, 0};
    SurfacePtr s{cairo_image_surface_create_from_png_stream(read_bytes, &cursor)};
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return false;
    const auto fmt = cairo_image_surface_get_format(s.get());
    if (fmt != CAIRO_FORMAT_RGB24 && fmt != CAIRO_FORMAT_ARGB32) return false;
    to_raster(s.get(), out);
    return true;
}

bool render_sheets_pdf(const RenderInputs& in, const std::vector<Sheet>& sheets,
                       const std::string& title, const std::filesystem::path& out,
                       Diagnostics& diags) {
    if (sheets.empty()) return false;
    SurfacePtr surface{cairo_pdf_surface_create(out.c_str(), sheets[0].size.w.pt(), sheets[0].size.h.pt())};
    if (!check(cairo_surface_status(surface.get()), "cannot create PDF", out, diags)) return false;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "shokuhon");
    Painter painter(in.layout, in.fonts, ImageMode::kPassThrough, 1.0, in.programs);
    bool ok = true;
    {
        CairoPtr cr{cairo_create(surface.get())};
        for (const auto& sheet : sheets) {
            cairo_pdf_surface_set_size(surface.get(), sheet.size.w.pt(), sheet.size.h.pt());
            for (const auto& inset : sheet.insets) draw_inset(cr.get(), painter, in.doc, inset);
            painter.paint(cr.get(), sheet.overlay, false);
            cairo_show_page(cr.get());
            ok = ok && check(cairo_status(cr.get()), "proof sheet", out, diags);
        }
    }
    if (!painter.error().empty()) {
        diags.error("E-RENDER-002", {out.string(), 0, 0}, painter.error());
        ok = false;
    }
    cairo_surface_finish(surface.get());
    return check(cairo_surface_status(surface.get()), "cannot write PDF", out, diags) && ok;
}

}  // namespace shokuhon::render
