// (first draft: replaced by the real page)
#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {

void build_matrix(const PageContext& ctx, const content::PlanPage& plan, const std::vector<std::string>&,
         Page& page) {
    const Rect hm = ctx.hanmen(plan.folio);
    add_text(page, ctx.ts, plan.tmpl, "page-title", {hm.x, hm.y + Length::from_mm(10)});
}

}  // namespace shokuhon::compose::pages
