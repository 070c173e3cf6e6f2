#include "render/painter.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H

#include <algorithm>
#include <fstream>
#include <vector>

#include "render/jpeg.h"

namespace shokuhon::render {
namespace {

double pt(Length l) { return l.pt(); }

// The whole file in one read (a byte-at-a-time istreambuf_iterator copy cost 0.3 G
// instructions for the sample book's 20 MB of photos). "" when it cannot be read.
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return {};
    const auto end = in.tellg();
    if (end <= 0) return {};
    std::string bytes(static_cast<std::size_t>(end), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), end)) return {};
    return bytes;
}

// The FreeType library of a Painter, freed (with its memory manager) by the last owner.
struct FtLibrary {
    FT_Library lib = nullptr;
    FtLibrary() {
        if (FT_Init_FreeType(&lib) != 0) lib = nullptr;
    }
    ~FtLibrary() {
        if (lib) FT_Done_FreeType(lib);
    }
    FtLibrary(const FtLibrary&) = delete;
    FtLibrary& operator=(const FtLibrary&) = delete;
};

// Cairo may keep a font face (and so its FT_Face) alive after we drop it, in its caches,
// and destroy it while a later Painter draws. Each face therefore shares ownership of the
// library: FT_Reference_Library alone is not enough, because FT_Done_FreeType frees the
// memory manager the face still needs (a use after free once a second Painter runs).
struct FaceOwner {
    std::shared_ptr<FtLibrary> lib;
    FT_Face face = nullptr;
    std::shared_ptr<const std::string> program;  // a face opened from memory reads it until done
};
void release_face(void* p) {
    auto* owner = static_cast<FaceOwner*>(p);
    FT_Done_Face(owner->face);
    delete owner;  // the library goes with its last face
}
const cairo_user_data_key_t kFaceKey{};

void free_bytes(void* p) { delete static_cast<std::string*>(p); }

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
    if (r <= 0) {
        cairo_rectangle(cr, x, y, w, h);
        return;
    }
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -1.5707963267948966, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, 1.5707963267948966);
    cairo_arc(cr, x + r, y + h - r, r, 1.5707963267948966, 3.141592653589793);
    cairo_arc(cr, x + r, y + r, r, 3.141592653589793, 4.71238898038469);
    cairo_close_path(cr);
}

}  // namespace

struct Painter::Ft {
    std::shared_ptr<FtLibrary> shared = std::make_shared<FtLibrary>();
    FT_Library lib = shared->lib;
};

Painter::Painter(const style::LayoutSet& layout, const shape::FontSet& fonts, ImageMode mode,
                 double px_per_pt, const std::map<std::string, std::shared_ptr<const std::string>>* programs)
    : layout_(layout), fonts_(fonts), programs_(programs), mode_(mode), px_per_pt_(px_per_pt), ft_(std::make_unique<Ft>()) {}

Painter::~Painter() = default;

cairo_font_face_t* Painter::face(const std::string& role) {
    if (auto it = faces_.find(role); it != faces_.end()) return it->second.get();
    const shape::Font* font = fonts_.find(role);
    if (!font || !ft_->lib) {
        if (error_.empty()) error_ = "no font for role " + role;
        return nullptr;
    }
    FT_Face ft = nullptr;
    std::shared_ptr<const std::string> program;
    if (programs_) {
        if (const auto it = programs_->find(role); it != programs_->end()) program = it->second;
    }
    const int opened = program ? FT_New_Memory_Face(ft_->lib, reinterpret_cast<const FT_Byte*>(program->data()),
                                                    static_cast<FT_Long>(program->size()), 0, &ft)
                               : FT_New_Face(ft_->lib, font->file().c_str(), static_cast<FT_Long>(font->face_index()), &ft);
    if (opened != 0) {
        if (error_.empty()) error_ = "cannot open font " + font->file().string();
        return nullptr;
    }
    // No active charmap. Glyphs are drawn by index (HarfBuzz's), never looked up by
    // character; the only user of the charmap is Cairo's reverse lookup for the ToUnicode
    // map, which reads the cmap table itself first and, for a glyph it does not find there
    // (vertical forms, alternates: no character of their own), walks the active charmap one
    // character at a time: 44,746 steps per glyph in Noto CJK, 0.39 G instructions for the
    // sample book. Without a charmap that walk ends at once, and such glyphs take the text of
    // their cluster, as they did before (the walk found nothing for them either).
    ft->charmap = nullptr;
    FontFacePtr cf{cairo_ft_font_face_create_for_ft_face(ft, 0)};
    cairo_font_face_set_user_data(cf.get(), &kFaceKey, new FaceOwner{ft_->shared, ft, program}, release_face);
    auto* raw = cf.get();
    faces_.emplace(role, std::move(cf));
    return raw;
}

