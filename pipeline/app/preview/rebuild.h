// app/preview/: rebuilding on change. FolderWatch watches content/ and layouts/ (and their
// subfolders as they are at start) with Poco::DirectoryWatcher and reports changes, ignoring
// editors' temporary files; Rebuilder runs the build on its own thread once the files have been
// quiet for a moment (an editor's save is often several writes) and publishes the result.
// The build itself is a function: a faster run_build (cached stages) drops in unchanged.
#pragma once
#include <Poco/DirectoryWatcher.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/preview/state.h"

namespace shokuhon::app::preview {

using Builder = std::function<BuildOutcome()>;

class Rebuilder {
public:
    Rebuilder(PreviewState& state, Builder build, std::chrono::milliseconds quiet = std::chrono::milliseconds(120));
    ~Rebuilder();  // stops and joins
    Rebuilder(const Rebuilder&) = delete;
    Rebuilder& operator=(const Rebuilder&) = delete;

    // Called on the rebuild thread after each build is published (the command prints a line).
    void on_built(std::function<void(const Snapshot&)> f) { on_built_ = std::move(f); }
    void start();  // builds once, then on every poke()
    void poke();   // something changed: build again when things are quiet
    void stop();
    int builds() const;

private:
    void run();
    void build_once();

    PreviewState& state_;
    Builder build_;
    std::function<void(const Snapshot&)> on_built_;
    std::chrono::milliseconds quiet_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    bool dirty_ = false, stop_ = false;
    int builds_ = 0;
    std::chrono::steady_clock::time_point last_poke_;
    std::thread thread_;
};

class FolderWatch {
public:
    FolderWatch(const std::vector<std::filesystem::path>& roots, std::function<void()> on_change);
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;
    std::size_t folders() const { return watchers_.size(); }

    // Editors' temporary and backup files (.#x, x~, .x.swp, 4913) are not content.
    static bool ignored(const std::filesystem::path& file);

private:
    void on_event(const Poco::DirectoryWatcher::DirectoryEvent& e);
    std::function<void()> on_change_;
    std::vector<std::unique_ptr<Poco::DirectoryWatcher>> watchers_;
};

}  // namespace shokuhon::app::preview
