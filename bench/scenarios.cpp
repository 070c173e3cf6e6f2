#include "bench/scenarios.h"

#include <fstream>
#include <sstream>

namespace shokuhon::bench {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> build_argv(const Context& cx, const std::vector<std::string>& args, const fs::path& out) {
    std::vector<std::string> argv{cx.shokuhon.string(), "build", "-q"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-o");
    argv.push_back(out.string());
    return argv;
}

void say(const Context& cx, const std::string& id, int run, int runs) {
    if (!cx.progress) return;
    cx.progress(id + (run < 0 ? " (warm-up)" : " " + std::to_string(run + 1) + "/" + std::to_string(runs)));
}

// A failed run: its exit code and the end of its log go into the summary's note.
void note_failure(Summary& s, const ChildRun& r, const fs::path& log) {
    if (r.exit_code == 0 || !s.note.empty()) return;
    s.note = "exit " + std::to_string(r.exit_code) + "; log:\n" + log_tail(log);
}

Summary finish_summary(std::string id, std::string what, int pages, const std::vector<ChildRun>& runs,
                       const ChildRun& warm, const fs::path& log) {
    Summary s = summarize(std::move(id), std::move(what), pages, runs);
    note_failure(s, warm, log);
    for (const auto& r : runs) note_failure(s, r, log);
    return s;
}

}  // namespace

Summary clean_builds(const Context& cx, const std::string& id, const std::string& what, int pages,
                     const std::vector<std::string>& args, const std::string& file, int runs,
                     std::vector<fs::path>* outputs) {
    const fs::path log = cx.scratch / (id + ".log");
    std::vector<ChildRun> timed;
    ChildRun warm;
    for (int i = -1; i < runs; ++i) {
        say(cx, id, i, runs);
        const fs::path dir = cx.scratch / (id + "-" + std::to_string(i + 1));
        const ChildRun r = run_child(build_argv(cx, args, dir / file), log);
        if (i < 0) warm = r;
        else timed.push_back(r);
        // Keep the first and last PDFs (compared for identical output); the rest go now.
        const bool keep = outputs && (i == 0 || (i > 0 && i + 1 == runs));
        std::error_code ec;
        if (keep) outputs->push_back(dir / file);
        else fs::remove_all(dir, ec);
    }
    return finish_summary(id, what, pages, timed, warm, log);
}

Summary cold_builds(const Context& cx, const std::string& id, const std::string& what, int pages) {
    const fs::path log = cx.scratch / (id + ".log");
    std::vector<ChildRun> timed;
    ChildRun warm;
    for (int i = -1; i < cx.runs; ++i) {
        say(cx, id, i, cx.runs);
        const fs::path dir = cx.scratch / (id + "-" + std::to_string(i + 1));
        std::vector<std::string> argv{"/usr/bin/env", "XDG_CACHE_HOME=" + (dir / "user-cache").string()};
        const auto build = build_argv(cx, {}, dir / "book.pdf");
        argv.insert(argv.end(), build.begin(), build.end());
        const ChildRun r = run_child(argv, log);
        if (i < 0) warm = r;
        else timed.push_back(r);
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return finish_summary(id, what, pages, timed, warm, log);
}

bool same_pdf_with_jobs(const Context& cx, const std::string& jobs, const fs::path& reference) {
    const fs::path out = cx.scratch / ("jobs-" + jobs) / "book.pdf";
    const ChildRun r = run_child(build_argv(cx, {"--jobs", jobs}, out), cx.scratch / "jobs.log");
    std::ifstream a(out, std::ios::binary), b(reference, std::ios::binary);
    std::ostringstream x, y;
    x << a.rdbuf();
    y << b.rdbuf();
    std::error_code ec;
    fs::remove_all(out.parent_path(), ec);
    return r.exit_code == 0 && !x.str().empty() && x.str() == y.str();
}

Summary repeat_builds(const Context& cx, const std::string& id, const std::string& what, int pages,
                      const std::vector<std::string>& args) {
    const fs::path log = cx.scratch / (id + ".log");
    const fs::path out = cx.scratch / id / "book.pdf";
    std::vector<ChildRun> timed;
    ChildRun warm;
    for (int i = -1; i < cx.runs; ++i) {
        say(cx, id, i, cx.runs);
        const ChildRun r = run_child(build_argv(cx, args, out), log);
        if (i < 0) warm = r;
        else timed.push_back(r);
    }
    std::error_code ec;
    fs::remove_all(out.parent_path(), ec);
    return finish_summary(id, what, pages, timed, warm, log);
}

Summary edited_rebuilds(const Context& cx, const std::string& id, const std::string& what, int pages,
                        const std::vector<std::string>& args, const std::function<bool(int)>& edit) {
    const fs::path log = cx.scratch / (id + ".log");
    const fs::path out = cx.scratch / id / "book.pdf";
    say(cx, id, -1, cx.runs);
    const ChildRun warm = run_child(build_argv(cx, args, out), log);
    std::vector<ChildRun> timed;
    Summary failed_edit;
    for (int i = 0; i < cx.runs; ++i) {
        if (!edit(i + 1)) {
            failed_edit.note = "the edit before run " + std::to_string(i + 1) + " failed";
            break;
        }
        say(cx, id, i, cx.runs);
        timed.push_back(run_child(build_argv(cx, args, out), log));
    }
    std::error_code ec;
    fs::remove_all(out.parent_path(), ec);
    Summary s = finish_summary(id, what, pages, timed, warm, log);
    if (!failed_edit.note.empty()) s.note = failed_edit.note;
    return s;
}

bool has_print_build(const Context& cx) {
    const fs::path log = cx.scratch / "help.log";
    const ChildRun r = run_child({cx.shokuhon.string(), "build", "--help"}, log);
    std::ifstream in(log);
    std::ostringstream text;
    text << in.rdbuf();
    return r.exit_code == 0 && text.str().find("--print") != std::string::npos;
}

ChildRun generate_book(const Context& cx, int pages, const fs::path& out) {
    if (cx.progress) cx.progress("generating a " + std::to_string(pages) + "-page book");
    return run_child({cx.gen_book.string(), "--pages", std::to_string(pages), out.string()}, cx.scratch / "gen_book.log");
}

}  // namespace shokuhon::bench
