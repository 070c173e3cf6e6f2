// bench/: the command-line builds the benchmark times, each run a child process
// (child.h): clean builds, repeated builds, rebuilds after an edit, the generated big book.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/results.h"

namespace shokuhon::bench {

struct Context {
    std::filesystem::path shokuhon, gen_book;  // the programs, by path
    std::filesystem::path scratch;            // a TempDir's folder
    int runs = 5;
    std::function<void(const std::string&)> progress;  // one line per run, for the impatient
};

// `shokuhon build` into a fresh, empty folder each run (no previous PDF, no hash cache, no
// build log), after one untimed run that warms the operating system's file cache.
// `args` follow "build"; the output is "-o <folder>/<file>". `outputs` gets each run's PDF.
// A first build on a machine: a new output folder and an empty per-user cache (fonts hashed,
// photos checked), XDG_CACHE_HOME pointing at a new folder for each run.
Summary cold_builds(const Context& cx, const std::string& id, const std::string& what, int pages);

// Builds the sample book with --jobs `jobs` and compares it with `reference`, byte for byte.
bool same_pdf_with_jobs(const Context& cx, const std::string& jobs, const std::filesystem::path& reference);

Summary clean_builds(const Context& cx, const std::string& id, const std::string& what, int pages,
                     const std::vector<std::string>& args, const std::string& file, int runs,
                     std::vector<std::filesystem::path>* outputs = nullptr);

// The same build again into one folder (the previous PDF and the hash cache are there).
Summary repeat_builds(const Context& cx, const std::string& id, const std::string& what, int pages,
                      const std::vector<std::string>& args);

// Rebuilds into one folder after `edit(run)` changed an input (run 0 is the untimed first
// build, made before any edit). An edit that fails ends the series.
Summary edited_rebuilds(const Context& cx, const std::string& id, const std::string& what, int pages,
                        const std::vector<std::string>& args, const std::function<bool(int)>& edit);

// Whether this shokuhon has `build --print` (its help mentions it).
bool has_print_build(const Context& cx);

// gen_book --pages N into `out`; the run's figures, or a failed run.
ChildRun generate_book(const Context& cx, int pages, const std::filesystem::path& out);

}  // namespace shokuhon::bench
