#include "bench/inprocess.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>

#include "compose/paginate.h"
#include "content/load.h"
#include "app/book_pdf.h"
#include "finish/assemble.h"
#include "render/render.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace shokuhon::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double cpu_now() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Wall and CPU time of one stage, from construction to stop().
class StageClock {
public:
    StageClock() : wall_(Clock::now()), cpu_(cpu_now()) {}
    void stop(std::map<std::string, double>& t, const std::string& name) const {
        t[name] = since(wall_);
        t[name + " cpu"] = cpu_now() - cpu_;
    }

private:
    Clock::time_point wall_;
    double cpu_;
};

// Characters as printed: ruby (U+FFF9 base U+FFFA reading U+FFFB, content/rich_text.h)
// counts its base only.
std::size_t visible_chars(const std::string& s) {
    std::size_t n = 0;
    bool reading = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;
        if (s.compare(i, 3, "\xEF\xBF\xBA") == 0) { reading = true; continue; }
        if (s.compare(i, 3, "\xEF\xBF\xBB") == 0) { reading = false; continue; }
        if (s.compare(i, 3, "\xEF\xBF\xB9") == 0 || reading) continue;
        ++n;
    }
    return n;
}

// What a build has before it composes. Diagnostics collected along the way.
struct Loaded {
    content::Loaded content;
    style::LayoutSet layout;
    shape::FontSet fonts;
    Diagnostics diags;
};

// Loads everything; `times` gets content, layouts and fonts (lock read and files opened).
Loaded load(const Inputs& in, std::map<std::string, double>* times) {
    Loaded l;
    std::map<std::string, double> scratch;
    auto& t = times ? *times : scratch;
    StageClock c1;
    l.content = content::load_book(in.content, l.diags);
    c1.stop(t, "load: content");
    StageClock c2;
    l.layout = style::load_layout_set(in.layouts, l.diags);
    c2.stop(t, "load: layouts");
    StageClock c3;
    l.fonts = shape::FontSet::open(shape::read_font_lock(in.fonts_lock, l.diags), l.diags);
    c3.stop(t, "load: fonts");
    return l;
}

double time_paginate(const Loaded& l, const fs::path& content_dir, linebreak::Mode mode, int& pages) {
    compose::PaginateOptions opts;
    opts.content_dir = content_dir;
    opts.mode = mode;
    Diagnostics diags;
    const auto t = Clock::now();
    const compose::Document doc = compose::paginate(l.content.book, l.layout, l.fonts, opts, diags);
    const double s = since(t);
    pages = static_cast<int>(doc.pages.size());
    return s;
}

finish::AssembleOptions assemble_options(const Loaded& l, const compose::Document& doc) {
    finish::AssembleOptions ao;
    ao.bleed = l.layout.geometry.bleed;
    for (const auto& page : doc.pages) ao.labels.push_back(page.label);
    for (const auto& o : doc.outline) ao.outline.push_back({o.title, o.page});
    ao.title = l.content.book.meta.title + " " + l.content.book.meta.edition;
    ao.author = l.content.book.meta.author;
    ao.subject = l.content.book.meta.subtitle;
    return ao;
}

// One build's stages, in process; false when a stage failed.
bool one_build(const Inputs& in, const fs::path& scratch, std::map<std::string, double>& t, int& pages) {
    StageClock load_clock;
    Loaded l = load(in, &t);
    load_clock.stop(t, "load");
    if (l.diags.has_errors()) return false;
    compose::PaginateOptions popts;
    popts.content_dir = in.content;
    StageClock compose_clock;
    const compose::Document doc = compose::paginate(l.content.book, l.layout, l.fonts, popts, l.diags);
    compose_clock.stop(t, "compose");
    pages = static_cast<int>(doc.pages.size());
    // One process and no cache: what a clean build's render costs in CPU (the command line
    // spreads the parts over the cores).
    app::BookPdfOptions bo;
    bo.scratch = scratch / "stages.";
    bo.jobs = 1;
    app::BookPdfStats stats;
    std::vector<fs::path> parts;
    StageClock render_clock;
    const bool rendered = app::render_parts({doc, l.layout, l.fonts}, bo, parts, stats, l.diags);
    render_clock.stop(t, "render");
    t["render: subset fonts"] = stats.subset_s;
    t["render: parts"] = stats.render_s;
    StageClock finish_clock;
    const fs::path pdf = scratch / "stages.pdf";
    bool finished = false;
    if (rendered) {
        std::ofstream out(pdf, std::ios::binary);
        finished = finish::assemble_pdf(
            parts.size(),
            [&](std::size_t i, finish::PreparedPart& p) {
                std::ifstream file(parts[i], std::ios::binary);
                std::string bytes((std::istreambuf_iterator<char>(file)), {});
                auto parsed = finish::PreparedPart::parse(std::move(bytes));
                if (parsed) p = std::move(*parsed);
                return parsed.has_value();
            },
            assemble_options(l, doc),
            [&](std::string_view b) { return static_cast<bool>(out.write(b.data(), static_cast<std::streamsize>(b.size()))); },
            l.diags);
    }
    finish_clock.stop(t, "finish");
    std::error_code ec;
    for (const auto& p : parts) fs::remove(p, ec);
    fs::remove(pdf, ec);
    return finished;
}

}  // namespace

std::vector<Throughput> measure_throughput(const Inputs& in, int runs, std::size_t& chars, std::string& error) {
    const Loaded l = load(in, nullptr);
    if (l.diags.has_errors()) {
        error = "the book does not load without errors";
        return {};
    }
    chars = 0;
    for (const auto& s : l.content.book.shops) chars += visible_chars(s.name) + visible_chars(s.headline) + visible_chars(s.description);
    std::vector<Throughput> out;
    for (const auto& [name, mode] : {std::pair{"optimal", linebreak::Mode::kOptimal}, std::pair{"greedy", linebreak::Mode::kGreedy}}) {
        int pages = 0;
        time_paginate(l, in.content, mode, pages);  // untimed: caches, page faults
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) t.push_back(time_paginate(l, in.content, mode, pages));
        Throughput tp{name, runs, median(t), *std::min_element(t.begin(), t.end()), 0};
        tp.chars_per_s = tp.median_s > 0 ? static_cast<double>(chars) / tp.median_s : 0;
        out.push_back(tp);
    }
    return out;
}

Stages measure_stages(const Inputs& in, const std::string& book, int runs, const fs::path& scratch) {
    Stages st;
    st.book = book;
    std::map<std::string, std::vector<double>> times;
    for (int i = 0; i < runs; ++i) {
        std::map<std::string, double> t;
        if (!one_build(in, scratch, t, st.pages)) {
            st.note = "a stage failed; no figures";
            return st;
        }
        for (const auto& [k, v] : t) times[k].push_back(v);
        ++st.runs;
    }
    for (const std::string name : {"load", "compose", "render", "finish"}) {
        st.total_s += median(times[name]);
        st.total_cpu_s += median(times[name + " cpu"]);
    }
    for (const std::string name : {"load", "load: content", "load: layouts", "load: fonts", "compose", "render",
                                   "render: subset fonts", "render: parts", "finish"}) {
        const double m = median(times[name]), c = times.contains(name + " cpu") ? median(times[name + " cpu"]) : -1;
        st.stages.push_back({name, m, st.total_s > 0 ? m / st.total_s : 0, c, st.total_cpu_s > 0 ? c / st.total_cpu_s : 0});
    }
    return st;
}

}  // namespace shokuhon::bench
