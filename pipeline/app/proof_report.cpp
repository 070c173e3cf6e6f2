#include "app/proof_report.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "app/proof.h"
#include "report/report.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Written whole or not at all: a temporary beside the target, then rename.
bool write_all(const fs::path& p, const std::string& bytes) {
    const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary);
        out << bytes;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(tmp, p, ec);
    return !ec;
}

std::string css_colour(const style::LayoutSet& layout, const std::string& name) {
    auto it = layout.colours.find(name);
    if (it == layout.colours.end()) return "#999999";
    const auto rgb = it->second.rgb();
    const auto c = [](double v) { return static_cast<int>(std::clamp(v, 0.0, 1.0) * 255 + 0.5); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c(rgb.r), c(rgb.g), c(rgb.b));
    return buf;
}

std::string page_file(const char* folder, std::size_t index) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "p%03zu.png", index + 1);
    return std::string(folder) + "/" + buf;
}

std::string where(const SourceLoc& l) {
    return l.file + (l.line > 0 ? ":" + std::to_string(l.line) + (l.col > 0 ? ":" + std::to_string(l.col) : "") : "");
}

const char* severity(Severity s) { return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note"; }

struct ShopPages {
    std::map<std::string, std::size_t> by_id;           // shop id → page index
    std::map<std::pair<std::string, int>, std::string> by_loc;  // (file, line) → shop id
};

ShopPages shop_pages(const Composed& c) {
    ShopPages sp;
    for (const auto& [id, place] : find_all_cards(c)) sp.by_id[id] = place.page_index;
    for (const auto& s : c.book.shops) sp.by_loc[{s.loc.file, s.loc.line}] = s.id;
    return sp;
}

int page_of(const ShopPages& sp, const SourceLoc& loc) {
    auto it = sp.by_loc.find({loc.file, loc.line});
    if (it == sp.by_loc.end()) return 0;
    auto jt = sp.by_id.find(it->second);
    return jt == sp.by_id.end() ? 0 : static_cast<int>(jt->second) + 1;
}

}  // namespace
}  // namespace shokuhon::app

namespace shokuhon::app {
namespace {

report::PageTile blank_tile(const Composed& c, std::size_t i) {
    const compose::Page& page = c.doc.pages[i];
    report::PageTile t;
    t.index = static_cast<int>(i) + 1;
    t.label = page.label.empty() ? std::to_string(page.folio) : page.label;
    t.section = page.section;
    t.tmpl = page.tmpl;
    t.recto = page.folio % 2 == 1;
    t.colour = "#d0d0d0";
    if (const auto* s = c.book.find_section(page.section)) {
        t.section_title = s->title;
        t.colour = css_colour(c.layout, s->colour);
    }
    const style::Template* tmpl = c.layout.find_template(page.tmpl);
    if (tmpl && tmpl->kind == "shop-cards") t.capacity = std::max(1, tmpl->get_int("columns", 1)) * std::max(1, tmpl->get_int("rows", 1));
    return t;
}

std::vector<report::PageTile> page_tiles(const Composed& c, const BuildResult& r, const Diagnostics& diags, const ShopPages& sp) {
    std::vector<report::PageTile> tiles;
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i) tiles.push_back(blank_tile(c, i));
    std::set<std::string> shortened, overflowing;
    for (const auto& s : r.fill.sections) {
        shortened.insert(s.shortened.begin(), s.shortened.end());
        overflowing.insert(s.overflowing.begin(), s.overflowing.end());
    }
    for (const auto& shop : c.book.shops) {
        auto it = sp.by_id.find(shop.id);
        if (it == sp.by_id.end()) continue;
        auto& t = tiles[it->second];
        ++t.placed;
        if (shortened.count(shop.id)) t.marks.push_back({"shortened", shop.name + ": 短い本文で掲載"});
        if (overflowing.count(shop.id)) t.marks.push_back({"overflow", shop.name + ": 本文が入りきらない"});
    }
    for (const auto& d : diags.all()) {
        const int page = d.severity == Severity::kNote ? 0 : page_of(sp, d.loc);
        if (page > 0) tiles[static_cast<std::size_t>(page - 1)].marks.push_back({severity(d.severity), d.message});
    }
    return tiles;
}

std::vector<report::SectionRow> section_rows(const Composed& c, const BuildResult& r) {
    std::vector<report::SectionRow> rows;
    for (const auto& s : r.fill.sections) {
        const auto* sec = c.book.find_section(s.id);
        rows.push_back({s.id, s.title.empty() && sec ? sec->title : s.title, sec ? css_colour(c.layout, sec->colour) : "#d0d0d0",
                        s.pages_planned, s.pages_used, s.entries, s.entries_placed, static_cast<int>(s.shortened.size()),
                        static_cast<int>(s.not_placed.size() + s.overflowing.size())});
    }
    return rows;
}

std::vector<report::DiagnosticRow> diagnostic_rows(const Diagnostics& diags, const ShopPages& sp) {
    std::vector<report::DiagnosticRow> rows;
    for (const auto& d : diags.all()) rows.push_back({severity(d.severity), d.code, where(d.loc), d.message, d.hints, page_of(sp, d.loc)});
    return rows;
}

// The last proof's thumbnails and state become "previous"; returns its round and time.
bool rotate_previous(const fs::path& dir, std::string& round, std::string& made) {
    std::error_code ec;
    if (!fs::is_directory(dir / "pages", ec)) return false;
    fs::remove_all(dir / "previous", ec);
    fs::rename(dir / "pages", dir / "previous", ec);
    if (ec) return false;
    fs::remove(dir / "previous.json", ec);
    fs::rename(dir / "proof.json", dir / "previous.json", ec);
    try {
        const auto state = Poco::JSON::Parser().parse(read_all(dir / "previous.json")).extract<Poco::JSON::Object::Ptr>();
        round = state->optValue<std::string>("round", "");
        made = state->optValue<std::string>("made", "");
    } catch (const Poco::Exception&) {
        made = "?";  // thumbnails without their state file: still worth comparing
    }
    return true;
}

}  // namespace
}  // namespace shokuhon::app

