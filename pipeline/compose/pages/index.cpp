// The indexes: every shop by 50音 row (build_index) and by area (build_index_area). An index
// may span several plan pages: the whole flow is laid out the same way for each of them, and
// each page draws only its own slice, so that no page depends on another having been built
// first. Within a build the layout is worked out once per index kind (BuildMemo) and shared.
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <array>
#include <string_view>
#include <tuple>
#include <utility>

#include "compose/pages/builders.h"

namespace shokuhon::compose::pages {

// Pure parts, with external linkage so that tests/unit/compose can reach them.
namespace index_detail {

namespace {

// Length in bytes of the UTF-8 sequence starting with b0 (1 for stray bytes).
std::size_t sequence_length(unsigned char b0) {
    return b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
}

// The first code point of UTF-8 text (0 for empty or truncated text).
char32_t first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]);
    const std::size_t n = sequence_length(b0);
    if (n == 1) return b0 < 0x80 ? b0 : 0;
    if (s.size() < n) return 0;
    char32_t cp = b0 & (0xFFu >> (n + 1));
    for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
    return cp;
}

bool is_katakana(char32_t cp) { return cp >= U'ァ' && cp <= U'ヶ'; }

// Katakana and hiragana are 3-byte sequences, and the hiragana block is 0x60 below the
// katakana one.
void append_hiragana(std::string& out, char32_t katakana) {
    const char32_t cp = katakana - 0x60;
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

// The reading with katakana folded into hiragana: byte order of the key is then 50音 order
// for plain readings (voiced kana sort right after their plain kana).
std::string sort_key(std::string_view reading) {
    std::string out;
    out.reserve(reading.size());
    for (std::size_t i = 0; i < reading.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(reading[i])),
                                       reading.size() - i);
        const char32_t cp = first_code_point(reading.substr(i, n));
        if (is_katakana(cp)) {
            append_hiragana(out, cp);
        } else {
            out.append(reading.substr(i, n));
        }
        i += n;
    }
    return out;
}

// 0 = あ行 … 9 = わ行, 10 = anything else (Latin, digits). Katakana count as their hiragana;
// voiced and small kana go with their row (が → か行, ぱ → は行, ゃ → や行).
int gojuon_row(std::string_view reading) {
    char32_t cp = first_code_point(reading);
    if (is_katakana(cp)) cp -= 0x60;  // katakana → hiragana
    if (cp >= U'ヷ' && cp <= U'ヺ') return 9;     // ヷ ヸ ヹ ヺ: voiced わ行
    if (cp == U'ゔ') return 0;                      // ゔ goes with う
    if (cp == U'ゕ' || cp == U'ゖ') return 1;      // small か, け
    constexpr std::array<char32_t, 10> kStarts = {U'ぁ', U'か', U'さ', U'た', U'な',
                                                  U'は', U'ま', U'ゃ', U'ら', U'ゎ'};
    if (cp < kStarts[0] || cp > U'ん') return 10;
    int row = 0;
    for (std::size_t i = 0; i < kStarts.size(); ++i) {
        if (cp >= kStarts[i]) row = static_cast<int>(i);
    }
    return row;
}

// Places index items into columns in order. A heading keeps with the item after it, so a
// heading never stands alone at a column's foot; `gap` is the space above a heading that does
// not open a column. Returns each item's column and its y in that column; column -1: no room.
// With `continued`, a column that opens in the middle of a group repeats the group's heading
// at its top (「洋食（続き）」): continued[column] is then that heading's item, else -1.
std::vector<std::pair<int, Length>> flow_columns(const std::vector<Length>& heights,
                                                 const std::vector<bool>& heading, Length gap,
                                                 const std::vector<Length>& columns,
                                                 std::vector<int>* continued) {
    std::vector<std::pair<int, Length>> out(heights.size(), {-1, Length{}});
    if (continued) continued->assign(columns.size(), -1);
    std::size_t col = 0;
    Length y;
    int open_head = -1;  // the heading of the group being placed
    for (std::size_t i = 0; i < heights.size(); ++i) {
        const bool head = i < heading.size() && heading[i];
        // What a new column opened by item i must hold above it.
        const Length repeat = continued && !head && open_head >= 0 ? heights[static_cast<std::size_t>(open_head)]
                                                                  : Length{};
        auto need = [&](Length at) {
            Length n = heights[i] + (head && at > Length{} ? gap : Length{});
            if (head && i + 1 < heights.size()) n += heights[i + 1];
            return n;
        };
        // An item taller than every column left has no room, and nor has any item after it.
        bool opened = false;
        while (col < columns.size() && y + need(y) > columns[col]) {
            ++col;
            y = repeat;
            opened = true;
        }
        if (col >= columns.size()) break;
        if (opened && repeat > Length{}) (*continued)[col] = open_head;
        if (head) open_head = static_cast<int>(i);
        if (head && y > Length{}) y += gap;
        out[i] = {static_cast<int>(col), y};
        y += heights[i];
    }
    return out;
}

