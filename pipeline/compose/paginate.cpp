#include "compose/paginate.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <deque>
#include <map>

#include "compose/pages/builders.h"
#include "compose/pages/context.h"

namespace shokuhon::compose {
namespace {

using pages::PageMap;

// Which entries a page of a template kind takes, for a section.
std::deque<std::string> entries_for(const content::Book& book, const std::string& kind,
                                    const std::string& section) {
    std::deque<std::string> q;
    if (kind == "shop-cards") {
        for (const auto& s : book.shops) {
            if (s.section == section) q.push_back(s.id);
        }
    } else if (kind == "products") {
        for (const auto& p : book.products) q.push_back(p.id);
    } else if (kind == "recommendations") {
        for (const auto& r : book.recommendations) q.push_back(r.id);
    } else if (kind == "spots") {
        for (const auto& s : book.spots) q.push_back(s.id);
    }
    return q;
}

std::string entry_name(const content::Book& book, const std::string& id) {
    if (const auto* s = book.find_shop(id)) return "shop \"" + s->name + "\" (" + id + ")";
    return "entry (" + id + ")";
}

SourceLoc entry_loc(const content::Book& book, const std::string& id) {
    if (const auto* s = book.find_shop(id)) return s->loc;
    for (const auto& p : book.products) if (p.id == id) return p.loc;
    for (const auto& r : book.recommendations) if (r.id == id) return r.loc;
    for (const auto& s : book.spots) if (s.id == id) return s.loc;
    return {};
}

// Edit distance, for "did you mean" hints on template names.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1] ? 1u : 0u)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest_template(const style::LayoutSet& layout, const std::string& name) {
    std::string best;
    std::size_t best_d = 99;
    for (const auto& [id, t] : layout.templates) {
        const auto d = distance(id, name);
        if (d < best_d) { best_d = d; best = id; }
    }
    return best;
}

}  // namespace

int FillReport::entries() const {
    int n = 0;
    for (const auto& s : sections) n += s.entries;
    return n;
}

int FillReport::entries_placed() const {
    int n = 0;
    for (const auto& s : sections) n += s.entries_placed;
    return n;
}

