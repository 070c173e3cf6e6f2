// bench/: what the benchmark measured, as plain values; the table and the JSON are made from
// these (report.h).
#pragma once
#include <string>
#include <vector>

#include "bench/child.h"

namespace shokuhon::bench {

double median(std::vector<double> v);

// Several runs of one command-line build.
struct Summary {
    std::string id, what;
    int pages = 0;
    int runs = 0, failures = 0;
    double wall_median = 0, wall_min = 0, wall_max = 0;
    double cpu_median = 0, user_median = 0, sys_median = 0;
    double rss_median_mb = 0, rss_max_mb = 0;
    bool skipped = false;
    std::string note;  // why skipped or failed; what else to know
    bool measured() const { return !skipped && runs > failures && runs > 0; }
};
Summary summarize(std::string id, std::string what, int pages, const std::vector<ChildRun>& runs);

// compose::paginate over the sample book, in process.
struct Throughput {
    std::string mode;  // optimal, greedy
    int runs = 0;
    double median_s = 0, min_s = 0;
    double chars_per_s = 0;
};

struct Stage {
    std::string name;
    double median_s = 0, share = 0;   // wall
    double cpu_s = 0, cpu_share = 0;  // this process's CPU time
};

// Where one build's time goes, the pipeline's own library calls timed in process.
struct Stages {
    std::string book;
    int pages = 0, runs = 0;
    std::vector<Stage> stages;  // load, compose, render, finish (+ load's parts)
    double total_s = 0, total_cpu_s = 0;
    std::string note;
};

struct Target {
    std::string what, goal;
    double value = 0;
    std::string shown;  // the value as printed, with its unit
    bool measured = false, met = false;
};

struct Machine {
    std::string host, cpu_model, kernel, date_utc;
    long cpus = 0;
    double mem_gib = 0;
    std::string load_before, load_after;  // /proc/loadavg: the machine may be shared
};

struct Results {
    Machine machine;
    std::string command;
    int runs = 0;
    std::vector<Summary> builds;
    std::size_t workload_chars = 0;
    std::vector<Throughput> throughput;
    std::vector<Stages> stages;
    int big_pages = 0;
    double wall_ratio = 0, rss_ratio = 0, page_ratio = 0, mb_per_page_sample = 0, mb_per_page_big = 0;
    double outside_cpu_s = 0;  // CLI clean build CPU less the in-process stages' CPU (sample)
    std::string identical_output;  // "yes", "no" or why not checked
    std::vector<Target> targets;
};

const Summary* find_build(const Results& r, const std::string& id);

}  // namespace shokuhon::bench
