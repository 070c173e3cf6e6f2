#include "bench/results.h"

#include <algorithm>

namespace shokuhon::bench {

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

Summary summarize(std::string id, std::string what, int pages, const std::vector<ChildRun>& runs) {
    Summary s;
    s.id = std::move(id);
    s.what = std::move(what);
    s.pages = pages;
    s.runs = static_cast<int>(runs.size());
    std::vector<double> wall, cpu, user, sys, rss;
    for (const auto& r : runs) {
        if (r.exit_code != 0) {
            ++s.failures;
            continue;
        }
        wall.push_back(r.wall_s);
        cpu.push_back(r.cpu_s());
        user.push_back(r.user_s);
        sys.push_back(r.sys_s);
        rss.push_back(r.peak_rss_mb);
    }
    if (wall.empty()) return s;
    s.wall_median = median(wall);
    s.wall_min = *std::min_element(wall.begin(), wall.end());
    s.wall_max = *std::max_element(wall.begin(), wall.end());
    s.cpu_median = median(cpu);
    s.user_median = median(user);
    s.sys_median = median(sys);
    s.rss_median_mb = median(rss);
    s.rss_max_mb = *std::max_element(rss.begin(), rss.end());
    return s;
}

const Summary* find_build(const Results& r, const std::string& id) {
    for (const auto& b : r.builds) {
        if (b.id == id) return &b;
    }
    return nullptr;
}

}  // namespace shokuhon::bench
