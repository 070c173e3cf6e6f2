// Shop cards: photo, genre label and area, reading + name, headline, description,
// recommended dish, info block and icons. Variants come from the template: columns × rows
// cards per page, the photo on top (small cards) or on the left (large cards).
#include <algorithm>
#include <sstream>

#include "compose/pages/builders.h"
#include "compose/pages/format.h"

namespace shokuhon::compose::pages {
namespace {

struct CardStyles {
    std::string name, body, headline;
};

// The info block: one row per field, label in bold, value wrapping under itself.
struct InfoRow {
    std::string label, value;
};

std::vector<InfoRow> info_rows(const content::Shop& s, bool compact) {
    std::vector<InfoRow> rows;
    if (compact) {
        // Small cards: where, how to call, when; the rest is in the larger entries' info.
        rows.push_back({"住所", s.info.address});
        rows.push_back({"TEL", s.info.phone});
        rows.push_back({"営業", s.info.hours + "（" + s.info.closed + "休）"});
        return rows;
    }
    rows.push_back({"住所", s.info.address});
    std::string tel = s.info.phone;
    if (s.info.seats > 0) tel += "　席数 " + std::to_string(s.info.seats) + "席";
    rows.push_back({"TEL", tel});
    rows.push_back({"営業", s.info.hours});
    rows.push_back({"休み", s.info.closed});
    std::string budget;
    if (s.info.budget_lunch > 0) budget += "昼" + yen(s.info.budget_lunch);
    if (s.info.budget_dinner > 0) budget += (budget.empty() ? "夜" : "・夜") + yen(s.info.budget_dinner);
    if (!budget.empty()) rows.push_back({"予算", budget + "〜"});
    rows.push_back({"交通", s.info.access});
    std::string misc = "カード " + s.info.cards + "　" + s.info.smoking;
    if (!s.info.parking.empty()) misc += "　駐車場 " + s.info.parking;
    rows.push_back({"ほか", misc});
    return rows;
}

const Length kInfoPad = Length::from_mm(2.2);

Length info_height(const Typesetter& ts, const content::Shop& s, Length w, bool compact) {
    const auto& st = ts.style("info");
    const Length label_w = ts.width("住所", ts.style("info-label")) + Length::from_mm(2);
    Length h = kInfoPad * 2;
    for (const auto& r : info_rows(s, compact)) {
        h += st.leading * std::max(1, ts.count_lines(r.value, st, w - kInfoPad * 2 - label_w));
    }
    return h;
}

Length draw_info(Page& page, const Typesetter& ts, const content::Shop& s, Rect box,
                 const std::string& colour, bool compact) {
    const auto& st = ts.style("info");
    const Length label_w = ts.width("住所", ts.style("info-label")) + Length::from_mm(2);
    const Length h = max(box.h, info_height(ts, s, box.w, compact));  // the row's tallest
    add_rect(page, {box.x, box.y, box.w, h}, "info-tint", Length::from_mm(1));
    add_rect(page, {box.x, box.y, Length::from_mm(0.8), h}, colour);
    Length y = box.y + kInfoPad;
    const Length base = Typesetter::baseline_offset(st);
    for (const auto& r : info_rows(s, compact)) {
        add_text(page, ts, r.label, "info-label", {box.x + kInfoPad, y + base}, colour);
        const Rect vb{box.x + kInfoPad + label_w, y, box.w - kInfoPad * 2 - label_w, h};
        TextOptions o;
        o.no_indent = true;
        const TextBlock b = ts.paragraph(r.value, st, vb.w, o);
        add_block(page, b, {vb.x, vb.y});
        y += st.leading * std::max(1, b.lines);
    }
    return h;
}

// 持 P カ 個 子 禁: small vector badges for the shop's features.
void draw_icons(Page& page, const Typesetter& ts, const content::Shop& s, Point right_top,
                const std::string& colour, bool on_photo = false) {
    static constexpr std::pair<const char*, const char*> kIcons[] = {
        {"takeout", "持"}, {"parking", "P"}, {"cards", "カ"},
        {"private-room", "個"}, {"kids", "子"}, {"non-smoking", "禁"}};
    const Length d = Length::from_mm(4.2);
    Length x = right_top.x - d;
    const auto& st = ts.style("label");
    for (auto it = std::rbegin(kIcons); it != std::rend(kIcons); ++it) {
        if (std::find(s.icons.begin(), s.icons.end(), it->first) == s.icons.end()) continue;
        // On a photo a white ring keeps the badge readable against any picture.
        page.items.emplace_back(CircleItem{{x + d / 2, right_top.y + d / 2}, d / 2, colour,
                                           on_photo ? "white" : "", on_photo ? Length::from_pt(0.8) : Length{}});
        const Length tw = ts.width(it->second, st);
        add_text(page, ts, it->second, "label",
                 {x + (d - tw) / 2, right_top.y + d / 2 + st.size.scaled(0.36)});
        x -= d + Length::from_mm(0.8);
    }
}

// Genre chip in the section colour, then the area in grey; returns the height used.
Length draw_label(Page& page, const Typesetter& ts, const content::Shop& s, Point at,
                  const std::string& colour, int map_number) {
    const auto& st = ts.style("label");
    const Length pad = Length::from_mm(1.4);
    const Length h = st.size + Length::from_mm(1.8);
    const Length w = ts.width(s.genre, st) + pad * 2;
    add_rect(page, {at.x, at.y, w, h}, colour, Length::from_mm(0.6));
    add_text(page, ts, s.genre, "label", {at.x + pad, at.y + h / 2 + st.size.scaled(0.36)});
    const Length base = at.y + h / 2 + st.size.scaled(0.36);
    add_text(page, ts, s.area, "caption", {at.x + w + Length::from_mm(2), base}, "grey");
    (void)map_number;
    return h;
}

Length draw_dish(Page& page, const Typesetter& ts, const content::Shop& s, Rect box,
                 const std::string& colour) {
    const auto& st = ts.style("dish");
    const Length h = st.leading + Length::from_mm(1.2);
    const Length chip_w = ts.width("おすすめ", ts.style("label")) + Length::from_mm(2.8);
    add_rect(page, {box.x, box.y, chip_w, h}, colour, Length::from_mm(0.6));
    const Length base = box.y + h / 2 + st.size.scaled(0.36);
    add_text(page, ts, "おすすめ", "label", {box.x + Length::from_mm(1.4), base});
    const std::string price = yen(s.dish_price);
    const Length pw = ts.width(price, st);
    add_text(page, ts, s.dish, "dish", {box.x + chip_w + Length::from_mm(2), base});
    add_text(page, ts, price, "dish", {box.right() - pw, base}, colour);
    add_line(page, {box.x, box.y + h}, {box.right(), box.y + h}, Length::from_pt(0.5), "rule", true);
    return h;
}

// The shop name on one line: a name wider than its column is set smaller (down to 70 %),
// never broken inside the name.
Length draw_name(Page& page, const Typesetter& ts, const std::string& name, const std::string& style,
                 Point at, Length width) {
    style::TextStyle st = ts.style(style);
    const Length natural = ts.width(name, st);
    if (natural.scaled(0.7) > width) {
        // Too long even at 70 %: two lines, broken at the space between the name's parts
        // (ビーチサイドバーガー　ドリフト), each set as large as it fits.
        std::size_t cut = name.rfind("　");
        std::size_t skip = 3;
        if (cut == std::string::npos) {
            cut = name.rfind(' ');
            skip = 1;
        }
        if (cut != std::string::npos && cut > 0) {
            const Length h = draw_name(page, ts, name.substr(0, cut), style, at, width);
            return h + draw_name(page, ts, name.substr(cut + skip), style, {at.x, at.y + h}, width);
        }
    }
    if (natural > width) st.size = st.size.scaled(std::max(0.7, width.pt() / natural.pt()));
    GlyphRun run = ts.line(name, st, {at.x, at.y + Typesetter::baseline_offset(ts.style(style))});
    page.items.emplace_back(std::move(run));
    return st.leading;
}

// The shop's pin number on the area maps, as a pin on the photo's corner (the same mark as on
// the map), with the map's page beside it.
void draw_map_pin(const PageContext& ctx, const content::Shop& s, Rect photo, Page& page,
                  const std::string& colour) {
    auto it = ctx.map.map_number.find(s.id);
    if (it == ctx.map.map_number.end()) return;
    const Length r = Length::from_mm(3.2);
    // A photo that bleeds off the trim keeps its pin inside the 版面, clear of the cut.
    const Rect hm = ctx.hanmen(page.folio);
    // A photo on the 版面's right edge with text on its left (card2 on a right-hand page) has
    // its pin on its outer corner, like its mirror image on the left-hand page.
    const bool right = photo.x > hm.x + Length::from_mm(1) && photo.right() >= hm.right() - Length::from_mm(1);
    const Length inset = r + Length::from_mm(1.5);
    const Point c{right ? min(photo.right(), hm.right()) - inset : max(photo.x, hm.x) + inset,
                  max(photo.y, hm.y) + inset};
    page.items.emplace_back(CircleItem{c, r, colour, "white", Length::from_pt(1)});
    const auto& st = ctx.ts.style("label");
    const std::string n = std::to_string(it->second);
    const Length w = ctx.ts.width(n, st);
    add_text(page, ctx.ts, n, "label", {c.x - w / 2, c.y + st.size.scaled(0.36)});
}

struct CardFrames {
    Rect photo, col, head;
};

// Where the photo, the text column and the heading go, per the template's photo-position.
CardFrames card_frames(const PageContext& ctx, const style::Template& t, Rect cell, int folio) {
    const double share = std::clamp(t.get_double("photo-share", 0.35), 0.1, 0.8);
    const std::string position = t.get("photo-position", "top");
    const Length gap = Length::from_mm(3);
    CardFrames f;
    // "outside": the photo on the page's outer side (left on a left-hand page, right on a
    // right-hand one), so that facing pages mirror.
    const bool right = position == "right" || (position == "outside" && PageContext::recto(folio));
    if (position == "left" || position == "right" || position == "outside") {
        // Large card: a full-height photo on one side, everything else in the text column.
        const Length pw = cell.w.scaled(share), space = Length::from_mm(5);
        f.photo = {right ? cell.right() - pw : cell.x, cell.y, pw, cell.h};
        f.col = {right ? cell.x : f.photo.right() + space, cell.y, cell.w - pw - space, cell.h};
        f.head = f.col;
    } else if (position == "beside") {
        // Small card: the photo beside the heading, the text below both at full width.
        const double height = std::clamp(t.get_double("photo-height", 0.27), 0.1, 0.6);
        f.photo = {cell.x, cell.y, cell.w.scaled(share), cell.h.scaled(height)};
        f.col = cell;
        f.head = {f.photo.right() + gap, cell.y, cell.w - f.photo.w - gap, f.photo.h};
    } else {
        f.photo = {cell.x, cell.y, cell.w, cell.h.scaled(share)};
        f.col = {cell.x, f.photo.bottom() + gap, cell.w, cell.h - f.photo.h - gap};
        f.head = f.col;
        // A feature card's photo bleeds off the top and both side edges of the page.
        const Rect hm = ctx.hanmen(folio);
        if (t.get("photo-bleed", "no") == "yes" && cell.y == hm.y) {
            const auto& g = ctx.geo();
            const Length top = -g.bleed;
            f.photo = {-g.bleed, top, g.trim_w + g.bleed * 2, f.photo.bottom() - top};
        }
    }
    return f;
}

// The heading block (label, icons, reading, name, headline); returns where the text starts.
Length draw_heading(const PageContext& ctx, const style::Template& t, const content::Shop& s,
                    const CardFrames& f, Page& page, const std::string& colour) {
    const Typesetter& ts = ctx.ts;
    const Length small = Length::from_mm(1.8);
    const bool large = t.get("photo-position", "top") != "beside" && t.get("name-style") == "shop-name-large";
    Length y = f.head.y;
    y += draw_label(page, ts, s, {f.head.x, y}, colour, 0) + small;
    if (t.get("photo-position", "top") == "beside") {
        // A beside card's heading is narrow: its badges would run into the genre and area,
        // so they sit on the photo's lower right corner.
        const Length inset = Length::from_mm(1.5), d = Length::from_mm(4.2);
        draw_icons(page, ts, s, {f.photo.right() - inset, f.photo.bottom() - inset - d}, colour, true);
    } else {
        draw_icons(page, ts, s, {f.head.right(), f.head.y}, colour);
    }
    const auto& rd = ts.style("reading");
    add_text(page, ts, s.reading, "reading", {f.head.x, y + Typesetter::baseline_offset(rd)});
    y += rd.leading;
    y += draw_name(page, ts, s.name, t.get("name-style", "shop-name"), {f.head.x, y}, f.head.w) + small;
    y += add_para(page, ts, s.headline, t.get("headline-style", large ? "headline-large" : "headline"),
                  {f.head.x, y, f.head.w, f.head.h}, {colour, true, 0}) + small;
    if (f.head.x != f.col.x) y = max(y, f.photo.bottom() + Length::from_mm(3));
    return y;
}

// The gap between the description's columns (<frame name="text" gap=…>, default 5 mm).
Length text_gap(const style::Template& t) {
    return style::parse_length(t.get("text-gap", "5mm")).value_or(Length::from_mm(5));
}

struct FittedText {
    std::string text, style;
    int lines = 0, fit = 0, columns = 1;
};

// The layout's fitting policy for the description, tried in order (fit="shorten smaller report"):
// shorten = the entry's short description; smaller = the template's small-body-style. What still
// does not fit is reported with the lines lost; nothing is cut silently.
FittedText fit_description(const PageContext& ctx, const style::Template& t, const content::Shop& s,
                           Length width, Length avail, int folio) {
    const Typesetter& ts = ctx.ts;
    FittedText f;
    f.columns = std::max(1, t.get_int("text-columns", 1));
    const Length gap = text_gap(t);
    const Length col_w = (width - gap * (f.columns - 1)) / f.columns;
    f.style = t.get("body-style", "body");
    const bool prefer_short = t.get("description", "full") == "short" && !s.short_description.empty();
    f.text = prefer_short ? s.short_description : s.description;
    auto measure = [&] {
        const auto& st = ts.style(f.style);
        const int total = ts.count_lines(f.text, st, col_w);
        f.lines = (total + f.columns - 1) / f.columns;
        f.fit = std::max(0, static_cast<int>(avail.sp / std::max<std::int64_t>(1, st.leading.sp)));
    };
    measure();
    std::istringstream policy(t.get("fit", "shorten report"));
    for (std::string step; f.lines > f.fit && policy >> step;) {
        if (step == "shorten" && !s.short_description.empty() && f.text != s.short_description) {
            f.text = s.short_description;
            if (ctx.fill) ctx.fill->shortened.push_back(s.id);
            ctx.diags.add({Severity::kNote, "N-COMPOSE-001", "shop \"" + s.name + "\" (" + s.id +
                           "): description too long for a " + t.id + " card on page " +
                           std::to_string(folio) + "; its short description is printed", s.loc, {}});
        } else if (step == "smaller" && !t.get("small-body-style").empty()) {
            f.style = t.get("small-body-style");
        }
        measure();
    }
    return f;
}

void report_overflow(const PageContext& ctx, const style::Template& t, const content::Shop& s,
                     const FittedText& f, int folio) {
    if (ctx.fill) ctx.fill->overflowing.push_back(s.id);
    ctx.diags.warning("W-COMPOSE-002", s.loc,
                      "shop \"" + s.name + "\" (" + s.id + "): description needs " + std::to_string(f.lines) +
                          " lines but the " + t.id + " card on page " + std::to_string(folio) +
                          " has room for " + std::to_string(f.fit) + "; " +
                          std::to_string(f.lines - f.fit) + " line(s) not printed",
                      "shorten the description or give the shop a larger card in content/plan.xml");
}

// Sets the description, in one or more columns, from the top of `box`.
void draw_description(Page& page, const Typesetter& ts, const FittedText& f, Rect box, Length gap) {
    const auto& st = ts.style(f.style);
    const Length col_w = (box.w - gap * (f.columns - 1)) / f.columns;
    TextBlock block = ts.paragraph(f.text, st, col_w);
    const int per_col = std::min(f.lines, f.fit);
    for (int i = 0; i < static_cast<int>(block.runs.size()); ++i) {
        const int c = per_col > 0 ? i / per_col : 0;
        if (c >= f.columns) break;
        GlyphRun run = block.runs[static_cast<std::size_t>(i)];
        run.origin.x += box.x + (col_w + gap) * c;
        run.origin.y += box.y - st.leading * (per_col * c);
        page.items.emplace_back(std::move(run));
    }
}

// The info block's height in a card; cards side by side give theirs the row's tallest, so
// that their dish rows and info blocks line up.
Length card_info_height(const PageContext& ctx, const style::Template& t, const content::Shop& s,
                        Rect cell, int folio) {
    const CardFrames f = card_frames(ctx, t, cell, folio);
    return info_height(ctx.ts, s, f.col.w, t.get("info", "full") == "compact");
}

void draw_card(const PageContext& ctx, const style::Template& t, const CellGrid& grid,
               const content::Shop& s, Rect cell, Length ih, Page& page) {
    const Typesetter& ts = ctx.ts;
    const std::string colour = ctx.section_colour(s.section);
    const Length gap = Length::from_mm(3);
    const CardFrames f = card_frames(ctx, t, cell, page.folio);
    page.items.emplace_back(ImageItem{f.photo, ctx.photo_path(s.photo), 0.5, 0.5});
    draw_map_pin(ctx, s, f.photo, page, colour);
    const Length head_end = draw_heading(ctx, t, s, f, page, colour);

    // Bottom-up: the info block sits at the card's foot, the dish row above it.
    const bool compact = t.get("info", "full") == "compact";
    const Length dish_h = ts.style("dish").leading + Length::from_mm(1.2);
    const Length dish_y = f.col.bottom() - ih - gap - dish_h;
    // The description starts on the template's baseline grid, unless that costs it its full
    // text or a line (tried quietly first: fitting reports what it shortens).
    Length y = grid.snap(head_end);
    if (y != head_end) {
        Diagnostics quiet;
        const PageContext trial{ctx.book, ctx.layout, ctx.ts, ctx.map, quiet, ctx.content_dir, nullptr};
        const FittedText on_grid = fit_description(trial, t, s, f.col.w, dish_y - gap - y, page.folio);
        const FittedText off_grid = fit_description(trial, t, s, f.col.w, dish_y - gap - head_end, page.folio);
        const auto loss = [](const FittedText& x) { return std::max(0, x.lines - x.fit); };
        if (on_grid.text != off_grid.text || on_grid.style != off_grid.style || loss(on_grid) > loss(off_grid)) {
            y = head_end;
        }
    }
    const Length avail = dish_y - gap - y;
    const FittedText text = fit_description(ctx, t, s, f.col.w, avail, page.folio);
    if (text.lines > text.fit) report_overflow(ctx, t, s, text, page.folio);
    if (ctx.fill) {
        const Length used = ts.style(text.style).leading * std::min(text.lines, text.fit);
        ctx.fill->white_space_cm2 += std::max(0.0, (avail - used).mm() * f.col.w.mm() / 100.0);
    }
    draw_description(page, ts, text, {f.col.x, y, f.col.w, avail}, text_gap(t));
    draw_dish(page, ts, s, {f.col.x, dish_y, f.col.w, dish_h}, colour);
    draw_info(page, ts, s, {f.col.x, f.col.bottom() - ih, f.col.w, ih}, colour, compact);
}

}  // namespace

void build_shop_cards(const PageContext& ctx, const content::PlanPage& plan,
                      const std::vector<std::string>& entries, Page& page) {
    const style::Template& t = *ctx.layout.find_template(plan.tmpl);
    const CellGrid grid = cell_grid(ctx, t, plan.folio);
    const Rect hm = grid.area;
    std::vector<const content::Shop*> shops;
    for (const auto& id : entries) shops.push_back(ctx.book.find_shop(id));
    for (std::size_t i = 0; i < shops.size(); ++i) {
        if (!shops[i]) continue;
        const int c = static_cast<int>(i) % grid.columns, r = static_cast<int>(i) / grid.columns;
        const Rect cell = grid.cell(c, r);
        Length ih;
        for (int k = 0; k < grid.columns; ++k) {
            const std::size_t j = static_cast<std::size_t>(r * grid.columns + k);
            if (j < shops.size() && shops[j]) {
                ih = max(ih, card_info_height(ctx, t, *shops[j], grid.cell(k, r), plan.folio));
            }
        }
        draw_card(ctx, t, grid, *shops[i], cell, ih, page);
        // A hairline between stacked cards keeps them apart without boxing them in.
        if (r > 0 && c == 0) {
            const Length above = grid.cell(0, r - 1).bottom();
            const Length y = above + (cell.y - above) / 2;
            add_line(page, {hm.x, y}, {hm.right(), y}, Length::from_pt(0.5), "rule");
        }
    }
}

}  // namespace shokuhon::compose::pages
