#include "shape/subset.h"

#include <hb-subset.h>

#include "core/c_handle.h"

namespace shokuhon::shape {

std::string subset_font(const Font& font, const GlyphUse& use) {
    CHandle<hb_subset_input_t, hb_subset_input_destroy> input{hb_subset_input_create_or_fail()};
    if (!input) return {};
    hb_set_t* gids = hb_subset_input_glyph_set(input.get());
    for (const auto g : use.gids) hb_set_add(gids, g);
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (const auto u : use.codepoints) hb_set_add(unicodes, u);
    // What a PDF renderer does not read: layout tables (and with them the subsetter's glyph
    // closure over GSUB, which would only add glyphs nobody draws) and vertical metrics (every
    // glyph is placed by composition). Half the time of a subset with them.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG"}) {
        hb_set_add(drop, hb_tag_from_string(tag, 4));
    }
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_DESUBROUTINIZE);
    CHandle<hb_face_t, hb_face_destroy> sub{hb_subset_or_fail(hb_font_get_face(font.hb()), input.get())};
    if (!sub) return {};
    CHandle<hb_blob_t, hb_blob_destroy> blob{hb_face_reference_blob(sub.get())};
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return data && length ? std::string(data, length) : std::string();
}

}  // namespace shokuhon::shape
