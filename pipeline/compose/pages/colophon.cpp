// 奥付: the colophon, a boxed block from the book metadata (title, issue, publisher, staff,
// printer, price, ISBN) and the usual notices.
#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {

void build_colophon(const PageContext& ctx, const content::PlanPage& plan,
                    const std::vector<std::string>&, Page& page) {
    const Rect hm = ctx.hanmen(plan.folio);
    const auto& m = ctx.book.meta;
    const auto& ts = ctx.ts;
    const auto& st = ts.style("colophon");
    std::vector<std::string> lines;
    const std::string date = m.issue_date.size() >= 10
        ? std::to_string(std::stoi(m.issue_date.substr(0, 4))) + "年" + std::to_string(std::stoi(m.issue_date.substr(5, 2))) +
              "月" + std::to_string(std::stoi(m.issue_date.substr(8, 2))) + "日"
        : m.issue_date;
    lines.push_back(date + "　初版第1刷発行");
    lines.push_back("");
    lines.push_back("発行　" + m.publisher);
    lines.push_back("編集　" + m.editor);
    for (const auto& s : m.staff) lines.push_back(s);
    lines.push_back("印刷・製本　" + m.printer);
    lines.push_back("");
    lines.push_back("定価" + yen(m.price + m.price / 10) + "（本体" + yen(m.price) + "＋税10%）");
    lines.push_back("ISBN" + m.isbn + "　C" + m.c_code);

    const Length pad = Length::from_mm(8);
    const Length box_h = pad * 2 + ts.style("colophon-title").leading * 2 + st.leading * static_cast<std::int64_t>(lines.size()) +
                         Length::from_mm(40);
    const Rect box{hm.x, hm.bottom() - box_h, hm.w, box_h};
    add_frame(page, box, "black", Length::from_pt(0.75));
    Length y = box.y + pad;
    add_text(page, ts, m.title + "　" + m.edition, "colophon-title", {box.x + pad, y + ts.style("colophon-title").size});
    y += ts.style("colophon-title").leading * 2;
    add_line(page, {box.x + pad, y - Length::from_mm(3)}, {box.right() - pad, y - Length::from_mm(3)}, Length::from_pt(0.5), "rule");
    for (const auto& l : lines) {
        add_text(page, ts, l, "colophon", {box.x + pad, y + Typesetter::baseline_offset(st)});
        y += st.leading;
    }
    y += Length::from_mm(4);
    for (const auto& n : m.notices) {
        y += add_para(page, ts, "※" + n, "small", {box.x + pad, y, box.w - pad * 2, hm.h}, {"", true, 0});
    }
}

}  // namespace shokuhon::compose::pages
