// bench/: measurements made in this process with the pipeline's libraries: composition
// throughput (compose::paginate, optimal and greedy line breaking) and each stage's share of
// a build (load, compose, render, finish), as app/build.cpp calls them.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "bench/results.h"

namespace shokuhon::bench {

struct Inputs {
    std::filesystem::path content = "content";
    std::filesystem::path layouts = "layouts";
    std::filesystem::path fonts_lock = "fonts/fonts.lock";
};

// Paginates the book `runs` times in each mode (after one untimed run); `chars` gets the
// workload: code points of every shop's name, headline and description.
std::vector<Throughput> measure_throughput(const Inputs& in, int runs, std::size_t& chars, std::string& error);

// Times the stages of `runs` builds into `scratch` (a PDF written and finished each time).
Stages measure_stages(const Inputs& in, const std::string& book, int runs, const std::filesystem::path& scratch);

}  // namespace shokuhon::bench