std::vector<std::pair<int, Length>> flow_columns(const std::vector<Length>& heights,
                                                 const std::vector<bool>& heading, Length gap,
                                                 const std::vector<Length>& columns) {
    return flow_columns(heights, heading, gap, columns, nullptr);
}

// The columns of the last page that holds items, shortened to one height, as far as the
// flow still places every item it placed before and no later than that page: its columns then
// end level instead of leaving the last one short. `page_of` gives each column's page.
std::vector<Length> balance_last_page(const std::vector<Length>& heights,
                                      const std::vector<bool>& heading, Length gap,
                                      std::vector<Length> columns, const std::vector<int>& page_of,
                                      bool repeat_headings) {
    std::vector<int> scratch;
    std::vector<int>* cont = repeat_headings ? &scratch : nullptr;
    const auto full = flow_columns(heights, heading, gap, columns, cont);
    int last = -1;
    std::size_t placed = 0;
    for (const auto& p : full) {
        if (p.first < 0) continue;
        last = std::max(last, p.first);
        ++placed;
    }
    if (last < 0) return columns;
    const int page = page_of[static_cast<std::size_t>(last)];
    auto limited = [&](Length limit) {
        auto cols = columns;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (page_of[c] == page) cols[c] = min(cols[c], limit);
        }
        return cols;
    };
    auto same = [&](Length limit) {
        std::size_t n = 0;
        for (const auto& p : flow_columns(heights, heading, gap, limited(limit), cont)) {
            if (p.first < 0) continue;
            if (page_of[static_cast<std::size_t>(p.first)] > page) return false;
            ++n;
        }
        return n == placed;
    };
    Length lo, hi;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (page_of[c] == page) hi = max(hi, columns[c]);
    }
    while (hi - lo > Length::from_sp(1)) {  // same(hi) always holds
        const Length mid = lo + (hi - lo) / 2;
        (same(mid) ? hi : lo) = mid;
    }
    return limited(hi);
}

std::vector<Length> balance_last_page(const std::vector<Length>& heights,
                                      const std::vector<bool>& heading, Length gap,
                                      std::vector<Length> columns, const std::vector<int>& page_of) {
    return balance_last_page(heights, heading, gap, std::move(columns), page_of, false);
}

}  // namespace index_detail