namespace shokuhon::app {
namespace {

// The document as it was before the proof marks.
compose::Document unmarked(const compose::Document& doc, const std::vector<std::size_t>& counts) {
    compose::Document d = doc;
    for (std::size_t i = 0; i < d.pages.size() && i < counts.size(); ++i) {
        if (counts[i] <= d.pages[i].items.size()) d.pages[i].items.resize(counts[i]);
    }
    return d;
}

// Renders each page's thumbnail, writes it, and compares it with the previous proof's.
bool render_thumbnails(const Composed& c, const compose::Document& doc, const fs::path& dir, double dpi,
                       bool had_previous, std::vector<report::PageTile>& tiles, int& changed, Diagnostics& diags) {
    const render::RenderInputs in{doc, c.layout, c.fonts};
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        render::Raster now;
        if (!render::render_raster(in, i, dpi, now, diags)) return false;
        auto& t = tiles[i];
        t.thumb = page_file("pages", i);
        t.thumb_w = now.width;
        t.thumb_h = now.height;
        if (!write_all(dir / t.thumb, render::encode_png(now))) {
            diags.error("E-PROOF-010", {(dir / t.thumb).string(), 0, 0}, "cannot write the thumbnail");
            return false;
        }
        if (!had_previous) continue;
        render::Raster before;
        const std::string prev = page_file("previous", i);
        const bool old = render::decode_png(read_all(dir / prev), before);
        t.changes = old ? report::changed_areas(before, now) : std::vector<report::Box>{{0, 0, now.width, now.height}};
        if (!t.changes.empty()) {
            t.before = old ? prev : std::string();
            ++changed;
            if (!old) t.marks.push_back({"warning", "前回の校正にないページ"});
        }
    }
    return true;
}

}  // namespace

bool write_proof_report(const Composed& c, const BuildResult& r, const Diagnostics& build_diags,
                        const ProofReportOptions& opts, ProofReportResult& out, Diagnostics& diags) {
    const fs::path dir = opts.pdf.parent_path().empty() ? fs::path(".") : opts.pdf.parent_path();
    report::ProofReport rep;
    out.had_previous = rotate_previous(dir, rep.previous_round, rep.previous_made);
    out.previous_round = rep.previous_round;
    out.previous_made = rep.previous_made;
    std::error_code ec;
    fs::create_directories(dir / "pages", ec);
    const ShopPages sp = shop_pages(c);
    rep.pages = page_tiles(c, r, build_diags, sp);
    if (!render_thumbnails(c, unmarked(c.doc, *opts.unmarked_items), dir, opts.thumb_dpi, out.had_previous, rep.pages,
                           out.changed_pages, diags)) {
        return false;
    }
    rep.title = c.book.meta.title + " " + c.book.meta.edition;
    rep.round = opts.round;
    rep.made = opts.made;
    rep.pdf = opts.pdf.filename().string();
    rep.errors = static_cast<int>(build_diags.error_count());
    rep.warnings = static_cast<int>(build_diags.warning_count());
    rep.notes = static_cast<int>(build_diags.all().size()) - rep.errors - rep.warnings;
    rep.sections = section_rows(c, r);
    rep.diagnostics = diagnostic_rows(build_diags, sp);
    Poco::JSON::Object state(Poco::JSON_PRESERVE_KEY_ORDER);
    state.set("round", opts.round);
    state.set("made", opts.made);
    state.set("pages", rep.pages.size());
    std::ostringstream json;
    state.stringify(json);
    out.html = dir / "report.html";
    if (!write_all(dir / "proof.json", json.str()) || !write_all(out.html, report::report_html(rep))) {
        diags.error("E-PROOF-011", {out.html.string(), 0, 0}, "cannot write the proof report");
        return false;
    }
    return true;
}

}  // namespace shokuhon::app

namespace shokuhon::app {

ProofReportOptions prepare_proof_build(BuildOptions& opts, const std::string& round, bool output_given) {
    ProofReportOptions p;
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char made[32];
    std::strftime(made, sizeof made, "%Y-%m-%d %H:%M", &tm);
    p.made = made;
    p.round = round;
    if (!output_given) opts.output = fs::path("out/proof") / opts.output.filename();
    p.pdf = opts.output;
    opts.keep_composed = true;
    const std::string mark_round = round, mark_time = p.made;  // the closure outlives this call
    opts.before_render = [mark_round, mark_time, counts = p.unmarked_items](
                             compose::Document& doc, const style::LayoutSet& layout, const shape::FontSet& fonts) {
        counts->clear();
        for (const auto& page : doc.pages) counts->push_back(page.items.size());
        stamp_proof_marks(doc, layout, fonts, mark_round, mark_time);
    };
    return p;
}

std::string describe(const ProofReportResult& r) {
    std::string s = "proof report: " + r.html.string();
    if (!r.had_previous) return s + " (the first proof: nothing to compare with)";
    return s + " (" + std::to_string(r.changed_pages) + " pages changed since " +
           (r.previous_round.empty() ? std::string() : r.previous_round + " ") + r.previous_made + ")";
}

}  // namespace shokuhon::app
