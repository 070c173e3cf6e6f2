// compose/pages/: the page builders, one per template kind (see layouts/templates.xml).
#pragma once
#include "compose/pages/context.h"

namespace shokuhon::compose::pages {

#define SHOKUHON_BUILDER(name)                                                              \
    void name(const PageContext& ctx, const content::PlanPage& plan,                       \
              const std::vector<std::string>& entries, Page& page)
SHOKUHON_BUILDER(build_cover);        // cover.cpp      表1
SHOKUHON_BUILDER(build_contents);     // contents.cpp   目次
SHOKUHON_BUILDER(build_guide);        // guide.cpp      この本の使い方
SHOKUHON_BUILDER(build_opener);       // opener.cpp     section opener
SHOKUHON_BUILDER(build_shop_cards);   // cards.cpp      shop cards (1, 2, 4, 6 per page)
SHOKUHON_BUILDER(build_products);     // products.cpp   special products
SHOKUHON_BUILDER(build_recommendations);  // recommendations.cpp
SHOKUHON_BUILDER(build_spots);        // spots.cpp      #hiratsukagood
SHOKUHON_BUILDER(build_matrix);       // matrix.cpp     time × theme
SHOKUHON_BUILDER(build_index);        // index.cpp      50音 index
SHOKUHON_BUILDER(build_index_area);   // index.cpp      index by area
SHOKUHON_BUILDER(build_index_genre);  // index.cpp      index by genre
SHOKUHON_BUILDER(build_map);          // map.cpp        area map with numbered pins
SHOKUHON_BUILDER(build_ad);           // ad.cpp         advertisement
SHOKUHON_BUILDER(build_colophon);     // colophon.cpp   奥付
SHOKUHON_BUILDER(build_back_cover);   // back_cover.cpp 表4
#undef SHOKUHON_BUILDER

}  // namespace shokuhon::compose::pages