namespace {

using index_detail::flow_columns;
using index_detail::gojuon_row;

struct Item {
    bool heading = false;
    std::string text;
    std::vector<int> folios;  // one shop may be on several pages (two sections feature it)
    Length height;
    std::vector<std::string> lines;  // the entry as set: continuation lines are indented
};

// The index run: the plan pages of this template kind, in order, with their column counts.
struct Run {
    std::vector<int> folios;
    std::vector<int> columns;
    std::size_t ordinal = 0;  // this page's place in the run
};

Run index_run(const PageContext& ctx, const content::PlanPage& plan, const std::string& kind) {
    Run run;
    for (const auto& pg : ctx.book.plan.pages) {
        const style::Template* t = ctx.layout.find_template(pg.tmpl);
        if (!t || t->kind != kind) continue;
        if (pg.folio == plan.folio) run.ordinal = run.folios.size();
        run.folios.push_back(pg.folio);
        run.columns.push_back(std::max(1, t->get_int("columns", 4)));
    }
    return run;
}

struct Metrics {
    Length col_w, col_gap, leader_min, head_h, head_gap, title_h;
};

Metrics metrics(const PageContext& ctx, const style::Template* t, Rect hm, int cols) {
    Metrics m;
    // The gap between the index's columns: the template's <grid gutter>, else the 版面's gutter.
    m.col_gap = t && t->grid.gutter ? *t->grid.gutter : ctx.geo().gutter;
    m.col_w = (hm.w - m.col_gap * (cols - 1)) / cols;
    m.leader_min = Length::from_mm(3);
    const auto& hs = ctx.ts.style("index-head");
    m.head_h = hs.leading + Length::from_mm(1.2);
    m.head_gap = Length::from_mm(2.5);
    m.title_h = ctx.ts.style("page-title").leading + Length::from_mm(6);
    return m;
}

std::string page_list(const std::vector<int>& folios) {
    std::string s;
    for (int f : folios) s += (s.empty() ? "" : ", ") + std::to_string(f);
    return s;
}

// What the name may take: the column less the page numbers and the shortest leader.
Length name_width(const Typesetter& ts, const Item& it, const Metrics& m) {
    return m.col_w - ts.width(page_list(it.folios), ts.style("index-entry")) - m.leader_min;
}

// An entry too long for its line breaks before the genre's parenthesis, which keeps the name
// whole; failing that, where the line breaker puts it. Lines after the first are indented by
// one character, so that they read as the entry's continuation.
std::vector<std::string> entry_lines(const Typesetter& ts, const std::string& text, Length w) {
    const auto& es = ts.style("index-entry");
    if (ts.width(text, es) <= w) return {text};
    const auto paren = text.find("（");
    if (paren != std::string::npos && paren > 0) {
        std::vector<std::string> two{text.substr(0, paren), text.substr(paren)};
        if (ts.width(two[0], es) <= w && es.size + ts.width(two[1], es) <= w) return two;
    }
    std::vector<std::string> lines;
    for (const auto& run : ts.paragraph(text, es, w - es.size, {"", true, 0}).runs) {
        lines.push_back(run.utf8);
    }
    return lines;
}

// Entries are added in order; one with the same text as the entry before it is the same shop
// on another page, and only adds its page number.
void add_entry(const PageContext& ctx, const Metrics& m, std::vector<Item>& items,
               std::string text, int folio) {
    if (!items.empty() && !items.back().heading && items.back().text == text) {
        items.back().folios.push_back(folio);
    } else {
        items.push_back({false, std::move(text), {folio}, {}, {}});
    }
    Item& it = items.back();
    it.lines = entry_lines(ctx.ts, it.text, name_width(ctx.ts, it, m));
    const auto n = static_cast<std::int64_t>(std::max<std::size_t>(1, it.lines.size()));
    it.height = ctx.ts.style("index-entry").leading * n;
}

// A shop that made it onto a page, with what the index sorts and groups it by.
struct Listed {
    const content::Shop* shop;
    int folio;
    std::string key;
};

}  // namespace

struct Flow {
    std::vector<std::pair<int, Length>> placed;     // per item: global column, y
    std::vector<std::pair<std::size_t, int>> where;  // per global column: page in run, column
    std::vector<int> continued;                      // per global column: repeated heading item, or -1
};

// An index kind as laid out for the whole run (the same for every page of it).
struct LaidOut {
    std::vector<Item> items;
    Flow flow;
};

// Shared by the threads that build pages: `mutex` is held while an index is looked up or laid
// out (which is also when the collator is made and used), so each index is laid out once.
struct BuildMemo {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const LaidOut>> indexes;  // by kind and measures
    std::unique_ptr<icu::Collator> collator;
    bool collator_made = false;
};

std::shared_ptr<BuildMemo> make_build_memo() { return std::make_shared<BuildMemo>(); }

namespace {

std::unique_ptr<icu::Collator> japanese_collator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale::getJapanese(), status));
    if (U_FAILURE(status)) coll.reset();
    return coll;
}

