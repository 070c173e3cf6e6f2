// shokuhon_bench: the speed and scale benchmark (issue 8). Run from the repository root:
//
//   build/shokuhon_bench [--runs N] [--json FILE] [--pages N] [--big-runs N] [--bin DIR]
//
// Times the command-line program (build/shokuhon, run as a child process: wall time, CPU time
// and peak memory from wait4) on the sample book and on a generated big book (build/gen_book),
// and the pipeline's libraries in process (composition throughput, each stage's share).
// Prints a table and writes the same figures as JSON (default out/bench.json). Numbers only:
// nothing here fails on a slow machine.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bench/inprocess.h"
#include "bench/machine.h"
#include "bench/report.h"
#include "bench/scenarios.h"
#include "bench/workdir.h"

namespace {

namespace fs = std::filesystem;
using namespace shokuhon::bench;

struct Options {
    int runs = 5, big_runs = -1, big_pages = 1008;
    fs::path json = "out/bench.json", bin;
};

int usage(const std::string& msg) {
    std::cerr << "shokuhon_bench: " << msg << "\n"
              << "usage: shokuhon_bench [--runs N] [--json FILE] [--pages N] [--big-runs N] [--bin DIR]\n"
                 "  run from the repository root (content/, layouts/, fonts/fonts.lock)\n"
                 "  --runs N      timed runs per build and per in-process measurement (default 5)\n"
                 "  --json FILE   where the JSON goes (default out/bench.json)\n"
                 "  --pages N     pages of the generated book, a multiple of 16 (default 1008; 0: none)\n"
                 "  --big-runs N  timed runs of the generated book's build (default: --runs, at most 3)\n"
                 "  --bin DIR     where shokuhon and gen_book are (default: beside this program)\n";
    return 64;
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return false;
        const std::string v = argv[++i];
        if (a == "--runs") o.runs = std::atoi(v.c_str());
        else if (a == "--json") o.json = v;
        else if (a == "--pages") o.big_pages = std::atoi(v.c_str());
        else if (a == "--big-runs") o.big_runs = std::atoi(v.c_str());
        else if (a == "--bin") o.bin = v;
        else return false;
    }
    if (o.big_runs < 0) o.big_runs = std::min(o.runs, 3);
    return o.runs > 0 && o.big_runs > 0 && o.big_pages >= 0 && o.big_pages % 16 == 0;
}

