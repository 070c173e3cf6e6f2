// The time × theme matrix: page title, the section's lead, then a table filling the rest of
// the type area. Rows are times of day, columns themes; each cell lists the section's shops
// for that time and theme with their page reference, each linked to its page.
#include <algorithm>
#include <array>
#include <utility>

#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {
namespace {

// Times of day in the order of a day, as the schema allows them.
constexpr std::array<std::pair<const char*, const char*>, 5> kTimes = {{
    {"morning", "朝"}, {"lunch", "ランチ"}, {"cafe", "カフェタイム"}, {"dinner", "ディナー"},
    {"late", "深夜"}}};

// Themes as the content names them: the editors' usual order first, any other theme after
// them in order of first appearance, so that a new theme gets a column without a code change.
std::vector<std::string> matrix_themes(const content::Book& book, const std::string& section) {
    constexpr std::array<const char*, 4> kPreferred = {"ひとりで", "家族で", "デートで", "仲間と"};
    std::vector<std::string> seen, out;
    for (const auto& s : book.shops) {
        if (s.section != section || s.theme.empty()) continue;
        if (std::find(seen.begin(), seen.end(), s.theme) == seen.end()) seen.push_back(s.theme);
    }
    for (const char* p : kPreferred) {
        if (std::find(seen.begin(), seen.end(), p) != seen.end()) out.emplace_back(p);
    }
    for (const auto& t : seen) {
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

struct Grid {
    Rect area;
    Length head_h, row_h, label_w, col_w;
    static constexpr std::int64_t kRows = static_cast<std::int64_t>(kTimes.size());
    // Cells sit apart by a hairline of paper, so that the coloured heads read as tabs.
    Length gap = Length::from_mm(0.8);

    // r = -1: the theme heads; c = -1: the time heads.
    Rect cell(std::int64_t r, std::int64_t c) const {
        const Length x = c < 0 ? area.x : area.x + label_w + gap + (col_w + gap) * c;
        const Length y = r < 0 ? area.y : area.y + head_h + gap + (row_h + gap) * r;
        return {x, y, c < 0 ? label_w : col_w, r < 0 ? head_h : row_h};
    }
};

Grid make_grid(const Typesetter& ts, Rect area, std::size_t themes) {
    Grid g;
    g.area = area;
    const auto& hs = ts.style("matrix-head");
    g.head_h = hs.leading + Length::from_mm(4);
    Length widest;
    for (const auto& t : kTimes) widest = max(widest, ts.width(t.second, hs));
    g.label_w = max(widest + Length::from_mm(6), area.w.scaled(0.13));
    const auto n = static_cast<std::int64_t>(std::max<std::size_t>(1, themes));
    g.col_w = (area.w - g.label_w - g.gap * n) / n;
    g.row_h = (area.h - g.head_h - g.gap * Grid::kRows) / Grid::kRows;
    return g;
}

// A head cell: the section colour with its text centred both ways.
void draw_head(Page& page, const Typesetter& ts, const std::string& text, Rect c,
               const std::string& colour) {
    add_rect(page, c, colour);
    const auto& hs = ts.style("matrix-head");
    add_para(page, ts, text, "matrix-head", {c.x, c.y + (c.h - hs.leading) / 2, c.w, hs.leading},
             {"", true, 1});
}

// One shop in a cell, set before it is placed so that a row can centre its cells' contents.
struct Entry {
    const content::Shop* shop = nullptr;
    std::vector<std::string> lines;  // the name, broken
    std::string ref;
    Length height;
};

const Length kDot = Length::from_mm(2.4);  // room for the bullet before the name
const Length kRefGap = Length::from_mm(1);
const Length kSpacing = Length::from_mm(2.5);  // between entries of a cell

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool ideo = s.compare(i, 3, "\u3000") == 0;
        if (s[i] == ' ' || ideo) {
            if (!words.back().empty()) words.emplace_back();
            if (ideo) i += 2;
        } else {
            words.back() += s[i];
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

// Shop names are "genre word + name" ("地魚まわし寿司 うみどり"): when the name and its reference
// do not share one line, the name breaks at its spaces, and the reference must still fit after
// the last line. Names that cannot break that way go to the line breaker, set narrower by the
// reference's width.
std::vector<std::string> name_lines(const Typesetter& ts, const std::string& name, Length w,
                                    Length ref_w) {
    const auto& cs = ts.style("matrix-cell");
    if (ts.width(name, cs) + ref_w <= w) return {name};
    std::vector<std::string> lines;
    for (const auto& word : split_words(name)) {
        if (!lines.empty() && ts.width(lines.back() + " " + word, cs) <= w) {
            lines.back() += " " + word;
        } else {
            lines.push_back(word);
        }
    }
    // The last line needs room for the reference: give its last word a line of its own.
    if (!lines.empty() && ts.width(lines.back(), cs) + ref_w > w) {
        if (const auto sp = lines.back().rfind(' '); sp != std::string::npos) {
            std::string last = lines.back().substr(sp + 1);
            lines.back().resize(sp);
            lines.push_back(std::move(last));
        }
    }
    const bool fits = std::all_of(lines.begin(), lines.end(),
                                  [&](const std::string& l) { return ts.width(l, cs) <= w; });
    if (fits && !lines.empty() && ts.width(lines.back(), cs) + ref_w <= w) return lines;
    lines.clear();
    for (const auto& run : ts.paragraph(name, cs, w - ref_w, {"", true, 0}).runs) lines.push_back(run.utf8);
    return lines;
}

Entry set_entry(const PageContext& ctx, const content::Shop& s, Length w) {
    const Typesetter& ts = ctx.ts;
    const auto& cs = ts.style("matrix-cell");
    Entry e;
    e.shop = &s;
    if (const auto f = ctx.map.entry_folio.find(s.id); f != ctx.map.entry_folio.end()) {
        e.ref = page_ref(f->second);
    }
    const Length ref_w = e.ref.empty() ? Length{} : ts.width(e.ref, cs) + kRefGap;
    e.lines = name_lines(ts, s.name, w - kDot, ref_w);
    e.height = cs.leading * static_cast<std::int64_t>(e.lines.size()) +
               (s.genre.empty() ? Length{} : ts.style("small").leading);
    return e;
}

// A dot in the section colour, the name, the reference in the section colour, the genre in
// grey below; the whole entry links to the shop's page.
void draw_entry(const PageContext& ctx, const Entry& e, Rect box, const std::string& colour,
                Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& cs = ts.style("matrix-cell");
    Length base = box.y + Typesetter::baseline_offset(cs);
    const Length r = cs.size.scaled(0.2);
    page.items.emplace_back(CircleItem{{box.x + r, base - cs.size.scaled(0.36)}, r, colour, "", {}});
    for (std::size_t i = 0; i < e.lines.size(); ++i) {
        if (i > 0) base += cs.leading;
        add_text(page, ts, e.lines[i], "matrix-cell", {box.x + kDot, base});
    }
    if (!e.ref.empty() && !e.lines.empty()) {
        const Length x = box.x + kDot + ts.width(e.lines.back(), cs) + kRefGap;
        add_text(page, ts, e.ref, "matrix-cell", {x, base}, colour);
    }
    // The genre sits in the line below the name's last line.
    const Length below = base - Typesetter::baseline_offset(cs) + cs.leading;
    add_text(page, ts, e.shop->genre, "small",
             {box.x + kDot, below + Typesetter::baseline_offset(ts.style("small"))}, "grey");
    if (const auto f = ctx.map.entry_folio.find(e.shop->id); f != ctx.map.entry_folio.end()) {
        const auto idx = ctx.map.page_index_of_folio.find(f->second);
        if (idx != ctx.map.page_index_of_folio.end()) {
            page.items.emplace_back(LinkItem{{box.x, box.y, box.w, e.height}, idx->second});
        }
    }
}

Length stack_height(const std::vector<Entry>& entries) {
    Length h;
    for (const auto& e : entries) h += e.height;
    return entries.empty() ? h : h + kSpacing * static_cast<std::int64_t>(entries.size() - 1);
}

// Entries from `y` down; those that do not fit are reported and left out.
void draw_cell(const PageContext& ctx, const std::vector<Entry>& entries, Rect inner, Length y,
               const std::string& colour, const content::PlanPage& plan, Page& page) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (y + e.height > inner.bottom()) {
            ctx.diags.warning("W-COMPOSE-024", plan.loc,
                              "time × theme matrix on page " + std::to_string(plan.folio) + ": " +
                                  std::to_string(entries.size() - i) + " shop(s) from \"" +
                                  e.shop->name + "\" on do not fit their cell; they are not listed",
                              "give the matrix more room or move shops to another time or theme");
            return;
        }
        draw_entry(ctx, e, {inner.x, y, inner.w, e.height}, colour, page);
        y += e.height + kSpacing;
    }
}

// Title and lead; returns where the table may start.
Length draw_header(const PageContext& ctx, const content::PlanPage& plan, Rect hm, Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& title = ts.style("page-title");
    add_text(page, ts, "時間帯×テーマで選ぶ", "page-title", {hm.x, hm.y + Typesetter::baseline_offset(title)});
    Length y = hm.y + title.leading + Length::from_mm(3);
    if (const auto* s = ctx.book.find_section(plan.section); s && !s->lead.empty()) {
        // A lead line of about 40 characters reads better than one across the whole page.
        y += add_para(page, ts, s->lead, "lead", {hm.x, y, hm.w.scaled(0.75), hm.h}, {"", true, 0});
    }
    return y + Length::from_mm(6);
}

// The heads, the alternate row tints and the hairlines between theme columns.
void draw_table_frame(const Typesetter& ts, const Grid& g, const std::vector<std::string>& themes,
                      const std::string& colour, Page& page) {
    for (std::size_t c = 0; c < themes.size(); ++c) {
        draw_head(page, ts, themes[c], g.cell(-1, static_cast<std::int64_t>(c)), colour);
    }
    const Rect first = g.cell(0, 0);
    const Length body_w = g.area.right() - first.x;
    for (std::int64_t r = 0; r < Grid::kRows; ++r) {
        const Rect label = g.cell(r, -1);
        draw_head(page, ts, kTimes[static_cast<std::size_t>(r)].second, label, colour);
        if (r % 2 == 0) add_rect(page, {first.x, label.y, body_w, label.h}, "paper-tint");
    }
    const Length top = first.y, bottom = g.cell(Grid::kRows - 1, 0).bottom();
    for (std::size_t c = 1; c < themes.size(); ++c) {
        const Length x = g.cell(0, static_cast<std::int64_t>(c)).x - g.gap / 2;
        add_line(page, {x, top}, {x, bottom}, Length::from_pt(0.5), "rule");
    }
    add_line(page, {first.x, bottom}, {g.area.right(), bottom}, Length::from_pt(1), colour);
}

// One time of day: every cell's entries start at the same height, and the tallest cell's
// stack is centred in the row, so that sparse rows do not leave their space all at the foot.
void draw_row(const PageContext& ctx, const content::PlanPage& plan, const Grid& g,
              std::int64_t r, const std::vector<std::string>& themes, const std::string& colour,
              Page& page) {
    const Length pad = Length::from_mm(2.5);
    const char* time = kTimes[static_cast<std::size_t>(r)].first;
    std::vector<std::vector<Entry>> cells(themes.size());
    Length tallest;
    for (std::size_t c = 0; c < themes.size(); ++c) {
        const Rect cell = g.cell(r, static_cast<std::int64_t>(c));
        for (const auto& s : ctx.book.shops) {
            if (s.section == plan.section && s.time == time && s.theme == themes[c]) {
                cells[c].push_back(set_entry(ctx, s, cell.w - pad * 2));
            }
        }
        tallest = max(tallest, stack_height(cells[c]));
    }
    for (std::size_t c = 0; c < themes.size(); ++c) {
        const Rect cell = g.cell(r, static_cast<std::int64_t>(c));
        const Rect inner{cell.x + pad, cell.y + pad, cell.w - pad * 2, cell.h - pad * 2};
        const Length y = inner.y + max(Length{}, (inner.h - tallest) / 2);
        draw_cell(ctx, cells[c], inner, y, colour, plan, page);
    }
}

// A shop of the section without a time or a theme has no cell: say so rather than leave it
// out silently (its card is still printed).
void report_cellless(const PageContext& ctx, const content::PlanPage& plan) {
    for (const auto& s : ctx.book.shops) {
        if (s.section != plan.section || (!s.time.empty() && !s.theme.empty())) continue;
        ctx.diags.warning("W-COMPOSE-026", s.loc,
                          "shop \"" + s.name + "\" (" + s.id + ") has no " +
                              (s.time.empty() ? "time" : "theme") +
                              " and is not listed in the time × theme matrix on page " +
                              std::to_string(plan.folio),
                          "give it time=\"...\" and theme=\"...\" in its shop file");
    }
}

}  // namespace

void build_matrix(const PageContext& ctx, const content::PlanPage& plan,
                  const std::vector<std::string>&, Page& page) {
    const Rect hm = ctx.hanmen(plan.folio);
    const std::string colour = ctx.section_colour(plan.section);
    report_cellless(ctx, plan);
    const Length top = draw_header(ctx, plan, hm, page);
    const auto themes = matrix_themes(ctx.book, plan.section);
    if (themes.empty()) return;
    const Grid g = make_grid(ctx.ts, {hm.x, top, hm.w, hm.bottom() - top}, themes.size());
    draw_table_frame(ctx.ts, g, themes, colour, page);
    for (std::int64_t r = 0; r < Grid::kRows; ++r) draw_row(ctx, plan, g, r, themes, colour, page);
}

}  // namespace shokuhon::compose::pages