std::vector<Listed> listed_shops(const PageContext& ctx) {
    // ICU's Japanese collation orders readings as a Japanese dictionary does (voiced and small
    // kana with their plain kana at the first level); the folded kana key breaks its ties.
    std::unique_ptr<icu::Collator> own;
    icu::Collator* coll = nullptr;
    if (ctx.memo) {
        if (!ctx.memo->collator_made) {
            ctx.memo->collator = japanese_collator();
            ctx.memo->collator_made = true;
        }
        coll = ctx.memo->collator.get();
    } else {
        own = japanese_collator();
        coll = own.get();
    }
    std::vector<Listed> out;
    for (const auto& s : ctx.book.shops) {
        const auto f = ctx.map.entry_folio.find(s.id);
        if (f == ctx.map.entry_folio.end()) continue;
        std::string key = index_detail::sort_key(s.reading);
        if (coll) {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
            std::vector<uint8_t> buf(static_cast<std::size_t>(u.length()) * 4 + 16);
            const int32_t n = coll->getSortKey(u, buf.data(), static_cast<int32_t>(buf.size()));
            key = std::string(buf.begin(), buf.begin() + std::min<int32_t>(n, static_cast<int32_t>(buf.size()))) + key;
        }
        out.push_back({&s, f->second, std::move(key)});
    }
    return out;
}

std::vector<Item> gojuon_items(const PageContext& ctx, const Metrics& m) {
    constexpr std::array<const char*, 11> kRows = {"あ", "か", "さ", "た", "な", "は",
                                                   "ま", "や", "ら", "わ", "英数"};
    auto shops = listed_shops(ctx);
    std::stable_sort(shops.begin(), shops.end(), [&](const Listed& a, const Listed& b) {
        const int ra = gojuon_row(a.shop->reading), rb = gojuon_row(b.shop->reading);
        if (ra != rb) return ra < rb;
        return std::tie(a.key, a.shop->name, a.folio) < std::tie(b.key, b.shop->name, b.folio);
    });
    std::vector<Item> items;
    int row = -1;
    for (const auto& l : shops) {
        const int r = gojuon_row(l.shop->reading);
        if (r != row) items.push_back({true, kRows[static_cast<std::size_t>(r)], {}, m.head_h, {}});
        row = r;
        add_entry(ctx, m, items, l.shop->name, l.folio);
    }
    return items;
}

std::vector<Item> area_items(const PageContext& ctx, const Metrics& m) {
    auto shops = listed_shops(ctx);
    std::stable_sort(shops.begin(), shops.end(), [](const Listed& a, const Listed& b) {
        return std::tie(a.shop->area, a.key, a.shop->name, a.folio) <
               std::tie(b.shop->area, b.key, b.shop->name, b.folio);
    });
    std::vector<Item> items;
    const std::string* area = nullptr;
    for (const auto& l : shops) {
        if (!area || *area != l.shop->area) items.push_back({true, l.shop->area, {}, m.head_h, {}});
        area = &l.shop->area;
        std::string text = l.shop->name;
        if (!l.shop->genre.empty()) text += "（" + l.shop->genre + "）";
        add_entry(ctx, m, items, std::move(text), l.folio);
    }
    return items;
}

std::vector<Item> genre_items(const PageContext& ctx, const Metrics& m) {
    auto shops = listed_shops(ctx);
    std::stable_sort(shops.begin(), shops.end(), [](const Listed& a, const Listed& b) {
        return std::tie(a.shop->genre, a.key, a.shop->name, a.folio) <
               std::tie(b.shop->genre, b.key, b.shop->name, b.folio);
    });
    std::vector<Item> items;
    const std::string* genre = nullptr;
    for (const auto& l : shops) {
        if (!genre || *genre != l.shop->genre) items.push_back({true, l.shop->genre, {}, m.head_h, {}});
        genre = &l.shop->genre;
        add_entry(ctx, m, items, l.shop->name + "（" + l.shop->area + "）", l.folio);
    }
    return items;
}

// Row heading: a band in the accent colour, the kana (or area) in white.
void draw_heading(Page& page, const Typesetter& ts, const Item& it, Point at, const Metrics& m) {
    const auto& hs = ts.style("index-head");
    const Length band = m.head_h - Length::from_mm(1);
    add_rect(page, {at.x, at.y, m.col_w, band}, "accent");
    add_text(page, ts, it.text, "index-head",
             {at.x + Length::from_mm(1.5), at.y + band / 2 + hs.size.scaled(0.36)});
}

