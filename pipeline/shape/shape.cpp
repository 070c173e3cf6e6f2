#include "shape/shape.h"

#include "shape/detail.h"

namespace shokuhon::shape {
namespace {

using BufferPtr = CHandle<hb_buffer_t, hb_buffer_destroy>;

std::vector<hb_feature_t> to_features(const std::vector<std::string>& names) {
    std::vector<hb_feature_t> out;
    for (const auto& n : names) {
        hb_feature_t f;
        if (hb_feature_from_string(n.c_str(), static_cast<int>(n.size()), &f)) out.push_back(f);
    }
    return out;
}

}  // namespace

namespace detail {

Length scale(hb_position_t v, const Font& font, Length size) {
    // font units → sp at `size`, rounded once (|v| < 2^20 and size < 2^32 sp: no overflow).
    const std::int64_t num = static_cast<std::int64_t>(v) * size.sp;
    const auto upem = static_cast<std::int64_t>(font.upem());
    return Length::from_sp((num >= 0 ? num + upem / 2 : num - upem / 2) / upem);
}

void shape_run(const Font& font, Length size, std::string_view text, std::size_t begin,
               std::size_t end, const std::vector<std::string>& features, const RunSpec& spec,
               Shaped& out) {
    if (end <= begin) return;
    BufferPtr buf{hb_buffer_create()};
    // The whole text as context (for contextual forms), the run as the part to shape.
    hb_buffer_add_utf8(buf.get(), text.data(), static_cast<int>(text.size()),
                       static_cast<unsigned>(begin), static_cast<int>(end - begin));
    hb_buffer_set_direction(buf.get(), spec.direction);
    hb_buffer_set_script(buf.get(), spec.script);
    hb_buffer_set_language(buf.get(), hb_language_from_string(spec.language, -1));
    const auto feats = to_features(features);
    hb_shape(font.hb(), buf.get(), feats.data(), static_cast<unsigned>(feats.size()));
    const bool vertical = HB_DIRECTION_IS_VERTICAL(spec.direction);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
    const std::size_t first_cluster = out.clusters.size();
    for (unsigned g = 0; g < n; ++g) {
        if (out.clusters.size() == first_cluster || out.clusters.back().text_begin != info[g].cluster) {
            linebreak::Cluster c;
            c.text_begin = info[g].cluster;
            out.clusters.push_back(c);
        }
        Glyph glyph;
        glyph.gid = info[g].codepoint;
        glyph.cluster = static_cast<std::uint32_t>(out.clusters.size() - 1);
        glyph.face = spec.face;
        glyph.x_offset = scale(pos[g].x_offset, font, size);
        // HarfBuzz is y-up: a vertical advance is negative, offsets point up.
        glyph.advance = vertical ? -scale(pos[g].y_advance, font, size) : scale(pos[g].x_advance, font, size);
        glyph.y_offset = vertical ? -scale(pos[g].y_offset, font, size) : scale(pos[g].y_offset, font, size);
        out.clusters.back().advance += glyph.advance;
        out.glyphs.push_back(glyph);
    }
}

void finish_clusters(std::string_view text, Shaped& out) {
    for (std::size_t c = 0; c < out.clusters.size(); ++c) {
        auto& cl = out.clusters[c];
        cl.text_end = c + 1 < out.clusters.size() ? out.clusters[c + 1].text_begin
                                                   : static_cast<std::uint32_t>(text.size());
        std::size_t i = cl.text_begin;
        cl.first_cp = decode_utf8(text, i);
        cl.last_cp = cl.first_cp;
        while (i < cl.text_end) cl.last_cp = decode_utf8(text, i);
    }
}

}  // namespace detail

char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
    for (int k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

Shaped shape(const Font& font, Length size, std::string_view utf8,
             const std::vector<std::string>& features) {
    Shaped out;
    detail::shape_run(font, size, utf8, 0, utf8.size(), features, {}, out);
    detail::finish_clusters(utf8, out);
    return out;
}

Length measure(const Font& font, Length size, std::string_view utf8,
               const std::vector<std::string>& features) {
    Length w;
    for (const auto& c : shape(font, size, utf8, features).clusters) w += c.advance;
    return w;
}

}  // namespace shokuhon::shape
