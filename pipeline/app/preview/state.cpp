#include "app/preview/state.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "app/proof.h"
#include "render/render.h"

namespace shokuhon::app::preview {
namespace {

constexpr std::size_t kCacheBytes = 96u << 20;  // a few hundred pages at screen resolutions
constexpr std::size_t kRecent = 6;              // pages in view: a spread or two, at one or two sizes

// FNV-1a, 64 bits: fast, stable across runs, good enough to tell pages apart.
struct Hasher {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    void num(std::int64_t v) { bytes(&v, sizeof v); }
    void str(const std::string& s) {
        num(static_cast<std::int64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    void len(Length l) { num(l.sp); }
    void real(double d) {
        std::int64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        num(bits);
    }
    void rect(const Rect& r) {
        len(r.x);
        len(r.y);
        len(r.w);
        len(r.h);
    }
};

struct ItemHasher {
    Hasher& h;
    void operator()(const compose::GlyphRun& r) const {
        h.str(r.font), h.len(r.size), h.len(r.origin.x), h.len(r.origin.y), h.str(r.colour), h.str(r.utf8);
        for (const auto& g : r.glyphs) h.num(g.gid), h.len(g.x), h.len(g.y);
    }
    void operator()(const compose::RectItem& r) const { h.rect(r.rect), h.str(r.fill), h.str(r.stroke), h.len(r.stroke_width), h.len(r.radius); }
    void operator()(const compose::LineItem& l) const { h.len(l.a.x), h.len(l.a.y), h.len(l.b.x), h.len(l.b.y), h.len(l.width), h.str(l.colour), h.num(l.dotted); }
    void operator()(const compose::CircleItem& c) const { h.len(c.centre.x), h.len(c.centre.y), h.len(c.radius), h.str(c.fill), h.str(c.stroke), h.len(c.stroke_width); }
    void operator()(const compose::ImageItem& i) const {
        h.rect(i.frame), h.str(i.path), h.real(i.focus_x), h.real(i.focus_y);
        // A photo replaced under the same name changes the page too.
        struct stat st {};
        if (!i.path.empty() && ::stat(i.path.c_str(), &st) == 0) h.num(st.st_size), h.num(st.st_mtim.tv_sec), h.num(st.st_mtim.tv_nsec);
    }
    void operator()(const compose::LinkItem& l) const { h.rect(l.rect), h.num(l.target_page); }
};

std::string css_colour(const style::LayoutSet& layout, const std::string& name) {
    auto it = layout.colours.find(name);
    if (it == layout.colours.end()) return "#d0d0d0";
    const auto rgb = it->second.rgb();
    const auto c = [](double v) { return static_cast<int>(std::clamp(v, 0.0, 1.0) * 255 + 0.5); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c(rgb.r), c(rgb.g), c(rgb.b));
    return buf;
}

std::string clock_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

// The page a diagnostic concerns: the page of the shop it names by location.
std::vector<int> pages_of(const std::vector<Diagnostic>& diags, const Composed* c) {
    std::vector<int> out(diags.size(), 0);
    if (!c) return out;
    std::map<std::pair<std::string, int>, std::size_t> page_by_loc;
    for (const auto& [id, place] : find_all_cards(*c)) {
        if (const auto* s = c->book.find_shop(id)) page_by_loc[{s->loc.file, s->loc.line}] = place.page_index + 1;
    }
    for (std::size_t i = 0; i < diags.size(); ++i) {
        auto it = page_by_loc.find({diags[i].loc.file, diags[i].loc.line});
        if (it != page_by_loc.end()) out[i] = static_cast<int>(it->second);
    }
    return out;
}

}  // namespace

std::uint64_t page_hash(const compose::Page& page) {
    Hasher h;
    h.num(page.folio);
    h.str(page.label);
    for (const auto& item : page.items) {
        h.num(static_cast<std::int64_t>(item.index()));
        std::visit(ItemHasher{h}, item);
    }
    return h.h;
}

std::vector<PageInfo> describe_pages(const Composed& c) {
    std::vector<PageInfo> pages;
    for (const auto& p : c.doc.pages) {
        PageInfo info{p.label.empty() ? std::to_string(p.folio) : p.label, p.section, "#d0d0d0", p.tmpl, p.folio % 2 == 1,
                      page_hash(p), {}};
        if (const auto* s = c.book.find_section(p.section)) info.colour = css_colour(c.layout, s->colour);
        pages.push_back(std::move(info));
    }
    for (const auto& [id, place] : find_all_cards(c)) {
        if (const auto* s = c.book.find_shop(id)) pages[place.page_index].shops.push_back(s->name);
    }
    return pages;
}

}  // namespace shokuhon::app::preview

namespace shokuhon::app::preview {

// Until the first build is published the preview is building: the first build starts with the
// server, and a client asking /version before it has begun must not read "done".
PreviewState::PreviewState() {
    auto first = std::make_shared<Snapshot>();
    first->building = true;
    snap_ = std::move(first);
}

std::shared_ptr<const Snapshot> PreviewState::current() const {
    std::lock_guard lock(mu_);
    return snap_;
}

void PreviewState::swap_in(std::shared_ptr<Snapshot> next) {
    {
        std::lock_guard lock(mu_);
        next->version = snap_->version + 1;
        snap_ = std::move(next);
    }
    changed_.notify_all();
}

void PreviewState::set_building(bool building) {
    auto next = std::make_shared<Snapshot>(*current());
    next->building = building;
    swap_in(std::move(next));
}

void PreviewState::publish(BuildOutcome outcome) {
    const auto prev = current();
    auto next = std::make_shared<Snapshot>(*prev);
    next->building = false;
    next->ok = !outcome.diags.has_errors() && outcome.composed;
    next->built_at = clock_now();
    next->seconds = outcome.seconds;
    next->diagnostics = outcome.diags.all();
    if (next->ok) {
        next->good = outcome.composed;
        next->pages = describe_pages(*next->good);
        next->fill = std::move(outcome.fill);
        next->stale = false;
        prerender(*next->good, next->pages);
    } else {
        next->stale = next->good != nullptr;
    }
    next->diagnostic_pages = pages_of(next->diagnostics, next->good.get());
    swap_in(std::move(next));
}

std::shared_ptr<const Snapshot> PreviewState::wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mu_);
    changed_.wait_for(lock, timeout, [&] { return stopped_ || snap_->version != since; });
    return snap_;
}

void PreviewState::stop() {
    {
        std::lock_guard lock(mu_);
        stopped_ = true;
    }
    changed_.notify_all();
}

bool PreviewState::stopped() const {
    std::lock_guard lock(mu_);
    return stopped_;
}

std::shared_ptr<const std::string> PreviewState::render(const Composed& c, std::size_t index, std::uint64_t hash, int dpi) {
    const Key key{hash, dpi};
    {
        std::lock_guard lock(cache_mu_);
        if (auto it = cache_.find(key); it != cache_.end()) {
            lru_.splice(lru_.end(), lru_, it->second.second);  // most recently used last
            return it->second.first;
        }
    }
    render::Raster raster;
    Diagnostics ignored;  // a page that cannot be drawn comes back empty: the page shows it
    if (!render::render_raster({c.doc, c.layout, c.fonts}, index, dpi, raster, ignored)) return nullptr;
    auto png = std::make_shared<const std::string>(render::encode_png(raster));
    std::lock_guard lock(cache_mu_);
    if (cache_.count(key)) return cache_[key].first;
    lru_.push_back(key);
    cache_[key] = {png, std::prev(lru_.end())};
    cache_bytes_ += png->size();
    while (cache_bytes_ > kCacheBytes && lru_.size() > 1) {
        cache_bytes_ -= cache_[lru_.front()].first->size();
        cache_.erase(lru_.front());
        lru_.pop_front();
    }
    return png;
}

std::shared_ptr<const std::string> PreviewState::page_png(std::size_t index, int dpi) {
    const auto snap = current();
    if (!snap->good || index >= snap->pages.size()) return nullptr;
    {
        std::lock_guard lock(cache_mu_);
        recent_.remove({index, dpi});
        recent_.push_front({index, dpi});
        if (recent_.size() > kRecent) recent_.pop_back();
    }
    return render(*snap->good, index, snap->pages[index].hash, dpi);
}

void PreviewState::prerender(const Composed& c, const std::vector<PageInfo>& pages) {
    std::list<std::pair<std::size_t, int>> recent;
    {
        std::lock_guard lock(cache_mu_);
        recent = recent_;
    }
    for (const auto& [index, dpi] : recent) {
        if (index < pages.size()) render(c, index, pages[index].hash, dpi);
    }
}

}  // namespace shokuhon::app::preview