// Page numbers flush right from `right` on baseline `base`, each linked to its page; returns
// where they start.
Length draw_numbers(const PageContext& ctx, const std::vector<int>& folios, Length right,
                    Length base, Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& es = ts.style("index-entry");
    Length x = right - ts.width(page_list(folios), es);
    const Length start = x;
    for (std::size_t i = 0; i < folios.size(); ++i) {
        const std::string num = std::to_string(folios[i]) + (i + 1 < folios.size() ? ", " : "");
        add_text(page, ts, num, "index-entry", {x, base});
        const Length w = ts.width(num, es);
        const auto idx = ctx.map.page_index_of_folio.find(folios[i]);
        if (idx != ctx.map.page_index_of_folio.end()) {
            const Length top = base - Typesetter::baseline_offset(es);
            page.items.emplace_back(LinkItem{{x, top, w, es.leading}, idx->second});
        }
        x += w;
    }
    return start;
}

// Name on the left (wrapping under itself), page numbers flush right on the name's last line,
// dot leaders between. The name links to the (first) page; each number to its own.
void draw_entry(const PageContext& ctx, const Item& it, Point at, const Metrics& m, Page& page) {
    const Typesetter& ts = ctx.ts;
    const auto& es = ts.style("index-entry");
    if (it.lines.empty() || it.folios.empty()) return;
    Length base = at.y + Typesetter::baseline_offset(es);
    Length x = at.x;
    for (std::size_t i = 0; i < it.lines.size(); ++i) {
        if (i > 0) {
            base += es.leading;
            // An opening bracket's ink sits in the right half of its em: indent by half as much.
            const bool bracket = it.lines[i].rfind("（", 0) == 0;
            x = at.x + (bracket ? es.size / 2 : es.size);
        }
        add_text(page, ts, it.lines[i], "index-entry", {x, base});
    }
    const Length nx = draw_numbers(ctx, it.folios, at.x + m.col_w, base, page);
    const Length lx = x + ts.width(it.lines.back(), es) + Length::from_mm(1);
    if (nx - Length::from_mm(1) > lx) {
        const Length ly = base - es.size.scaled(0.3);
        add_line(page, {lx, ly}, {nx - Length::from_mm(1), ly}, Length::from_pt(0.9), "grey", true);
    }
    if (const auto idx = ctx.map.page_index_of_folio.find(it.folios.front());
        idx != ctx.map.page_index_of_folio.end()) {
        page.items.emplace_back(LinkItem{{at.x, at.y, lx - at.x, it.height}, idx->second});
    }
}

using ItemMaker = std::vector<Item> (*)(const PageContext&, const Metrics&);

// The whole index's flow: every page of the run, columns left to right, pages in order; the
// first page's columns start below the title; the last page used has its columns balanced.
Flow flow_index(const Run& run, const std::vector<Item>& items, const Metrics& m, Length page_h) {
    Flow f;
    std::vector<Length> cols;
    std::vector<int> page_of;
    for (std::size_t k = 0; k < run.folios.size(); ++k) {
        for (int c = 0; c < run.columns[k]; ++c) {
            cols.push_back(k == 0 ? page_h - m.title_h : page_h);
            page_of.push_back(static_cast<int>(k));
            f.where.emplace_back(k, c);
        }
    }
    std::vector<Length> heights;
    std::vector<bool> heading;
    for (const auto& it : items) {
        heights.push_back(it.height);
        heading.push_back(it.heading);
    }
    cols = index_detail::balance_last_page(heights, heading, m.head_gap, cols, page_of, true);
    f.placed = flow_columns(heights, heading, m.head_gap, cols, &f.continued);
    return f;
}

void report_overflow(const PageContext& ctx, const content::PlanPage& plan, const Run& run,
                     const std::vector<Item>& items, const Flow& f, const std::string& title) {
    std::size_t left = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].heading && f.placed[i].first < 0) ++left;
    }
    if (left == 0) return;
    ctx.diags.warning("W-COMPOSE-020", plan.loc,
                      "index " + title + " (pages " + std::to_string(run.folios.front()) + "–" +
                          std::to_string(run.folios.back()) + "): " + std::to_string(left) +
                          " entr" + (left == 1 ? "y does" : "ies do") + " not fit and " +
                          (left == 1 ? "is" : "are") + " not printed",
                      "add an index page in content/plan.xml or raise columns in layouts/templates.xml");
}

