#include "app/preview/rebuild.h"

#include <Poco/Delegate.h>
#include <Poco/Exception.h>

#include <exception>

namespace shokuhon::app::preview {

namespace fs = std::filesystem;

Rebuilder::Rebuilder(PreviewState& state, Builder build, std::chrono::milliseconds quiet)
    : state_(state), build_(std::move(build)), quiet_(quiet) {}

Rebuilder::~Rebuilder() { stop(); }

void Rebuilder::start() { thread_ = std::thread([this] { run(); }); }

void Rebuilder::poke() {
    {
        std::lock_guard lock(mu_);
        dirty_ = true;
        last_poke_ = std::chrono::steady_clock::now();
    }
    cv_.notify_all();
}

void Rebuilder::stop() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int Rebuilder::builds() const {
    std::lock_guard lock(mu_);
    return builds_;
}

void Rebuilder::build_once() {
    state_.set_building(true);
    BuildOutcome out;
    try {
        out = build_();
    } catch (const std::exception& e) {
        // The preview outlives a crashing build: the error shows beside the last good pages.
        out = BuildOutcome{};
        out.diags.error("E-PREVIEW-001", {}, std::string("internal error while building: ") + e.what());
    }
    state_.publish(std::move(out));
    if (on_built_) on_built_(*state_.current());
    std::lock_guard lock(mu_);
    ++builds_;
}

void Rebuilder::run() {
    build_once();
    std::unique_lock lock(mu_);
    while (!stop_) {
        cv_.wait(lock, [&] { return stop_ || dirty_; });
        // Quiet period: a save is often several writes (temp file, rename, attributes).
        while (!stop_) {
            const auto since = std::chrono::steady_clock::now() - last_poke_;
            if (since >= quiet_) break;
            cv_.wait_for(lock, quiet_ - since);
        }
        if (stop_) break;
        dirty_ = false;
        lock.unlock();
        build_once();
        lock.lock();
    }
}

FolderWatch::FolderWatch(const std::vector<fs::path>& roots, std::function<void()> on_change)
    : on_change_(std::move(on_change)) {
    std::vector<fs::path> dirs;
    for (const auto& root : roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) continue;
        dirs.push_back(root);
        for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec) && !ignored(it->path())) dirs.push_back(it->path());
        }
    }
    for (const auto& d : dirs) {
        auto w = std::make_unique<Poco::DirectoryWatcher>(d.string(), Poco::DirectoryWatcher::DW_FILTER_ENABLE_ALL, 1);
        w->itemAdded += Poco::delegate(this, &FolderWatch::on_event);
        w->itemRemoved += Poco::delegate(this, &FolderWatch::on_event);
        w->itemModified += Poco::delegate(this, &FolderWatch::on_event);
        w->itemMovedFrom += Poco::delegate(this, &FolderWatch::on_event);
        w->itemMovedTo += Poco::delegate(this, &FolderWatch::on_event);
        watchers_.push_back(std::move(w));
    }
}

FolderWatch::~FolderWatch() {
    for (auto& w : watchers_) {
        w->itemAdded -= Poco::delegate(this, &FolderWatch::on_event);
        w->itemRemoved -= Poco::delegate(this, &FolderWatch::on_event);
        w->itemModified -= Poco::delegate(this, &FolderWatch::on_event);
        w->itemMovedFrom -= Poco::delegate(this, &FolderWatch::on_event);
        w->itemMovedTo -= Poco::delegate(this, &FolderWatch::on_event);
    }
    // Each watcher's destructor waits for its thread to notice (up to a scan interval); one
    // thread per watcher makes shutdown take one interval, not one per folder.
    std::vector<std::thread> closing;
    for (auto& w : watchers_) closing.emplace_back([owned = std::move(w)]() mutable { owned.reset(); });
    for (auto& t : closing) t.join();
    watchers_.clear();
}

bool FolderWatch::ignored(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.empty() || name[0] == '.' || name.back() == '~' || name == "4913") return true;
    const std::string ext = file.extension().string();
    return ext == ".swp" || ext == ".swx" || ext == ".tmp" || ext == ".bak";
}

void FolderWatch::on_event(const Poco::DirectoryWatcher::DirectoryEvent& e) {
    if (!ignored(fs::path(e.item.path()))) on_change_();
}

}  // namespace shokuhon::app::preview
