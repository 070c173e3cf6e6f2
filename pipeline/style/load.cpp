#include "style/load.h"

#include <array>
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

}  // namespace

LayoutSet load_layout_set(const fs::path& dir, Diagnostics& diags) {
    LayoutSet out;
    for (const char* name : {"layout", "templates"}) {
        const fs::path file = dir / (std::string(name) + ".xml");
        auto doc = xmlio::Document::parse(file, diags);
        if (!doc) continue;
        if (!doc.validate(schema_text(name), std::string("layouts/schema/") + name + ".rng", diags)) continue;
        if (std::string(name) == "layout") load_layout(doc, out, diags);
        else load_templates(doc, out, diags);
    }
    return out;
}

}  // namespace shokuhon::style