void Painter::set_colour(cairo_t* cr, const std::string& name) const {
    auto it = layout_.colours.find(name);
    if (it == layout_.colours.end()) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        return;
    }
    const auto rgb = it->second.rgb();
    cairo_set_source_rgb(cr, rgb.r, rgb.g, rgb.b);
}

void Painter::draw(cairo_t* cr, const compose::GlyphRun& run) {
    if (run.glyphs.empty()) return;
    cairo_font_face_t* f = face(run.font);
    if (!f) return;
    cairo_set_font_face(cr, f);
    cairo_set_font_size(cr, pt(run.size));
    set_colour(cr, run.colour);
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    double ox = pt(run.origin.x), oy = pt(run.origin.y);
    // Latin in vertical text (GlyphRun::quarter_turns): the run turns about its origin.
    const bool turned = run.quarter_turns % 4 != 0;
    if (turned) {
        cairo_save(cr);
        cairo_translate(cr, ox, oy);
        cairo_rotate(cr, 1.5707963267948966 * run.quarter_turns);
        ox = oy = 0;
    }
    for (const auto& g : run.glyphs) glyphs.push_back({g.gid, ox + pt(g.x), oy + pt(g.y)});
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    for (const auto& c : run.clusters) {
        clusters.push_back({static_cast<int>(c.bytes), static_cast<int>(c.glyphs)});
    }
    cairo_show_text_glyphs(cr, run.utf8.data(), static_cast<int>(run.utf8.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(),
                           static_cast<int>(clusters.size()), cairo_text_cluster_flags_t{});
    if (turned) cairo_restore(cr);
}

void Painter::draw(cairo_t* cr, const compose::RectItem& r) const {
    rounded_rect(cr, pt(r.rect.x), pt(r.rect.y), pt(r.rect.w), pt(r.rect.h), pt(r.radius));
    if (!r.fill.empty()) {
        set_colour(cr, r.fill);
        if (r.stroke.empty()) cairo_fill(cr);
        else cairo_fill_preserve(cr);
    }
    if (!r.stroke.empty()) {
        set_colour(cr, r.stroke);
        cairo_set_line_width(cr, pt(r.stroke_width));
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

void Painter::draw(cairo_t* cr, const compose::LineItem& l) const {
    set_colour(cr, l.colour);
    cairo_set_line_width(cr, pt(l.width));
    if (l.dotted) {
        const double dash[] = {0.0, pt(l.width) * 3};
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, pt(l.a.x), pt(l.a.y));
    cairo_line_to(cr, pt(l.b.x), pt(l.b.y));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

void Painter::draw(cairo_t* cr, const compose::CircleItem& c) const {
    cairo_new_sub_path(cr);
    cairo_arc(cr, pt(c.centre.x), pt(c.centre.y), pt(c.radius), 0, 6.283185307179586);
    if (!c.fill.empty()) {
        set_colour(cr, c.fill);
        if (c.stroke.empty()) cairo_fill(cr);
        else cairo_fill_preserve(cr);
    }
    if (!c.stroke.empty()) {
        set_colour(cr, c.stroke);
        cairo_set_line_width(cr, pt(c.stroke_width));
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

cairo_surface_t* Painter::image(const std::string& path, int* w, int* h, int min_w) {
    if (auto it = images_.find(path); it != images_.end()) {
        *w = it->second.w;
        *h = it->second.h;
        return it->second.surface.get();
    }
    auto* bytes = new std::string(read_file(path));
    const auto info = jpeg_info(*bytes);
    if (!info) {
        delete bytes;
        if (error_.empty()) error_ = "not a readable JPEG: " + path;
        return nullptr;
    }
    SurfacePtr s;
    if (mode_ == ImageMode::kPassThrough) {
        // The pixels are never read for PDF output: the JPEG bytes go into the file as they
        // are (/DCTDecode, with the JPEG's own /Width and /Height), once per path thanks to the
        // unique id. So the surface carrying them is 1 × 1 pixel (no 1200 × 800 × 4 bytes of
        // zeroes per photo): Cairo places the image by the surface's extents, and draw() scales
        // that one pixel to the photo's size on the page.
        s.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1));
        cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_UNIQUE_ID,
                                    reinterpret_cast<const unsigned char*>(path.data()),
                                    path.size(), nullptr, nullptr);
        const auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
        const auto size = bytes->size();
        cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, data, size, free_bytes, bytes);
    } else {
        s.reset(jpeg_decode(*bytes, min_w));
        delete bytes;
        if (!s) {
            if (error_.empty()) error_ = "cannot decode JPEG: " + path;
            return nullptr;
        }
    }
    // Width and height in the JPEG's own pixels, whatever the decoded size.
    *w = info->width;
    *h = info->height;
    auto* raw = s.get();
    images_.emplace(path, CachedImage{std::move(s), info->width, info->height});
    return raw;
}

void Painter::draw_placeholder(cairo_t* cr, const compose::ImageItem& img) const {
    const double x = pt(img.frame.x), y = pt(img.frame.y), w = pt(img.frame.w), h = pt(img.frame.h);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y + h);
    cairo_move_to(cr, x + w, y);
    cairo_line_to(cr, x, y + h);
    cairo_stroke(cr);
}

void Painter::draw(cairo_t* cr, const compose::ImageItem& img) {
    if (img.path.empty()) {
        draw_placeholder(cr, img);
        return;
    }
    const double fw = pt(img.frame.w), fh = pt(img.frame.h);
    int iw = 0, ih = 0;
    cairo_surface_t* s = image(img.path, &iw, &ih, static_cast<int>(fw * px_per_pt_) + 1);
    if (!s) {
        draw_placeholder(cr, img);
        return;
    }
    // Cover the frame, keeping the aspect ratio; crop around the focus point.
    const double scale = std::max(fw / iw, fh / ih);
    const double dw = iw * scale, dh = ih * scale;
    const double dx = pt(img.frame.x) - (dw - fw) * img.focus_x;
    const double dy = pt(img.frame.y) - (dh - fh) * img.focus_y;
    cairo_save(cr);
    cairo_rectangle(cr, pt(img.frame.x), pt(img.frame.y), fw, fh);
    cairo_clip(cr);
    cairo_translate(cr, dx, dy);
    if (mode_ == ImageMode::kPassThrough) {
        // A 1 × 1 carrier of the JPEG bytes (see image()): its one pixel covers dw × dh.
        cairo_scale(cr, dw / cairo_image_surface_get_width(s), dh / cairo_image_surface_get_height(s));
    } else {
        // A decoded surface may be smaller than the JPEG: scale by its own width.
        const double sw = cairo_image_surface_get_width(s);
        cairo_scale(cr, dw / sw, dw / sw);
    }
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

void Painter::paint(cairo_t* cr, const compose::Page& page, bool links) {
    for (const auto& item : page.items) {
        if (const auto* link = std::get_if<compose::LinkItem>(&item)) {
            if (!links) continue;
            const std::string attrs =
                "rect=[" + std::to_string(pt(link->rect.x)) + " " + std::to_string(pt(link->rect.y)) +
                " " + std::to_string(pt(link->rect.w)) + " " + std::to_string(pt(link->rect.h)) +
                "] dest='" + page_dest(static_cast<std::size_t>(link->target_page)) + "'";
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            continue;
        }
        std::visit([&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (!std::is_same_v<T, compose::LinkItem>) draw(cr, v);
        }, item);
    }
}

}  // namespace shokuhon::render
