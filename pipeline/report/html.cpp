#include <cstdio>

#include "core/escape.h"
#include "report/report.h"

namespace shokuhon::report {
namespace {

const char* const kStyle = R"css(
body{font-family:"Noto Sans CJK JP","Hiragino Sans",sans-serif;margin:0;color:#222;background:#f4f3f0}
header,section{padding:12px 24px}
header{background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:4px 0} h2{font-size:16px;margin:8px 0 12px}
.round{color:#d2401e} .meta{color:#666;font-size:13px;margin:2px 0} .since{font-size:14px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:12px}
.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px}
.spreads{display:flex;flex-wrap:wrap;gap:14px}
.spread{display:flex;align-items:flex-start}
.page{margin:0;width:136px;background:#fff;border-top:5px solid var(--c);box-shadow:0 1px 2px #0002}
.page.none{visibility:hidden}
.thumb{position:relative;line-height:0} .thumb img{width:100%;height:auto}
.box{position:absolute;outline:2px solid #e0004d;background:#e0004d22}
figcaption{font-size:11px;padding:3px 4px;display:flex;flex-wrap:wrap;gap:3px;align-items:center}
figcaption b{font-size:12px;margin-right:2px}
.badge{border-radius:3px;padding:0 4px;color:#fff;background:#888;font-size:10px}
.badge.fill{background:#eee;color:#333} .badge.room{background:#f0c000;color:#000}
.badge.error{background:#c00} .badge.warning{background:#e07000} .badge.shortened{background:#5a7fa8}
.badge.overflow{background:#c00} .badge.changed{background:#e0004d}
.page.has-error{outline:3px solid #c00} .page.has-warning{outline:3px solid #e07000}
.marks{margin:0;padding:2px 4px 4px 16px;font-size:10px;color:#444}
.pairs{display:flex;flex-wrap:wrap;gap:18px}
.pair{background:#fff;padding:8px;box-shadow:0 1px 2px #0002}
.pair h3{font-size:13px;margin:0 0 6px} .pair .thumbs{display:flex;gap:8px}
.pair figure{margin:0;width:220px} .pair figcaption{color:#666}
table{border-collapse:collapse;background:#fff;font-size:12px;width:100%}
td,th{border-bottom:1px solid #e4e4e4;padding:4px 6px;text-align:left;vertical-align:top}
td.sev-error{color:#c00;font-weight:bold} td.sev-warning{color:#e07000;font-weight:bold} td.sev-note{color:#666}
.hint{color:#666} code{font-size:11px}
)css";

std::string num(int v) { return std::to_string(v); }

std::string pct(int part, int whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return buf;
}

std::string thumb(const std::string& file, const PageTile& p, const std::string& alt) {
    std::string h = "<div class=thumb><img loading=lazy src=\"" + escape_html(file) + "\" width=" + num(p.thumb_w) +
                    " height=" + num(p.thumb_h) + " alt=\"" + escape_html(alt) + "\">";
    for (const auto& b : p.changes) {
        h += "<div class=box style=\"left:" + pct(b.x, p.thumb_w) + ";top:" + pct(b.y, p.thumb_h) + ";width:" +
             pct(b.w, p.thumb_w) + ";height:" + pct(b.h, p.thumb_h) + "\"></div>";
    }
    return h + "</div>";
}

std::string header(const ProofReport& r) {
    int changed = 0;
    std::string list;
    for (const auto& p : r.pages) {
        if (p.before.empty()) continue;
        ++changed;
        list += (list.empty() ? "" : ", ") + std::string("<a href=\"#p") + num(p.index) + "\">P." + escape_html(p.label) + "</a>";
    }
    std::string h = "<header><h1>校正レポート　<span class=round>" + escape_html(r.round) + "</span></h1>";
    h += "<p class=meta>" + escape_html(r.title) + " · " + escape_html(r.made) + " · " + escape_html(r.pdf) + " · " +
         num(static_cast<int>(r.pages.size())) + " ページ · エラー " + num(r.errors) + " · 警告 " + num(r.warnings) +
         " · 注記 " + num(r.notes) + "</p>";
    if (r.previous_made.empty()) {
        h += "<p class=since>最初の校正です（比べる前回の校正はありません）。</p>";
    } else {
        h += "<p class=since>前回の校正（" + escape_html(r.previous_round) + "　" + escape_html(r.previous_made) +
             "）から変わったページ: <b>" + num(changed) + "</b>" + (list.empty() ? "" : "（" + list + "）") + "</p>";
    }
    return h + "</header>";
}

std::string sections(const ProofReport& r) {
    std::string h = "<section id=sections><h2>セクション</h2><div class=legend>";
    for (const auto& s : r.sections) {
        h += "<span><i style=\"background:" + escape_html(s.colour) + "\"></i>" + escape_html(s.title) + " " + num(s.pages_used) +
             "/" + num(s.pages_planned) + "ページ · " + num(s.placed) + "/" + num(s.entries) + "件";
        if (s.shortened) h += " · 短縮 " + num(s.shortened);
        if (s.not_fit) h += " · <b>入らない " + num(s.not_fit) + "</b>";
        h += "</span>";
    }
    return h + "</div></section>";
}

std::string kind_label(const std::string& kind) {
    if (kind == "error") return "エラー";
    if (kind == "warning") return "警告";
    if (kind == "shortened") return "短縮";
    if (kind == "overflow") return "あふれ";
    return escape_html(kind);
}

std::string tile(const PageTile& p) {
    bool error = false, warning = false;
    for (const auto& m : p.marks) {
        error = error || m.kind == "error" || m.kind == "overflow";
        warning = warning || m.kind == "warning";
    }
    std::string cls = std::string("page") + (error ? " has-error" : warning ? " has-warning" : "");
    std::string h = "<figure class=\"" + cls + "\" id=p" + num(p.index) + " style=\"--c:" + escape_html(p.colour) + "\" title=\"" +
                    escape_html(p.section_title + " · " + p.tmpl) + "\">" + thumb(p.thumb, p, "P." + p.label) + "<figcaption><b>" +
                    escape_html(p.label) + "</b>";
    if (p.capacity > 0) h += std::string("<span class=\"badge ") + (p.placed < p.capacity ? "room" : "fill") + "\">" + num(p.placed) + "/" + num(p.capacity) + "</span>";
    for (const auto& m : p.marks) h += "<span class=\"badge " + escape_html(m.kind) + "\">" + kind_label(m.kind) + "</span>";
    if (!p.before.empty()) h += "<span class=\"badge changed\">変更</span>";
    h += "</figcaption>";
    if (!p.marks.empty()) {
        h += "<ul class=marks>";
        for (const auto& m : p.marks) h += "<li>" + escape_html(m.text) + "</li>";
        h += "</ul>";
    }
    return h + "</figure>";
}

// Spreads as the book opens: page 1 alone on the right, then 2–3, 4–5, …
std::string plan(const ProofReport& r) {
    std::string h = "<section id=plan><h2>台割</h2><div class=spreads>";
    std::size_t i = 0;
    while (i < r.pages.size()) {
        h += "<div class=spread>";
        if (r.pages[i].recto) h += "<figure class=\"page none\"></figure>";
        h += tile(r.pages[i++]);
        if (!r.pages[i - 1].recto && i < r.pages.size() && r.pages[i].recto) h += tile(r.pages[i++]);
        h += "</div>";
    }
    return h + "</div></section>";
}

std::string changes(const ProofReport& r) {
    std::string h = "<section id=changes><h2>前回の校正からの変更</h2>";
    std::string pairs;
    for (const auto& p : r.pages) {
        if (p.before.empty()) continue;
        pairs += "<div class=pair><h3><a href=\"#p" + num(p.index) + "\">P." + escape_html(p.label) + "</a> · " +
                 num(static_cast<int>(p.changes.size())) + " か所</h3><div class=thumbs><figure>" + thumb(p.before, p, "before") +
                 "<figcaption>前回（" + escape_html(r.previous_round) + "）</figcaption></figure><figure>" + thumb(p.thumb, p, "after") +
                 "<figcaption>今回（" + escape_html(r.round) + "）</figcaption></figure></div></div>";
    }
    if (pairs.empty()) pairs = r.previous_made.empty() ? "<p>前回の校正がないため、比べられません。</p>" : "<p>変わったページはありません。</p>";
    return h + "<div class=pairs>" + pairs + "</div></section>";
}

std::string diagnostics(const ProofReport& r) {
    std::string h = "<section id=diagnostics><h2>診断（" + num(static_cast<int>(r.diagnostics.size())) + "）</h2>";
    if (r.diagnostics.empty()) return h + "<p>エラーも警告もありません。</p></section>";
    h += "<table><tr><th>種類</th><th>場所</th><th>内容</th><th>ページ</th></tr>";
    for (const auto& d : r.diagnostics) {
        h += "<tr><td class=sev-" + escape_html(d.severity) + ">" + escape_html(d.severity) + "<br><code>" + escape_html(d.code) +
             "</code></td><td><code>" + escape_html(d.where) + "</code></td><td>" + escape_html(d.message);
        for (const auto& hint : d.hints) h += "<div class=hint>→ " + escape_html(hint) + "</div>";
        h += "</td><td>" + (d.page > 0 ? "<a href=\"#p" + num(d.page) + "\">" + num(d.page) + "</a>" : std::string()) + "</td></tr>";
    }
    return h + "</table></section>";
}

}  // namespace

std::string escape_html(const std::string& s) { return markup_escape(s); }

std::string report_html(const ProofReport& r) {
    std::string h = "<!doctype html>\n<html lang=ja><head><meta charset=utf-8><title>校正レポート " + escape_html(r.round) +
                    " — " + escape_html(r.title) + "</title><style>" + kStyle + "</style></head><body>";
    h += header(r) + sections(r) + changes(r) + plan(r) + diagnostics(r);
    return h + "</body></html>\n";
}

}  // namespace shokuhon::report
