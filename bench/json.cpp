// bench/: the results as one JSON document (report.h: write_json).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "bench/report.h"
#include "core/escape.h"

namespace shokuhon::bench {
namespace {

std::string quoted(const std::string& s) { return json_string(s); }

std::string num(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// A JSON object written member by member, in order.
class Obj {
public:
    Obj& str(const std::string& k, const std::string& v) { return raw(k, quoted(v)); }
    Obj& n(const std::string& k, double v) { return raw(k, num(v)); }
    Obj& b(const std::string& k, bool v) { return raw(k, v ? "true" : "false"); }
    Obj& raw(const std::string& k, const std::string& json) {
        body_ += (body_.empty() ? "" : ", ") + quoted(k) + ": " + json;
        return *this;
    }
    std::string text() const { return "{" + body_ + "}"; }

private:
    std::string body_;
};

template <typename T, typename F>
std::string array(const std::vector<T>& items, F&& each) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\n    " : "\n    ") + each(items[i]);
    return out + (items.empty() ? "]" : "\n  ]");
}

std::string build_json(const Summary& b) {
    Obj o;
    o.str("id", b.id).str("what", b.what).n("pages", b.pages).n("runs", b.runs).n("failures", b.failures).b("skipped", b.skipped);
    if (b.measured()) {
        o.n("wall_s_median", b.wall_median).n("wall_s_min", b.wall_min).n("wall_s_max", b.wall_max)
            .n("cpu_s_median", b.cpu_median).n("user_s_median", b.user_median).n("sys_s_median", b.sys_median)
            .n("peak_rss_mb_median", b.rss_median_mb).n("peak_rss_mb_max", b.rss_max_mb);
    }
    if (!b.note.empty()) o.str("note", b.note);
    return o.text();
}

std::string stages_json(const Stages& s) {
    Obj o;
    o.str("book", s.book).n("pages", s.pages).n("runs", s.runs).n("total_s", s.total_s).n("total_cpu_s", s.total_cpu_s);
    if (!s.note.empty()) o.str("note", s.note);
    o.raw("stages", array(s.stages, [](const Stage& st) {
        return Obj().str("stage", st.name).n("median_s", st.median_s).n("share", st.share).n("cpu_s", st.cpu_s)
            .n("cpu_share", st.cpu_share).text();
    }));
    return o.text();
}

std::string machine_json(const Machine& m) {
    return Obj().str("host", m.host).n("cpus", static_cast<double>(m.cpus)).str("cpu_model", m.cpu_model)
        .n("memory_gib", m.mem_gib).str("kernel", m.kernel).str("date_utc", m.date_utc)
        .str("load_before", m.load_before).str("load_after", m.load_after).text();
}

std::string scale_json(const Results& r) {
    return Obj().n("pages", r.big_pages).n("page_ratio", r.page_ratio).n("wall_ratio", r.wall_ratio)
        .n("wall_ratio_target", 13).n("peak_rss_ratio", r.rss_ratio).n("mb_per_page_sample", r.mb_per_page_sample)
        .n("mb_per_page_big", r.mb_per_page_big).text();
}

}  // namespace

bool write_json(const Results& r, const std::filesystem::path& file) {
    Obj o;
    o.str("benchmark", "shokuhon").str("command", r.command).n("runs", r.runs).raw("machine", machine_json(r.machine));
    o.raw("builds", array(r.builds, build_json));
    o.raw("composition", Obj().n("workload_chars", static_cast<double>(r.workload_chars))
        .raw("modes", array(r.throughput, [](const Throughput& t) {
            return Obj().str("mode", t.mode).n("runs", t.runs).n("median_s", t.median_s).n("min_s", t.min_s)
                .n("chars_per_s", t.chars_per_s).text();
        })).text());
    o.raw("stages", array(r.stages, stages_json)).n("outside_stages_cpu_s", r.outside_cpu_s);
    o.raw("scale", scale_json(r)).str("identical_output", r.identical_output);
    o.raw("targets", array(r.targets, [](const Target& t) {
        return Obj().str("what", t.what).str("goal", t.goal).n("value", t.value).str("shown", t.shown)
            .b("measured", t.measured).b("met", t.met).text();
    }));
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << o.text() << '\n';
    out.close();
    return static_cast<bool>(out);
}

}  // namespace shokuhon::bench
