#include "bench/report.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace shokuhon::bench {
namespace {

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// 1234567 → "1,234,567"
std::string grouped(double v) {
    std::string s = fixed(v, 0), out;
    const std::size_t lead = s.size() % 3;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && i >= lead && (i - lead) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

std::string pad(const std::string& s, std::size_t width, bool right = false) {
    std::size_t cols = 0;  // display columns: East Asian characters take two
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        cols += n == 3 && b >= 0xE3 ? 2 : 1;
        i += n;
    }
    const std::string fill(cols < width ? width - cols : 0, ' ');
    return right ? fill + s : s + fill;
}

Target target(std::string what, std::string goal, double value, std::string shown, bool measured, bool met) {
    return {std::move(what), std::move(goal), value, std::move(shown), measured, measured && met};
}

Target time_target(const Results& r, const std::string& id, const std::string& what, double limit) {
    const Summary* b = find_build(r, id);
    const bool m = b && b->measured();
    const double v = m ? b->wall_median : 0;
    return target(what, "< " + fixed(limit, 2) + " s", v, m ? fixed(v, 2) + " s" : "not measured", m, v < limit);
}

void print_builds(const Results& r, std::ostream& out) {
    out << pad("build (command line, child process)", 50) << pad("pages", 6, true) << pad("wall s", 9, true)
        << pad("(min–max)", 15, true) << pad("CPU s", 8, true) << pad("user", 7, true) << pad("sys", 6, true)
        << pad("peak MB", 9, true) << '\n';
    for (const auto& b : r.builds) {
        out << pad(b.what, 50) << pad(std::to_string(b.pages), 6, true);
        if (!b.measured()) {
            out << "   " << (b.skipped ? "skipped: " : "failed: ") << b.note << '\n';
            continue;
        }
        out << pad(fixed(b.wall_median, 3), 9, true)
            << pad("(" + fixed(b.wall_min, 2) + "–" + fixed(b.wall_max, 2) + ")", 15, true)
            << pad(fixed(b.cpu_median, 3), 8, true) << pad(fixed(b.user_median, 2), 7, true)
            << pad(fixed(b.sys_median, 2), 6, true) << pad(fixed(b.rss_max_mb, 0), 9, true) << '\n';
        if (b.failures > 0) out << "    " << b.failures << " of " << b.runs << " runs failed: " << b.note << '\n';
    }
}

void print_throughput(const Results& r, std::ostream& out) {
    out << "\ncomposition: compose::paginate over the sample book, in process; workload "
        << grouped(static_cast<double>(r.workload_chars)) << " characters (shop names, headlines, descriptions)\n";
    out << pad("line breaking", 16) << pad("median s", 10, true) << pad("min s", 9, true) << pad("characters/s", 15, true) << '\n';
    for (const auto& t : r.throughput) {
        out << pad(t.mode, 16) << pad(fixed(t.median_s, 3), 10, true) << pad(fixed(t.min_s, 3), 9, true)
            << pad(grouped(t.chars_per_s), 15, true) << '\n';
    }
}

std::string stage_cell(const Stage& st) {
    // A part of a stage timed by wall clock only (render's steps) has no CPU figure.
    if (st.cpu_s < 0) return pad(fixed(st.median_s, 3), 7, true) + pad(fixed(100 * st.share, 1) + " %", 8, true) + pad("–", 8, true) + pad("", 8, true);
    return pad(fixed(st.median_s, 3), 7, true) + pad(fixed(100 * st.share, 1) + " %", 8, true) +
           pad(fixed(st.cpu_s, 3), 8, true) + pad(fixed(100 * st.cpu_share, 1) + " %", 8, true);
}

void print_stages(const Results& r, std::ostream& out) {
    if (r.stages.empty()) return;
    out << "\nstages: app/build.cpp's library calls timed in process (wall and CPU; compose::paginate shapes,\n"
           "breaks and places in one pass, so compose includes paginate)\n"
        << pad("", 16);
    for (const auto& s : r.stages) {
        out << pad(s.book + ", " + std::to_string(s.pages) + " pages, " + std::to_string(s.runs) + (s.runs == 1 ? " run" : " runs"), 33, true);
    }
    out << '\n' << pad("stage", 16);
    for (std::size_t k = 0; k < r.stages.size(); ++k) out << "   wall s  share   CPU s  share";
    out << '\n';
    for (std::size_t i = 0; i < r.stages.front().stages.size(); ++i) {
        const std::string& name = r.stages.front().stages[i].name;
        const auto colon = name.find(": ");
        out << pad(colon != std::string::npos ? "  " + name.substr(colon + 2) : name, 16);
        for (const auto& s : r.stages) out << (i < s.stages.size() ? "  " + stage_cell(s.stages[i]) : pad(s.note, 33, true));
        out << '\n';
    }
    out << pad("total", 16);
    for (const auto& s : r.stages) out << "  " << pad(fixed(s.total_s, 3), 7, true) << pad("", 8) << pad(fixed(s.total_cpu_s, 3), 8, true) << pad("", 8);
    out << '\n';
    if (r.outside_cpu_s > 0) {
        out << "the command line's clean build spends " << fixed(r.outside_cpu_s, 2)
            << " s CPU outside these stages (font hash check, photo check, build log hashes)\n";
    }
}

void print_targets(const Results& r, std::ostream& out) {
    out << "\n" << pad("target (issue 8)", 58) << pad("goal", 12, true) << pad("measured", 14, true) << pad("met", 6, true) << '\n';
    for (const auto& t : r.targets) {
        out << pad(t.what, 58) << pad(t.goal, 12, true) << pad(t.shown, 14, true)
            << pad(t.measured ? (t.met ? "yes" : "NO") : "–", 6, true) << '\n';
    }
}

}  // namespace