void build_any_index(const PageContext& ctx, const content::PlanPage& plan, Page& page,
                     const std::string& kind, const std::string& title, const std::string& note,
                     ItemMaker make_items) {
    const Run run = index_run(ctx, plan, kind);
    if (run.folios.empty()) return;
    const Rect hm = ctx.hanmen(plan.folio);
    const Metrics m = metrics(ctx, ctx.layout.find_template(plan.tmpl), hm, run.columns.front());
    std::shared_ptr<const LaidOut> laid_out;
    const std::string key = kind + '/' + std::to_string(m.col_w.sp) + '/' + std::to_string(m.col_gap.sp) + '/' +
                            std::to_string(hm.h.sp);
    std::unique_lock<std::mutex> lock;
    if (ctx.memo) {
        lock = std::unique_lock(ctx.memo->mutex);
        if (auto it = ctx.memo->indexes.find(key); it != ctx.memo->indexes.end()) laid_out = it->second;
    }
    if (!laid_out) {
        auto made = std::make_shared<LaidOut>();
        made->items = make_items(ctx, m);
        made->flow = flow_index(run, made->items, m, hm.h);
        laid_out = made;
        if (ctx.memo) ctx.memo->indexes.emplace(key, laid_out);
    }
    if (lock.owns_lock()) lock.unlock();
    const std::vector<Item>& items = laid_out->items;
    const Flow& f = laid_out->flow;
    Length top = hm.y;
    if (run.ordinal == 0) {
        const auto& ts = ctx.ts.style("page-title");
        const Length base = hm.y + Typesetter::baseline_offset(ts);
        add_text(page, ctx.ts, title, "page-title", {hm.x, base});
        const Length nw = ctx.ts.width(note, ctx.ts.style("caption"));
        add_text(page, ctx.ts, note, "caption", {hm.right() - nw, base}, "grey");
        top += m.title_h;
    }
    std::size_t drawn = 0;
    for (std::size_t col = 0; col < f.continued.size(); ++col) {
        const auto [k, c] = f.where[col];
        if (k != run.ordinal || f.continued[col] < 0) continue;
        Item head = items[static_cast<std::size_t>(f.continued[col])];
        head.text += "（続き）";
        draw_heading(page, ctx.ts, head, {hm.x + (m.col_w + m.col_gap) * c, top}, m);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (f.placed[i].first < 0) continue;
        const auto [k, c] = f.where[static_cast<std::size_t>(f.placed[i].first)];
        if (k != run.ordinal) continue;
        const Point at{hm.x + (m.col_w + m.col_gap) * c, top + f.placed[i].second};
        if (items[i].heading) draw_heading(page, ctx.ts, items[i], at, m);
        else draw_entry(ctx, items[i], at, m, page);
        ++drawn;
    }
    // The plan gave the index more pages than it needs: the editors want to know.
    if (drawn == 0 && !items.empty()) {
        ctx.diags.add({Severity::kNote, "N-COMPOSE-025",
                       "index " + title + ": page " + std::to_string(plan.folio) +
                           " stays empty, the index fits on the pages before it",
                       plan.loc, {"give the page another template in content/plan.xml"}});
    }
    if (run.ordinal + 1 == run.folios.size()) report_overflow(ctx, plan, run, items, f, title);
}

}  // namespace

void build_index(const PageContext& ctx, const content::PlanPage& plan,
                 const std::vector<std::string>&, Page& page) {
    build_any_index(ctx, plan, page, "index", "さくいん", "店名の読みの50音順", gojuon_items);
}

void build_index_area(const PageContext& ctx, const content::PlanPage& plan,
                      const std::vector<std::string>&, Page& page) {
    build_any_index(ctx, plan, page, "index-area", "エリア別さくいん", "エリアごとに店名の読みの50音順",
                    area_items);
}

}  // namespace shokuhon::compose::pages

namespace shokuhon::compose::pages {

void build_index_genre(const PageContext& ctx, const content::PlanPage& plan,
                       const std::vector<std::string>&, Page& page) {
    build_any_index(ctx, plan, page, "index-genre", "ジャンル別さくいん", "ジャンルごとに店名の読みの50音順",
                    genre_items);
}

}  // namespace shokuhon::compose::pages
