#include "style/load.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>

#include "style/schemas.h"
#include "xmlio/xml.h"

namespace shokuhon::style {
namespace {

namespace fs = std::filesystem;
using xmlio::attr;
using xmlio::attr_opt;
using xmlio::child;
using xmlio::children;

// Styles the page templates draw with; a layout must define each of them.
constexpr std::array kRequiredStyles = {
    "body", "lead", "shop-name", "shop-name-large", "reading", "headline", "label", "info",
    "info-label", "dish", "caption", "folio", "running-head", "tab", "opener-number",
    "opener-title", "opener-lead", "page-title", "cover-title", "cover-sub", "cover-line",
    "toc-section", "toc-entry", "toc-page", "index-head", "index-entry", "matrix-head",
    "matrix-cell", "quote", "person", "ad-headline", "ad-body", "colophon", "colophon-title",
    "small"};
constexpr std::array kRequiredColours = {"black", "white", "grey", "rule", "paper-tint",
                                         "info-tint", "accent", "rich-black"};

Length len(const xmlio::Document& doc, const xmlNode* n, const char* name, Length fallback,
           Diagnostics& diags, Length em = Length::from_pt(10)) {
    auto v = attr_opt(n, name);
    if (!v) return fallback;
    auto l = parse_length(*v, em);
    if (!l) {
        diags.error("E-LAYOUT-002", doc.loc(n),
                    std::string("attribute ") + name + "=\"" + *v + "\" is not a length",
                    "write a number with a unit: mm, pt, Q, H or zw (e.g. 12Q)");
        return fallback;
    }
    return *l;
}

Kinsoku to_kinsoku(const std::string& v, Kinsoku fallback) {
    if (v == "very-strict") return Kinsoku::kVeryStrict;
    if (v == "strict") return Kinsoku::kStrict;
    if (v == "loose") return Kinsoku::kLoose;
    if (v == "very-loose") return Kinsoku::kVeryLoose;
    return fallback;  // absent (the schema rejects any other value)
}

// Composition settings of a style: kinsoku= and hang= default to those on <styles>, so a
// layout states its house rule once (layouts/README.md).
void load_composition(const xmlNode* styles, const xmlNode* s, TextStyle& st) {
    const Kinsoku book = to_kinsoku(attr_opt(styles, "kinsoku").value_or(""), Kinsoku::kVeryStrict);
    st.kinsoku = to_kinsoku(attr_opt(s, "kinsoku").value_or(""), book);
    st.hang = attr_opt(s, "hang").value_or(attr_opt(styles, "hang").value_or("no")) == "yes";
    st.writing = attr_opt(s, "writing").value_or("horizontal") == "vertical" ? Writing::kVertical
                                                                              : Writing::kHorizontal;
    st.latin_font = attr_opt(s, "latin-font").value_or("");
}

// 版面 given as characters × lines of a style (Japanese practice): the type area is exactly
// that text block, and the bottom and outer margins are what remains of the trim.
void derive_hanmen(const xmlio::Document& doc, const xmlNode* h, LayoutSet& out, Diagnostics& diags) {
    const auto chars = attr_opt(h, "chars"), lines = attr_opt(h, "lines"), name = attr_opt(h, "style");
    if (!chars || !lines || !name) return;
    auto it = out.styles.find(*name);
    if (it == out.styles.end()) {
        diags.error("E-LAYOUT-009", doc.loc(h), "hanmen: unknown style \"" + *name + "\"");
        return;
    }
    Geometry& g = out.geometry;
    const Length w = (it->second.size + it->second.tracking) * std::stoll(*chars);
    // n lines take n - 1 line feeds plus one type size.
    const Length ht = it->second.leading * (std::stoll(*lines) - 1) + it->second.size;
    g.outer = g.trim_w - g.inner - w;
    g.bottom = g.trim_h - g.top - ht;
    if (g.outer < Length{} || g.bottom < Length{}) {
        diags.error("E-LAYOUT-010", doc.loc(h), "hanmen: " + *chars + " characters × " + *lines +
                    " lines of \"" + *name + "\" do not fit on the page",
                    "use fewer characters or lines, or a smaller style");
    }
}

void load_layout(const xmlio::Document& doc, LayoutSet& out, Diagnostics& diags) {
    const xmlNode* r = doc.root();
    Geometry& g = out.geometry;
    const xmlNode* page = child(r, "page");
    g.trim_w = len(doc, page, "width", g.trim_w, diags);
    g.trim_h = len(doc, page, "height", g.trim_h, diags);
    g.bleed = len(doc, page, "bleed", g.bleed, diags);
    const xmlNode* h = child(r, "hanmen");
    g.top = len(doc, h, "top", g.top, diags);
    g.bottom = len(doc, h, "bottom", g.bottom, diags);
    g.inner = len(doc, h, "inner", g.inner, diags);
    g.outer = len(doc, h, "outer", g.outer, diags);
    g.gutter = len(doc, h, "gutter", g.gutter, diags);
    g.columns = std::stoi(attr(h, "columns"));
    const xmlNode* tabs = child(r, "tabs");
    g.tab_width = len(doc, tabs, "width", g.tab_width, diags);
    g.tab_height = len(doc, tabs, "height", g.tab_height, diags);
    g.tab_top = len(doc, tabs, "top", g.tab_top, diags);

    for (const xmlNode* c : children(child(r, "colours"), "colour")) {
        Colour col;
        col.name = attr(c, "name");
        std::istringstream in(attr(c, "cmyk"));
        int cc = 0, m = 0, y = 0, k = 0;
        in >> cc >> m >> y >> k;
        if (cc > 100 || m > 100 || y > 100 || k > 100) {
            diags.error("E-LAYOUT-003", doc.loc(c), "colour \"" + col.name + "\": CMYK values are percentages (0–100)");
        }
        col.c = cc / 100.0;
        col.m = m / 100.0;
        col.y = y / 100.0;
        col.k = k / 100.0;
        col.loc = doc.loc(c);
        if (!out.colours.emplace(col.name, col).second) {
            diags.error("E-LAYOUT-004", doc.loc(c), "colour \"" + col.name + "\" is declared twice");
        }
    }
    for (const xmlNode* s : children(child(r, "styles"), "style")) {
        TextStyle st;
        st.name = attr(s, "name");
        st.font = attr(s, "font");
        st.size = len(doc, s, "size", Length::from_pt(9), diags);
        st.leading = len(doc, s, "leading", st.size.scaled(1.6), diags, st.size);
        st.tracking = len(doc, s, "tracking", {}, diags, st.size);
        st.indent = len(doc, s, "indent", {}, diags, st.size);
        st.colour = attr_opt(s, "colour").value_or("black");
        const std::string a = attr_opt(s, "align").value_or("justify");
        st.align = a == "start" ? Align::kStart : a == "center" ? Align::kCenter
                 : a == "end"   ? Align::kEnd   : Align::kJustify;
        std::istringstream f(attr(s, "features"));
        for (std::string feat; f >> feat;) st.features.push_back(feat);
        load_composition(child(r, "styles"), s, st);
        st.loc = doc.loc(s);
        if (!out.colours.count(st.colour)) {
            diags.error("E-LAYOUT-005", st.loc,
                        "style \"" + st.name + "\": unknown colour \"" + st.colour + "\"",
                        "declare it in <colours> or use one that is declared");
        }
        if (!out.styles.emplace(st.name, st).second) {
            diags.error("E-LAYOUT-004", st.loc, "style \"" + st.name + "\" is declared twice");
        }
    }
    derive_hanmen(doc, h, out, diags);
    for (const char* name : kRequiredStyles) {
        if (!out.styles.count(name)) {
            diags.error("E-LAYOUT-006", doc.loc(child(r, "styles")),
                        std::string("the templates need a style named \"") + name + "\"");
        }
    }
    for (const char* name : kRequiredColours) {
        if (!out.colours.count(name)) {
            diags.error("E-LAYOUT-006", doc.loc(child(r, "colours")),
                        std::string("the templates need a colour named \"") + name + "\"");
        }
    }
}

void load_templates(const xmlio::Document& doc, LayoutSet& out, Diagnostics& diags) {
    for (const xmlNode* t : children(doc.root(), "template")) {
        Template tp;
        tp.id = attr(t, "id");
        tp.kind = attr(t, "kind");
        for (const xmlAttr* a = t->properties; a; a = a->next) {
            const std::string key = reinterpret_cast<const char*>(a->name);
            if (key == "id" || key == "kind") continue;
            tp.params[key] = attr(t, key.c_str());
        }
        tp.loc = doc.loc(t);
        if (const xmlNode* g = child(t, "grid")) {
            // Which kinds place their blocks on a grid, and what an index takes of it.
            const bool cells = tp.kind == "shop-cards" || tp.kind == "products" || tp.kind == "spots" ||
                               tp.kind == "recommendations";
            const bool index = tp.kind.rfind("index", 0) == 0;
            if (!cells && !index) {
                diags.error("E-LAYOUT-012", doc.loc(g), "template \"" + tp.id + "\": a " + tp.kind +
                            " page has no grid", "<grid> is for shop-cards, products, spots, recommendations and index templates");
            } else if (index) {
                for (const char* a : {"columns", "rows", "row-gutter", "baseline"}) {
                    if (attr_opt(g, a)) {
                        diags.error("E-LAYOUT-012", doc.loc(g), "template \"" + tp.id + "\": an index's grid takes only gutter, not " + a,
                                    "the index's columns are the template's columns=");
                    }
                }
            }
            tp.grid.columns = std::stoi(attr_opt(g, "columns").value_or("0"));
            tp.grid.rows = std::stoi(attr_opt(g, "rows").value_or("0"));
            if (attr_opt(g, "gutter")) tp.grid.gutter = len(doc, g, "gutter", {}, diags);
            if (attr_opt(g, "row-gutter")) tp.grid.row_gutter = len(doc, g, "row-gutter", {}, diags);
            tp.grid.baseline = len(doc, g, "baseline", {}, diags);
        }
        // Named frames stand for the template's attributes of the same meaning and win over them.
        for (const xmlNode* f : children(t, "frame")) {
            const std::string name = attr(f, "name");
            if (tp.kind != "shop-cards") {
                diags.error("E-LAYOUT-012", doc.loc(f), "template \"" + tp.id + "\": named frames are for shop-cards templates",
                            "use the template's own attributes (e.g. photo-share)");
                continue;
            }
            const std::map<std::string, std::map<std::string, std::string>> keys = {
                {"photo", {{"share", "photo-share"}, {"position", "photo-position"}, {"height", "photo-height"}}},
                {"text", {{"columns", "text-columns"}, {"gap", "text-gap"}, {"style", "body-style"}}},
                {"info", {{"content", "info"}}}};
            const auto& allowed = keys.at(name);
            for (const xmlAttr* a = f->properties; a; a = a->next) {
                const std::string key = reinterpret_cast<const char*>(a->name);
                if (key == "name") continue;
                auto it = allowed.find(key);
                if (it == allowed.end()) {
                    std::string names;
                    for (const auto& [k, v] : allowed) names += (names.empty() ? "" : ", ") + k;
                    diags.error("E-LAYOUT-011", doc.loc(f),
                                "template \"" + tp.id + "\": frame \"" + name + "\" has no " + key,
                                "a " + name + " frame takes " + names);
                    continue;
                }
                tp.params[it->second] = attr(f, key.c_str());
            }
        }
        for (const char* key : {"body-style", "name-style", "headline-style", "info-style"}) {
            const std::string v = tp.get(key);
            if (!v.empty() && !out.styles.count(v)) {
                diags.error("E-LAYOUT-007", tp.loc,
                            "template \"" + tp.id + "\": unknown style \"" + v + "\" in " + key);
            }
        }
        if (!out.templates.emplace(tp.id, tp).second) {
            diags.error("E-LAYOUT-004", tp.loc, "template \"" + tp.id + "\" is declared twice");
        }
    }
}

// Gives every palette colour its own screen RGB (Colour::rgb_alias): the print pass maps the
// renderer's RGB back to CMYK, so two colours must never share one. The colour with less ink
// keeps the exact value (black stays 0 0 0; rich black moves).
void separate_rgb(std::map<std::string, Colour>& colours) {
    std::vector<Colour*> order;
    for (auto& entry : colours) order.push_back(&entry.second);
    std::stable_sort(order.begin(), order.end(), [](const Colour* a, const Colour* b) {
        return a->total_ink() < b->total_ink();
    });
    auto key = [](const Colour::Rgb v) {  // the print pass rounds to 1/10000 the same way
        return std::array<long, 3>{std::lround(v.r * 1e4), std::lround(v.g * 1e4), std::lround(v.b * 1e4)};
    };
    std::set<std::array<long, 3>> used;
    for (Colour* c : order) {
        for (c->rgb_alias = 0; !used.insert(key(c->rgb())).second && c->rgb_alias < 100;) ++c->rgb_alias;
    }
}

std::string resolved(const fs::path& dir, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (dir / p).lexically_normal().string();
}

double number_attr(const xmlNode* n, const char* name, double fallback) {
    const auto v = attr_opt(n, name);
    return v ? std::stod(*v) : fallback;  // the schema admits only decimal numbers here
}

// <print>: optional; every attribute has a default (PrintSettings).
void load_print(const xmlio::Document& doc, const fs::path& dir, LayoutSet& out, Diagnostics& diags) {
    PrintSettings& p = out.print;
    const xmlNode* n = child(doc.root(), "print");
    p.loc = n ? doc.loc(n) : SourceLoc{(dir / "layout.xml").string(), 0, 0};
    if (n) {
        p.pdfx = attr_opt(n, "pdfx").value_or(p.pdfx);
        p.profile = attr_opt(n, "profile").value_or(p.profile);
        p.rgb_profile = attr_opt(n, "rgb-profile").value_or(p.rgb_profile);
        p.condition = attr_opt(n, "condition").value_or(p.condition);
        p.condition_name = attr_opt(n, "condition-name").value_or(p.condition_name);
        p.registry = attr_opt(n, "registry").value_or(p.registry);
        p.ink_limit = static_cast<int>(number_attr(n, "ink-limit", p.ink_limit));
        p.rich_black_min = len(doc, n, "rich-black-min", p.rich_black_min, diags);
        p.ppi_warning = number_attr(n, "ppi-warning", p.ppi_warning);
        p.ppi_error = number_attr(n, "ppi-error", p.ppi_error);
    }
    p.profile = resolved(dir, p.profile);
    p.rgb_profile = resolved(dir, p.rgb_profile);
    if (p.ppi_error > p.ppi_warning) {
        diags.error("E-LAYOUT-009", p.loc, "print: ppi-error is above ppi-warning",
                    "a photo under ppi-error fails the print build; under ppi-warning it is reported");
    }
}

}  // namespace

LayoutSet load_layout_set(const fs::path& dir, Diagnostics& diags) {
    LayoutSet out;
    for (const char* name : {"layout", "templates"}) {
        const fs::path file = dir / (std::string(name) + ".xml");
        auto doc = xmlio::Document::parse(file, diags);
        if (!doc) continue;
        if (!doc.validate(schema_text(name), std::string("layouts/schema/") + name + ".rng", diags)) continue;
        if (std::string(name) == "layout") {
            load_layout(doc, out, diags);
            separate_rgb(out.colours);
            load_print(doc, dir, out, diags);
        } else {
            load_templates(doc, out, diags);
        }
    }
    return out;
}

}  // namespace shokuhon::style