void evaluate_targets(Results& r) {
    r.targets.clear();
    r.targets.push_back(time_target(r, "screen-clean", "clean build, screen PDF, sample book", 0.5));
    r.targets.push_back(time_target(r, "print-clean", "clean build, print PDF/X-4, sample book", 0.8));
    r.targets.push_back(time_target(r, "rebuild-description", "rebuild after one shop's description changed", 0.15));
    double peak = 0;
    bool any = false;
    for (const char* id : {"screen-clean", "print-clean", "rebuild-description", "rebuild-style"}) {
        const Summary* b = find_build(r, id);
        if (b && b->measured()) { peak = std::max(peak, b->rss_max_mb); any = true; }
    }
    r.targets.push_back(target("peak memory, any build of the sample book", "< 250 MB", peak, fixed(peak, 0) + " MB", any, peak < 250));
    const bool big = r.wall_ratio > 0;
    r.targets.push_back(target(std::to_string(r.big_pages) + "-page book: wall time vs the 80-page clean build", "≤ 13×",
                               r.wall_ratio, fixed(r.wall_ratio, 1) + "×", big, r.wall_ratio <= 13));
    r.targets.push_back(target(std::to_string(r.big_pages) + "-page book: peak memory grows ≤ page count",
                               "≤ " + fixed(r.page_ratio, 1) + "×", r.rss_ratio, fixed(r.rss_ratio, 1) + "×", big,
                               r.rss_ratio <= r.page_ratio));
    r.targets.push_back(target("identical output (clean runs; --jobs 1, 3 and one per core)", "identical", 0, r.identical_output,
                               r.identical_output == "yes" || r.identical_output == "no", r.identical_output == "yes"));
}

void print_table(const Results& r, std::ostream& out) {
    const Machine& m = r.machine;
    out << "\nshokuhon benchmark on " << m.host << ": " << m.cpus << " CPUs, " << m.cpu_model << ", "
        << fixed(m.mem_gib, 1) << " GiB; " << m.kernel << "; " << m.date_utc << '\n'
        << "load average before " << m.load_before << ", after " << m.load_after << " (a shared machine inflates wall times; CPU time less so)\n"
        << r.runs << " timed runs per build after one untimed warm-up; medians\n\n";
    print_builds(r, out);
    print_throughput(r, out);
    print_stages(r, out);
    if (r.wall_ratio > 0) {
        out << "\nscale: " << r.big_pages << " pages / 80 pages = " << fixed(r.page_ratio, 1) << "× the pages; wall "
            << fixed(r.wall_ratio, 1) << "×, peak memory " << fixed(r.rss_ratio, 1) << "×; memory per page "
            << fixed(r.mb_per_page_sample, 2) << " MB (80 p) → " << fixed(r.mb_per_page_big, 2) << " MB ("
            << r.big_pages << " p)\n";
    }
    print_targets(r, out);
}

}  // namespace shokuhon::bench
