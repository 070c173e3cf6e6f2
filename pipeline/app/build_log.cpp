#include "app/build_log.h"

#include <Poco/JSON/Object.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "app/atomic_file.h"
#include "app/hash_cache.h"
#include "app/lock.h"
#include "shape/font_set.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

std::string utc_iso8601(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    ::gmtime_r(&tt, &tm);
    char buf[32] = {};
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string user_name() {
    std::vector<char> buf(16384);
    passwd pw{};
    passwd* found = nullptr;
    if (::getpwuid_r(::geteuid(), &pw, buf.data(), buf.size(), &found) == 0 && found) return found->pw_name;
    return "uid " + std::to_string(::geteuid());
}

std::string host_name() {
    char buf[256] = {};
    return ::gethostname(buf, sizeof buf - 1) == 0 ? buf : "unknown";
}

std::string first_line(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

bool is_object_id(const std::string& s) {
    return (s.size() == 40 || s.size() == 64) &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A branch's commit: a loose ref file (in the worktree's own git dir or the common one), else
// a line of packed-refs.
std::string resolve_ref(const fs::path& gitdir, const fs::path& common, const std::string& ref) {
    for (const fs::path& base : {gitdir, common}) {
        if (const std::string id = first_line(base / ref); is_object_id(id)) return id;
    }
    std::ifstream packed(common / "packed-refs");
    for (std::string line; std::getline(packed, line);) {
        const auto sp = line.find(' ');
        if (sp != std::string::npos && line.substr(sp + 1) == ref && is_object_id(line.substr(0, sp))) {
            return line.substr(0, sp);
        }
    }
    return "unknown";
}

std::string revision_at(const fs::path& dotgit) {
    fs::path gitdir = dotgit;
    std::error_code ec;
    if (fs::is_regular_file(dotgit, ec)) {  // a worktree or submodule: "gitdir: PATH"
        const std::string line = first_line(dotgit);
        if (line.rfind("gitdir: ", 0) != 0) return "unknown";
        gitdir = dotgit.parent_path() / line.substr(8);  // an absolute PATH replaces the prefix
    }
    fs::path common = gitdir;
    if (const std::string c = first_line(gitdir / "commondir"); !c.empty()) common = gitdir / c;
    const std::string head = first_line(gitdir / "HEAD");
    if (is_object_id(head)) return head;  // detached
    if (head.rfind("ref: ", 0) == 0) return resolve_ref(gitdir, common, head.substr(5));
    return "unknown";
}

// Every regular file under `root` (or `root` itself), hidden ones left out.
void add_tree(const fs::path& root, std::vector<fs::path>& out) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
        out.push_back(root);
        return;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind('.', 0) == 0) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) out.push_back(it->path());
    }
}

Object::Ptr input_hashes(const BuildOptions& opts, HashCache& hashes) {
    std::vector<fs::path> files;
    add_tree(opts.content, files);
    add_tree(opts.layouts, files);
    files.push_back(opts.fonts_lock);
    Diagnostics quiet;  // the build itself reports what is wrong with the lock
    for (const auto& e : shape::read_font_lock(opts.fonts_lock, quiet)) files.push_back(e.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& f : files) {
        const std::string h = hashes.sha256(f);
        if (h.empty()) out->set(f.string(), Poco::Dynamic::Var());  // null: unreadable
        else out->set(f.string(), h);
    }
    return out;
}

// Counts per code only: a diagnostic's message can quote content, and the log must not.
Object::Ptr code_counts(const Diagnostics& diags) {
    std::map<std::string, int> counts;
    for (const auto& d : diags.all()) ++counts[d.code];
    Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [code, n] : counts) out->set(code, n);
    return out;
}

struct RecordFacts {
    std::chrono::system_clock::time_point started;
    double seconds = 0;
    const BuildOptions& opts;
    const BuildResult& result;
    const Diagnostics& diags;
    bool busy = false;
};

