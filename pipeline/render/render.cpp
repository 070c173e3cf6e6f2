#include "render/render.h"

#include <cairo-pdf.h>

#include "render/painter.h"

namespace shokuhon::render {
namespace {

constexpr int kNoParent = CAIRO_PDF_OUTLINE_ROOT;

bool check(cairo_status_t st, const std::string& what, const std::filesystem::path& out,
           Diagnostics& diags) {
    if (st == CAIRO_STATUS_SUCCESS) return true;
    diags.error("E-RENDER-001", {out.string(), 0, 0},
                what + ": " + cairo_status_to_string(st));
    return false;
}

}  // namespace

bool render_pdf(const RenderInputs& in, const std::filesystem::path& out, Diagnostics& diags) {
    const auto& doc = in.doc;
    const double w = (doc.trim.w + doc.bleed * 2).pt(), h = (doc.trim.h + doc.bleed * 2).pt();
    SurfacePtr surface{cairo_pdf_surface_create(out.c_str(), w, h)};
    if (!check(cairo_surface_status(surface.get()), "cannot create PDF", out, diags)) return false;
    auto* s = surface.get();
    cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
    const auto& m = doc.meta;
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, m.title.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, m.author.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, m.subject.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, m.keywords.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, m.creator.c_str());
    if (!m.date_iso.empty()) {
        // Fixed dates keep the output reproducible (no wall clock in the file).
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, m.date_iso.c_str());
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, m.date_iso.c_str());
    }

    Painter painter(in.layout, in.fonts, ImageMode::kPassThrough, 1.0);
    bool ok = true;
    {
        CairoPtr cr{cairo_create(s)};
        for (std::size_t i = 0; i < doc.pages.size() && ok; ++i) {
            const auto& page = doc.pages[i];
            cairo_pdf_surface_set_page_label(s, page.label.c_str());
            cairo_save(cr.get());
            cairo_translate(cr.get(), doc.bleed.pt(), doc.bleed.pt());
            painter.paint(cr.get(), page, true);
            cairo_restore(cr.get());
            cairo_show_page(cr.get());
            ok = check(cairo_status(cr.get()), "page " + page.label, out, diags);
        }
        for (const auto& o : doc.outline) {
            const std::string dest = "page=" + std::to_string(o.page);
            cairo_pdf_surface_add_outline(s, kNoParent, o.title.c_str(), dest.c_str(),
                                          cairo_pdf_outline_flags_t{});
        }
    }
    if (!painter.error().empty()) {
        diags.error("E-RENDER-002", {out.string(), 0, 0}, painter.error());
        ok = false;
    }
    cairo_surface_finish(s);
    return check(cairo_surface_status(s), "cannot write PDF", out, diags) && ok;
}

bool render_png(const RenderInputs& in, std::size_t page_index, double dpi,
                const std::filesystem::path& out, Diagnostics& diags) {
    const auto& doc = in.doc;
    if (page_index >= doc.pages.size()) {
        diags.error("E-RENDER-003", {out.string(), 0, 0}, "no page " + std::to_string(page_index + 1));
        return false;
    }
    const double scale = dpi / 72.0;
    const int w = static_cast<int>((doc.trim.w + doc.bleed * 2).pt() * scale + 0.5);
    const int h = static_cast<int>((doc.trim.h + doc.bleed * 2).pt() * scale + 0.5);
    SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
    Painter painter(in.layout, in.fonts, ImageMode::kDecode, scale);
    {
        CairoPtr cr{cairo_create(surface.get())};
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        cairo_translate(cr.get(), doc.bleed.pt(), doc.bleed.pt());
        painter.paint(cr.get(), doc.pages[page_index], false);
        if (!check(cairo_status(cr.get()), "page " + std::to_string(page_index + 1), out, diags)) return false;
    }
    return check(cairo_surface_write_to_png(surface.get(), out.c_str()), "cannot write PNG", out, diags);
}

}  // namespace shokuhon::render