fs::path own_folder() {
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

int planned_pages(const fs::path& content) {
    std::ifstream in(content / "plan.xml");
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    int n = 0;
    for (std::size_t at = text.find("<page "); at != std::string::npos; at = text.find("<page ", at + 1)) ++n;
    return n;
}

void sample_builds(const Context& cx, int pages, Results& r) {
    std::vector<fs::path> pdfs;
    r.builds.push_back(clean_builds(cx, "screen-clean", "clean build, screen PDF (new output folder)", pages, {}, "book.pdf", cx.runs, &pdfs));
    r.identical_output = pdfs.size() < 2 ? "not checked (fewer than 2 runs)"
                         : same_bytes(pdfs.front(), pdfs.back()) && same_pdf_with_jobs(cx, "1", pdfs.front()) &&
                                   same_pdf_with_jobs(cx, "3", pdfs.front())
                             ? "yes"
                             : "no";
    r.builds.push_back(cold_builds(cx, "screen-cold", "first build on the machine (empty per-user cache too)", pages));
    r.builds.push_back(repeat_builds(cx, "screen-repeat", "same build again (PDF, hash cache present)", pages, {}));
    if (has_print_build(cx)) {
        r.builds.push_back(clean_builds(cx, "print-clean", "clean build, print PDF/X-4 (--print)", pages, {"--print"},
                                        "book-pdfx4.pdf", cx.runs));
    } else {
        Summary s;
        s.id = "print-clean";
        s.what = "clean build, print PDF/X-4 (--print)";
        s.pages = pages;
        s.skipped = true;
        s.note = "this shokuhon has no build --print";
        r.builds.push_back(s);
    }
}

// Rebuilds after an edit in a scratch copy: one shop's description, one style's size.
void edited_builds(const Context& cx, int pages, Results& r) {
    const fs::path content = cx.scratch / "content-copy", layouts = cx.scratch / "layouts-copy";
    if (!mirror_tree("content", content) || !mirror_tree("layouts", layouts)) {
        Summary s;
        s.id = "rebuild-description";
        s.what = "rebuild after one shop's description changed";
        s.pages = pages;
        s.skipped = true;
        s.note = "cannot copy content/ or layouts/ to " + cx.scratch.string();
        r.builds.push_back(s);
        return;
    }
    const fs::path shops = content / "shops" / "gourmet.xml";
    const auto desc = text_between(shops, "id=\"gourmet-001\"", "<description>", "</description>").value_or("");
    // Every run sets a sentence no build has set before (its number changes), as an editor's
    // edits do: the paragraph is composed, its card's part rendered and assembled anew.
    const auto edit_desc = [&](int run) {
        const std::string text = desc + "季節ごとの限定メニュー（その" + std::to_string(run) + "）も見逃せない。";
        return !desc.empty() && replace_between(shops, "id=\"gourmet-001\"", "<description>", "</description>", text);
    };
    r.builds.push_back(edited_rebuilds(cx, "rebuild-description", "rebuild after one shop's description changed",
                                       pages, {"--content", content.string()}, edit_desc));
    const fs::path layout = layouts / "layout.xml";
    const auto size = text_between(layout, "<style name=\"headline\"", "size=\"", "\"").value_or("");
    const auto edit_style = [&](int run) {
        const std::string other = size == "15Q" ? "14Q" : "15Q";
        return !size.empty() && replace_between(layout, "<style name=\"headline\"", "size=\"", "\"", run % 2 ? other : size);
    };
    r.builds.push_back(edited_rebuilds(cx, "rebuild-style", "rebuild after one style changed (headline size)", pages,
                                       {"--layouts", layouts.string()}, edit_style));
}

// The generated book: its content (gen_book, timed once) and clean builds of it.
bool big_builds(const Context& cx, const Options& o, const fs::path& dir, Results& r) {
    const ChildRun gen = generate_book(cx, o.big_pages, dir);
    Summary g = summarize("generate", "generate " + std::to_string(o.big_pages) + "-page content (gen_book)",
                          o.big_pages, {gen});
    if (gen.exit_code != 0) g.note = "gen_book failed:\n" + log_tail(cx.scratch / "gen_book.log");
    r.builds.push_back(g);
    if (gen.exit_code != 0) return false;
    r.builds.push_back(clean_builds(cx, "big-clean", "clean build, generated book, screen PDF", o.big_pages,
                                    {"--content", dir.string()}, "big.pdf", o.big_runs));
    r.big_pages = o.big_pages;
    return r.builds.back().measured();
}

void scale(Results& r, int sample_pages) {
    const Summary* small = find_build(r, "screen-clean");
    const Summary* big = find_build(r, "big-clean");
    if (!small || !big || !small->measured() || !big->measured() || sample_pages == 0) return;
    r.page_ratio = static_cast<double>(r.big_pages) / sample_pages;
    r.wall_ratio = big->wall_median / small->wall_median;
    r.rss_ratio = big->rss_max_mb / small->rss_max_mb;
    r.mb_per_page_sample = small->rss_max_mb / sample_pages;
    r.mb_per_page_big = big->rss_max_mb / r.big_pages;
}

// What the command line does beyond the four library stages, in CPU time (less noisy).
void outside_stages(Results& r) {
    const Summary* clean = find_build(r, "screen-clean");
    if (!clean || !clean->measured() || r.stages.empty() || r.stages.front().runs == 0) return;
    r.outside_cpu_s = clean->cpu_median - r.stages.front().total_cpu_s;
}

void in_process(const Options& o, const fs::path& scratch, const fs::path* big, Results& r) {
    std::cerr << "bench: composition throughput (in process)\n";
    std::string error;
    r.throughput = measure_throughput({}, o.runs, r.workload_chars, error);
    if (!error.empty()) std::cerr << "bench: throughput: " << error << '\n';
    std::cerr << "bench: stages of the sample book (in process)\n";
    r.stages.push_back(measure_stages({}, "sample", o.runs, scratch));
    if (big) {
        std::cerr << "bench: stages of the generated book (in process)\n";
        r.stages.push_back(measure_stages({*big, "layouts", "fonts/fonts.lock"}, "generated", 1, scratch));
    }
}

std::string command_line(int argc, char** argv) {
    std::string s;
    for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) return usage("bad arguments");
    const fs::path bin = o.bin.empty() ? own_folder() : o.bin;
    Context cx{bin / "shokuhon", bin / "gen_book", {}, o.runs, [](const std::string& s) { std::cerr << "bench: " << s << '\n'; }};
    if (!fs::is_directory("content") || !fs::is_directory("layouts") || !fs::exists("fonts/fonts.lock"))
        return usage("content/, layouts/ or fonts/fonts.lock not found: run from the repository root");
    if (::access(cx.shokuhon.c_str(), X_OK) != 0 || ::access(cx.gen_book.c_str(), X_OK) != 0)
        return usage("no " + cx.shokuhon.string() + " or " + cx.gen_book.string() + " (build them, or give --bin)");
    const TempDir scratch("shokuhon-bench");
    if (!scratch.ok()) return usage("cannot create a scratch folder");
    cx.scratch = scratch.path();
    Results r;
    r.machine = describe_machine();
    r.command = command_line(argc, argv);
    r.runs = o.runs;
    const int pages = planned_pages("content");
    sample_builds(cx, pages, r);
    edited_builds(cx, pages, r);
    const fs::path big = scratch.path() / "big-content";
    const bool have_big = o.big_pages > 0 && big_builds(cx, o, big, r);
    in_process(o, scratch.path(), have_big ? &big : nullptr, r);
    scale(r, pages);
    outside_stages(r);
    r.machine.load_after = load_average();
    evaluate_targets(r);
    print_table(r, std::cout);
    if (!write_json(r, o.json)) std::cerr << "shokuhon_bench: cannot write " << o.json.string() << '\n';
    else std::cout << "\nJSON: " << o.json.string() << '\n';
    return 0;
}