std::string make_record(const RecordFacts& f, HashCache& hashes) {
    Object rec(Poco::JSON_PRESERVE_KEY_ORDER);
    rec.set("time", utc_iso8601(f.started));
    rec.set("user", user_name());
    rec.set("host", host_name());
    rec.set("revision", source_revision(f.opts.content));
    rec.set("command", "build");
    rec.set("output", f.opts.output.string());
    rec.set("result", f.busy ? "busy" : f.result.exit_code == kExitOk ? "ok" : "failed");
    rec.set("exit_code", f.result.exit_code);
    rec.set("errors", f.diags.error_count());
    rec.set("warnings", f.diags.warning_count());
    rec.set("codes", code_counts(f.diags));
    rec.set("pages", f.result.pages);
    rec.set("seconds", std::round(f.seconds * 1000) / 1000);
    rec.set("output_written", !f.busy && f.result.exit_code == kExitOk);
    // The output as it is now: the new PDF, or the previous one a failed build left alone.
    const std::string out_hash = hashes.sha256(f.opts.output);
    if (out_hash.empty()) rec.set("output_sha256", Poco::Dynamic::Var());
    else rec.set("output_sha256", out_hash);
    rec.set("inputs", input_hashes(f.opts, hashes));
    std::ostringstream line;
    rec.stringify(line);
    return line.str();
}

}  // namespace

fs::path default_build_log(const fs::path& output) { return output.parent_path() / "build-log.jsonl"; }

std::string source_revision(const fs::path& dir) {
    std::error_code ec;
    fs::path d = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    for (int depth = 0; depth < 256 && !ec && !d.empty(); ++depth) {
        if (fs::exists(d / ".git", ec)) return revision_at(d / ".git");
        if (d == d.parent_path()) break;
        d = d.parent_path();
    }
    return "unknown";
}

bool append_log_line(const fs::path& log_file, const std::string& line, std::error_code& ec) {
    if (!log_file.parent_path().empty()) fs::create_directories(log_file.parent_path(), ec);
    UniqueFd fd(::open(log_file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    std::string data;
    struct stat st{};
    char last = '\n';
    if (fd.get() >= 0 && ::fstat(fd.get(), &st) == 0 && st.st_size > 0 &&
        ::pread(fd.get(), &last, 1, st.st_size - 1) == 1 && last != '\n') {
        data = "\n";  // the previous record was cut short by a kill: end it
    }
    data += line + "\n";
    // One write() with O_APPEND: records of builds running side by side do not interleave.
    if (fd.get() < 0 || !write_all(fd.get(), data) || ::fdatasync(fd.get()) != 0 || !fd.close()) {
        ec = std::error_code(errno, std::generic_category());
        return false;
    }
    ec.clear();
    return true;
}

std::vector<std::string> read_log_lines(const fs::path& log_file) {
    std::vector<std::string> lines;
    std::ifstream in(log_file);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

BuildResult run_recorded_build(const BuildOptions& opts, const fs::path& log_file, Diagnostics& diags,
                               std::ostream& log) {
    const auto started = std::chrono::system_clock::now();
    const auto t0 = std::chrono::steady_clock::now();
    HashCache hashes(default_hash_cache(opts.output));
    BuildResult result;
    bool busy = false;
    const std::optional<OutputLock> lock = OutputLock::acquire(opts.output, diags, busy);
    if (lock) {
        remove_stale_temporaries(opts.output);
        BuildOptions with_cache = opts;
        with_cache.hashes = &hashes;
        result = run_build(with_cache, diags, log);
    } else {
        result.exit_code = busy ? kExitTempFail : kExitCantCreate;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::string record = make_record({started, seconds, opts, result, diags, busy}, hashes);
    std::error_code ec;
    if (!append_log_line(log_file, record, ec)) {
        diags.warning("W-OUTPUT-020", {log_file.string(), 0, 0}, "the build log could not be written: " + ec.message());
    }
    if (lock) hashes.save();  // a lost cache only costs re-hashing next time
    return result;
}

}  // namespace shokuhon::app
