// app/preview/: what the preview shows, shared between the rebuild thread and the HTTP
// threads. A Snapshot is immutable once published; publishing swaps a pointer under a mutex
// and wakes the long-polls. A failed build publishes its diagnostics but keeps the last good
// pages. Rendered PNGs are cached by page content hash, so a page that did not change is
// never rendered twice and the browser keeps its copy.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/build.h"
#include "core/diagnostics.h"

namespace shokuhon::app::preview {

// One build as the preview needs it (what a Builder returns).
struct BuildOutcome {
    std::shared_ptr<const Composed> composed;  // null when the build failed
    Diagnostics diags;
    compose::FillReport fill;
    double seconds = 0;
};

struct PageInfo {
    std::string label, section, colour, tmpl;  // colour: "#rrggbb"
    bool recto = true;
    std::uint64_t hash = 0;                    // of the page's content; changes when it does
    std::vector<std::string> shops;            // names of the shops whose cards are on it
};

struct Snapshot {
    std::uint64_t version = 0;
    bool building = false;
    bool ok = true;        // the latest build had no errors
    bool stale = false;    // pages are from an earlier build (the latest failed)
    std::string built_at;  // local time of the latest build: "14:05:03"
    double seconds = 0;
    std::shared_ptr<const Composed> good;  // the last good build, null before the first
    std::vector<PageInfo> pages;           // of `good`
    std::vector<Diagnostic> diagnostics;   // of the latest build
    std::vector<int> diagnostic_pages;     // 1-based page each diagnostic concerns, 0: none
    compose::FillReport fill;
};

// Page information of a composed book: labels, section colours, content hashes, shops.
std::vector<PageInfo> describe_pages(const Composed& c);
std::uint64_t page_hash(const compose::Page& page);

class PreviewState {
public:
    PreviewState();
    std::shared_ptr<const Snapshot> current() const;
    // Publishes a finished build; a failed one keeps the previous good pages.
    void publish(BuildOutcome outcome);
    void set_building(bool building);
    // Waits until the version differs from `since` (or the timeout, or stop()); returns current().
    std::shared_ptr<const Snapshot> wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout) const;
    void stop();  // wakes every waiter, for shutdown
    bool stopped() const;

    // PNG of page `index` (0-based) of the current good build at `dpi`, from the cache or rendered.
    std::shared_ptr<const std::string> page_png(std::size_t index, int dpi);
    // Renders, before a snapshot is published, the pages that are being looked at and changed.
    void prerender(const Composed& c, const std::vector<PageInfo>& pages);

private:
    void swap_in(std::shared_ptr<Snapshot> next);
    std::shared_ptr<const std::string> render(const Composed& c, std::size_t index, std::uint64_t hash, int dpi);

    mutable std::mutex mu_;
    mutable std::condition_variable changed_;
    std::shared_ptr<const Snapshot> snap_;
    bool stopped_ = false;

    // PNG cache: (hash, dpi) → bytes, least recently used first out, bounded in bytes.
    using Key = std::pair<std::uint64_t, int>;
    std::mutex cache_mu_;
    std::list<Key> lru_;
    std::map<Key, std::pair<std::shared_ptr<const std::string>, std::list<Key>::iterator>> cache_;
    std::size_t cache_bytes_ = 0;
    std::list<std::pair<std::size_t, int>> recent_;  // (page index, dpi) last asked for
};

}  // namespace shokuhon::app::preview
