// Special products (特産品), columns × rows to a page: photo, category chip, reading + name,
// description, and a small tinted table (producer, season, price, where to buy or taste it)
// anchored at the cell's foot so that the tables of one row line up.
#include <algorithm>

#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {
namespace {

struct TableRow {
    std::string label, value;
};

std::vector<TableRow> table_rows(const content::Product& p) {
    std::vector<TableRow> rows;
    if (!p.producer.empty()) rows.push_back({"生産者", p.producer});
    if (!p.season.empty()) rows.push_back({"旬", p.season});
    if (!p.price.empty()) rows.push_back({"価格", p.price});
    if (!p.where.empty()) rows.push_back({"購入・味わえる店", p.where});
    return rows;
}

const content::Product* find_product(const content::Book& book, const std::string& id) {
    for (const auto& p : book.products) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

const Length kPad = Length::from_mm(2.2);
const Length kLabelGap = Length::from_mm(2);

// The label column is as wide as the widest short label. A long one (購入・味わえる店) would
// push every value far to the right of its short neighbours (旬): it takes a line of its own
// above its value instead.
Length label_column(const Typesetter& ts, const std::vector<TableRow>& rows) {
    const auto& ls = ts.style("info-label");
    Length w;
    for (const auto& r : rows) {
        const Length lw = ts.width(r.label, ls);
        if (lw <= ls.size * 4) w = max(w, lw);
    }
    return w + kLabelGap;
}

struct TableLayout {
    Length label_w, value_w, height;
};

TableLayout measure_table(const Typesetter& ts, const std::vector<TableRow>& rows, Length box_w) {
    const auto& st = ts.style("info");
    TableLayout t;
    t.label_w = label_column(ts, rows);
    t.value_w = box_w - kPad * 2 - t.label_w;
    t.height = kPad * 2;
    for (const auto& r : rows) {
        if (ts.width(r.label, ts.style("info-label")) + kLabelGap > t.label_w) t.height += st.leading;
        t.height += st.leading * std::max(1, ts.count_lines(r.value, st, t.value_w));
    }
    return t;
}

void draw_table(Page& page, const Typesetter& ts, const std::vector<TableRow>& rows, Rect box,
                const TableLayout& t, const std::string& colour) {
    const auto& st = ts.style("info");
    add_rect(page, {box.x, box.y, box.w, t.height}, "info-tint", Length::from_mm(1));
    add_rect(page, {box.x, box.y, Length::from_mm(0.8), t.height}, colour);
    const Length base = Typesetter::baseline_offset(st);
    Length y = box.y + kPad;
    TextOptions o;
    o.no_indent = true;
    for (const auto& r : rows) {
        add_text(page, ts, r.label, "info-label", {box.x + kPad, y + base}, colour);
        if (ts.width(r.label, ts.style("info-label")) + kLabelGap > t.label_w) y += st.leading;
        const TextBlock b = ts.paragraph(r.value, st, t.value_w, o);
        add_block(page, b, {box.x + kPad + t.label_w, y});
        y += st.leading * std::max(1, b.lines);
    }
}

// A name on one line, shrunk by up to a fifth when it is a little too long (what a designer
// does by hand, rather than leave one character alone on a second line); a name still too long
// breaks before its parenthesis, or where the line breaker puts it. Returns the height used.
Length add_name(Page& page, const Typesetter& ts, const std::string& name, Rect box) {
    const style::TextStyle& base = ts.style("shop-name");
    for (int step = 0; step <= 4; ++step) {
        style::TextStyle st = base;
        st.size = base.size.scaled(1.0 - 0.05 * step);
        if (ts.width(name, st) <= box.w) {
            add_block(page, ts.paragraph(name, st, box.w, {"", true, 1}), {box.x, box.y});
            return base.leading;
        }
    }
    const auto paren = std::min(name.find('('), name.find("（"));
    if (paren != std::string::npos && paren > 0) {
        const Length h = add_name(page, ts, name.substr(0, paren), box);
        return h + add_name(page, ts, name.substr(paren), {box.x, box.y + h, box.w, box.h - h});
    }
    return add_para(page, ts, name, "shop-name", box);
}

// Category chip in the section colour; returns its height.
Length draw_chip(Page& page, const Typesetter& ts, const std::string& text, Point at,
                 const std::string& colour) {
    const auto& st = ts.style("label");
    const Length pad = Length::from_mm(1.4);
    const Length h = st.size + Length::from_mm(1.8);
    add_rect(page, {at.x, at.y, ts.width(text, st) + pad * 2, h}, colour, Length::from_mm(0.6));
    add_text(page, ts, text, "label", {at.x + pad, at.y + h / 2 + st.size.scaled(0.36)});
    return h;
}

// Sets the description in what is left between the name and the table; what does not fit
// is cut and reported (products have no short description to fall back on).
void draw_description(const PageContext& ctx, const content::Product& p, Rect box, Page& page) {
    const auto& body = ctx.ts.style("body");
    const int lines = ctx.ts.count_lines(p.description, body, box.w);
    const int fit = std::max(0, static_cast<int>(box.h.sp / std::max<std::int64_t>(1, body.leading.sp)));
    if (lines > fit) {
        if (ctx.fill) ctx.fill->overflowing.push_back(p.id);
        ctx.diags.warning("W-COMPOSE-021", p.loc,
                          "product \"" + p.name + "\" (" + p.id + "): description needs " +
                              std::to_string(lines) + " lines but page " + std::to_string(page.folio) +
                              " has room for " + std::to_string(fit) + "; " +
                              std::to_string(lines - fit) + " line(s) not printed",
                          "shorten the description or lower photo-share in layouts/templates.xml");
    }
    add_para(page, ctx.ts, p.description, "body", box, {"", false, fit});
}

void draw_product(const PageContext& ctx, const CellGrid& grid, double share, const content::Product& p, Rect cell,
                  const std::string& colour, Page& page) {
    const Typesetter& ts = ctx.ts;
    const Length gap = Length::from_mm(3), small = Length::from_mm(1.8);
    const Rect photo{cell.x, cell.y, cell.w, cell.h.scaled(share)};
    page.items.emplace_back(ImageItem{photo, ctx.photo_path(p.photo), 0.5, 0.5});

    Length y = photo.bottom() + gap;
    if (!p.category.empty()) y += draw_chip(page, ts, p.category, {cell.x, y}, colour) + small;
    const auto& rd = ts.style("reading");
    add_text(page, ts, p.reading, "reading", {cell.x, y + Typesetter::baseline_offset(rd)});
    y += rd.leading;
    y += add_name(page, ts, p.name, {cell.x, y, cell.w, cell.h}) + small;

    const auto rows = table_rows(p);
    const TableLayout t = measure_table(ts, rows, cell.w);
    const Rect table{cell.x, cell.bottom() - t.height, cell.w, t.height};
    draw_table(page, ts, rows, table, t, colour);
    // The description starts on the baseline grid, unless that costs it a line.
    const auto& body = ctx.ts.style("body");
    y = grid.snap_if_free(y, table.y - gap, ctx.ts.count_lines(p.description, body, cell.w), body.leading);
    draw_description(ctx, p, {cell.x, y, cell.w, table.y - gap - y}, page);
}

}  // namespace

void build_products(const PageContext& ctx, const content::PlanPage& plan,
                    const std::vector<std::string>& entries, Page& page) {
    const style::Template* t = ctx.layout.find_template(plan.tmpl);
    if (!t) return;
    const double share = std::clamp(t->get_double("photo-share", 0.4), 0.1, 0.8);
    const CellGrid grid = cell_grid(ctx, *t, plan.folio);
    const Rect hm = grid.area;
    const int cols = grid.columns, rows = grid.rows;
    const std::string colour = ctx.section_colour(plan.section);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const content::Product* p = find_product(ctx.book, entries[i]);
        if (!p) continue;
        const int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        if (r >= rows) break;
        const Rect cell = grid.cell(c, r);
        draw_product(ctx, grid, share, *p, cell, colour, page);
        // The same hairline as between stacked shop cards.
        if (r > 0 && c == 0) {
            const Length above = grid.cell(0, r - 1).bottom();
            const Length y = above + (cell.y - above) / 2;
            add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(0.5), "rule");
        }
    }
}

}  // namespace shokuhon::compose::pages
