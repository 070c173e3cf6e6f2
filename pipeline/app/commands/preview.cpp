// shokuhon preview: a local web page that shows the book as it composes, rebuilt on every save.
#include <pthread.h>
#include <signal.h>

#include <Poco/Exception.h>

#include <chrono>
#include <cstdio>
#include <sstream>

#include "app/build.h"
#include "app/command.h"
#include "app/preview/rebuild.h"
#include "app/preview/server.h"

namespace shokuhon::app {
namespace {

using namespace preview;

BuildOptions preview_build_options(const CommandContext& ctx) {
    BuildOptions o;
    o.content = ctx.get("content", o.content.string());
    o.layouts = ctx.get("layouts", o.layouts.string());
    o.fonts_lock = ctx.get("fonts", o.fonts_lock.string());
    o.strict_fonts = ctx.has("strict-fonts");
    o.render = false;  // pages are drawn when the browser asks for them
    o.keep_composed = true;
    return o;
}

// The build the preview runs on every change: whatever run_build does (a cached run_build
// makes the preview faster with no change here).
Builder make_builder(const BuildOptions& opts) {
    return [opts] {
        const auto t0 = std::chrono::steady_clock::now();
        BuildOutcome out;
        std::ostringstream log;
        BuildResult r = run_build(opts, out.diags, log);
        out.composed = std::move(r.composed);
        out.fill = std::move(r.fill);
        out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return out;
    };
}

void print_build(std::ostream& out, const Snapshot& s) {
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : s.diagnostics) {
        errors += d.severity == Severity::kError ? 1 : 0;
        warnings += d.severity == Severity::kWarning ? 1 : 0;
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", s.seconds);
    out << "preview: " << s.built_at << " built in " << secs << " s: " << errors << " errors, " << warnings << " warnings";
    if (s.stale) out << " (showing the last good pages)";
    out << std::endl;
}

// SIGINT and SIGTERM are blocked in every thread (threads inherit the mask of the thread that
// starts them) and taken by sigwait: shutdown runs in order on the main thread, not in a handler.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set_, &old_);
    }
    ~StopSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    void wait() const {
        int sig = 0;
        sigwait(&set_, &sig);
    }

private:
    sigset_t set_, old_;
};

}  // namespace

int run_preview_command(const CommandContext& ctx) {
    ServerOptions so;
    so.host = ctx.get("host", so.host);
    const std::string port = ctx.get("port", "8080");
    try {
        so.port = std::stoi(port);
    } catch (...) {
        so.port = -1;
    }
    if (so.port < 0 || so.port > 65535 || !ctx.args.empty()) {
        ctx.err << "usage: shokuhon preview [--port N] [--host ADDRESS] [--content DIR] [--layouts DIR]\n";
        return kExitUsage;
    }
    const BuildOptions bo = preview_build_options(ctx);
    const StopSignals stop_signals;  // before any thread starts
    PreviewState state;
    Rebuilder rebuilder(state, make_builder(bo));
    rebuilder.on_built([&ctx](const Snapshot& s) { print_build(ctx.out, s); });
    std::unique_ptr<PreviewServer> server;
    try {
        server = std::make_unique<PreviewServer>(state, so);
    } catch (const Poco::Exception& e) {
        ctx.err << "shokuhon: preview: cannot listen on " << so.host << ":" << so.port << ": " << e.displayText() << '\n';
        return kExitCantCreate;
    }
    const FolderWatch watch({bo.content, bo.layouts, bo.fonts_lock.parent_path()}, [&rebuilder] { rebuilder.poke(); });
    rebuilder.start();
    ctx.out << "preview: http://" << (so.host.find(':') != std::string::npos ? "[" + so.host + "]" : so.host) << ":"
            << server->port() << "/  (watching " << watch.folders() << " folders; Ctrl-C stops)" << std::endl;
    if (so.host != "127.0.0.1" && so.host != "localhost" && so.host != "::1") {
        ctx.err << "shokuhon: preview: listening on " << so.host << ": other machines can read the book\n";
    }
    stop_signals.wait();
    ctx.out << "preview: stopping" << std::endl;
    server->stop();
    rebuilder.stop();
    return kExitOk;
}

}  // namespace shokuhon::app