Document paginate(const content::Book& book, const style::LayoutSet& layout,
                  const shape::FontSet& fonts, const PaginateOptions& opts, Diagnostics& diags,
                  FillReport* report) {
    Document doc;
    const auto& g = layout.geometry;
    doc.trim = {g.trim_w, g.trim_h};
    doc.bleed = g.bleed;
    const auto& m = book.meta;
    doc.meta = {m.title, m.author, m.subtitle, "平塚,グルメ,ガイド", "shokuhon",
                m.issue_date.empty() ? "" : m.issue_date + "T00:00:00+09:00"};

    // Pass 1: which entries go on which page (the plan fixes each page's capacity).
    std::map<std::pair<std::string, std::string>, std::deque<std::string>> queues;
    std::map<std::string, SectionFill> fills;
    for (const auto& s : book.plan.sections) fills[s.id] = {s.id, s.title, 0, 0, 0, 0, {}, {}, {}, 0};
    std::vector<std::vector<std::string>> page_entries(book.plan.pages.size());
    bool ok = true;
    for (const auto& pg : book.plan.pages) {
        const style::Template* t = layout.find_template(pg.tmpl);
        if (!t) {
            diags.error("E-PLAN-004", pg.loc, "page " + std::to_string(pg.folio) + ": unknown template \"" + pg.tmpl + "\"",
                        "did you mean \"" + closest_template(layout, pg.tmpl) + "\"? Templates are in layouts/templates.xml");
            ok = false;
            continue;
        }
        if (!pg.section.empty()) fills[pg.section].pages_planned++;
        if (pages::capacity(*t) > 0 && !queues.count({t->kind, pg.section})) {
            auto q = entries_for(book, t->kind, pg.section);
            if (!pg.section.empty()) fills[pg.section].entries += static_cast<int>(q.size());
            queues[{t->kind, pg.section}] = std::move(q);
        }
    }
    if (!ok) return doc;
    // Fixed placements first, so that filling skips them.
    for (std::size_t i = 0; i < book.plan.pages.size(); ++i) {
        const auto& pg = book.plan.pages[i];
        const style::Template* t = layout.find_template(pg.tmpl);
        auto& q = queues[{t->kind, pg.section}];
        for (const auto& id : pg.entries) {
            auto it = std::find(q.begin(), q.end(), id);
            if (it == q.end()) {
                diags.error("E-PLAN-005", pg.loc, "page " + std::to_string(pg.folio) + ": entry \"" + id +
                            "\" is not an entry this " + t->kind + " page can hold");
                continue;
            }
            q.erase(it);
            page_entries[i].push_back(id);
        }
    }
    for (std::size_t i = 0; i < book.plan.pages.size(); ++i) {
        const auto& pg = book.plan.pages[i];
        const style::Template* t = layout.find_template(pg.tmpl);
        const int cap = pages::capacity(*t);
        if (cap == 0 || !pg.entries.empty()) continue;
        auto& q = queues[{t->kind, pg.section}];
        while (static_cast<int>(page_entries[i].size()) < cap && !q.empty()) {
            page_entries[i].push_back(q.front());
            q.pop_front();
        }
    }
    PageMap map;
    for (std::size_t i = 0; i < book.plan.pages.size(); ++i) {
        const auto& pg = book.plan.pages[i];
        map.page_index_of_folio[pg.folio] = static_cast<int>(i) + 1;
        if (!pg.section.empty() && !map.section_first.count(pg.section)) map.section_first[pg.section] = pg.folio;
        if (!map.template_first.count(pg.tmpl)) map.template_first[pg.tmpl] = pg.folio;
        for (const auto& id : page_entries[i]) map.entry_folio[id] = pg.folio;
        if (!pg.section.empty()) {
            auto& f = fills[pg.section];
            f.entries_placed += static_cast<int>(page_entries[i].size());
            const style::Template* t = layout.find_template(pg.tmpl);
            if (pages::capacity(*t) == 0 || !page_entries[i].empty()) f.pages_used++;
        }
    }
    pages::number_map_pins(book, layout, map);
    for (auto& [key, q] : queues) {
        for (const auto& id : q) {
            if (!key.second.empty()) fills[key.second].not_placed.push_back(id);
            diags.warning("W-PLAN-010", entry_loc(book, id),
                          entry_name(book, id) + " has no page: the plan's " +
                              (key.second.empty() ? key.first : key.second) + " pages are full",
                          "add a page for it in content/plan.xml or use a template with more cards per page");
        }
    }

    // Pass 2: build every page from its template. Pages are independent once the map is
    // known, so they are built on `threads` threads, each with its own Typesetter and memo;
    // every page keeps its own diagnostics and fill record, merged below in page order, so the
    // result is the same whatever the number of threads.
    struct Built {
        Page page;
        Diagnostics diags;
        SectionFill fill;
    };
    const std::size_t n = book.plan.pages.size();
    std::vector<Built> built(n);
    const auto build_page = [&](std::size_t i, const Typesetter& ts, pages::BuildMemo* memo) {
        const auto& pg = book.plan.pages[i];
        const style::Template& t = *layout.find_template(pg.tmpl);
        Built& b = built[i];
        b.page.folio = pg.folio;
        b.page.label = pg.label.empty() ? std::to_string(pg.folio) : pg.label;
        b.page.section = pg.section;
        b.page.tmpl = pg.tmpl;
        SectionFill* fill = pg.section.empty() ? nullptr : &b.fill;
        pages::PageContext ctx{book, layout, ts, map, b.diags, opts.content_dir, fill, memo};
        if (auto build = pages::builder_for(t.kind)) build(ctx, pg, page_entries[i], b.page);
        pages::draw_page_frame(ctx, pg, t, b.page);
    };
    std::atomic<std::size_t> next{0};
    const auto memo = pages::make_build_memo();  // shared: each index is laid out once
    const auto work = [&](const shape::FontSet& own_fonts) {
        Typesetter ts(own_fonts, layout, opts.mode, opts.observer, opts.store);
        for (std::size_t i; (i = next++) < n;) build_page(i, ts, memo.get());
    };
    // An observer sees paragraphs one at a time: with one, pages are built on this thread.
    const int threads = opts.observer ? 1 : std::clamp(opts.threads, 1, 16);
    {
        std::vector<std::exception_ptr> failures(static_cast<std::size_t>(threads));
        std::vector<std::jthread> pool;
        for (int w = 1; w < threads; ++w) {
            pool.emplace_back([&, w] {
                try {
                    const shape::FontSet own = fonts.clone();  // HarfBuzz's caches, per thread
                    work(own);
                } catch (...) {
                    failures[static_cast<std::size_t>(w)] = std::current_exception();
                    next = n;  // the others stop at their next page
                }
            });
        }
        try {
            work(fonts);
        } catch (...) {
            failures[0] = std::current_exception();
            next = n;
        }
        pool.clear();  // joined
        for (const auto& f : failures) {
            if (f) std::rethrow_exception(f);
        }
    }
    for (Built& b : built) {
        for (const auto& d : b.diags.all()) diags.add(d);
        if (!b.page.section.empty()) {
            SectionFill& f = fills[b.page.section];
            f.shortened.insert(f.shortened.end(), b.fill.shortened.begin(), b.fill.shortened.end());
            f.overflowing.insert(f.overflowing.end(), b.fill.overflowing.begin(), b.fill.overflowing.end());
            f.white_space_cm2 += b.fill.white_space_cm2;
        }
        doc.pages.push_back(std::move(b.page));
    }

    // Outline: the contents' order, sections at their first page.
    auto add_outline = [&](const std::string& title, int folio) {
        auto it = map.page_index_of_folio.find(folio);
        if (it != map.page_index_of_folio.end()) doc.outline.push_back({title, it->second, 0});
    };
    add_outline("表紙", 1);
    if (map.template_first.count("contents")) add_outline("目次", map.template_first["contents"]);
    for (const auto& s : book.plan.sections) {
        if (map.section_first.count(s.id)) {
            add_outline(std::to_string(s.number) + "　" + s.title, map.section_first[s.id]);
        }
    }
    if (map.template_first.count("index")) add_outline("さくいん", map.template_first["index"]);
    if (map.template_first.count("colophon")) add_outline("奥付", map.template_first["colophon"]);

    if (report) {
        for (const auto& s : book.plan.sections) report->sections.push_back(fills[s.id]);
    }
    return doc;
}

}  // namespace shokuhon::compose
