// app/: rendered parts, cached and in parallel (see book_pdf.h).
//
// Parallel rendering uses processes, not threads: each child has its own Cairo and FreeType
// state (Cairo 1.16 shares glyph caches between threads under locks), inherits the composed
// book by fork() without copying it, writes its parts to files and exits. Whatever a child did
// not deliver, this process renders itself, so a failed child costs time, never the build.
#include "app/book_pdf.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include <cairo.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <variant>

#include "app/atomic_file.h"
#include "core/sha256.h"
#include "shape/subset.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

// Collects typed values (lengths before strings, so that no two inputs share bytes) and hashes
// them at once: one SHA-256 call per part, not one per glyph.
class KeyHasher {
public:
    void add(std::int64_t v) { buf_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void add(int v) { add(static_cast<std::int64_t>(v)); }
    void add(double v) { buf_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void add(Length l) { add(l.sp); }
    void add(Point p) { add(p.x), add(p.y); }
    void add(const Rect& r) { add(r.x), add(r.y), add(r.w), add(r.h); }
    void add(std::string_view s) {
        add(static_cast<std::int64_t>(s.size()));
        buf_.append(s);
    }
    std::string hex() const { return sha256_bytes(buf_); }

private:
    std::string buf_;
};

struct KeyInputs {
    const render::RenderInputs& in;
    const std::string& context;
    const std::map<std::string, std::string>& photo_sha;  // every photo's SHA-256, by path
};

void add_colour(KeyHasher& h, const style::LayoutSet& layout, const std::string& name) {
    h.add(name);
    if (name.empty()) return;
    const auto it = layout.colours.find(name);
    if (it == layout.colours.end()) return;  // the painter reports it
    const auto rgb = it->second.rgb();
    h.add(rgb.r), h.add(rgb.g), h.add(rgb.b);
}

std::string photo_hash(const std::string& path, HashCache* hashes) {
    if (path.empty()) return {};
    return hashes ? hashes->sha256(path) : sha256_file(path);
}

// The SHA-256 of every photo the pages place (looked up once, before the parts' keys are
// computed on several threads: the hash cache is not shared between threads).
std::map<std::string, std::string> photo_hashes(const compose::Document& doc, HashCache* hashes) {
    std::map<std::string, std::string> out;
    for (const auto& page : doc.pages) {
        for (const auto& item : page.items) {
            if (const auto* img = std::get_if<compose::ImageItem>(&item); img && !out.count(img->path)) {
                out.emplace(img->path, photo_hash(img->path, hashes));
            }
        }
    }
    return out;
}

std::string part_key(const KeyInputs& k, std::size_t first, std::size_t count) {
    KeyHasher h;
    h.add(std::string_view("shokuhon part 1"));
    h.add(std::string_view(cairo_version_string()));
    h.add(k.context);
    const auto& doc = k.in.doc;
    h.add(doc.trim.w), h.add(doc.trim.h), h.add(doc.bleed);
    for (std::size_t i = first; i < first + count; ++i) {
        const auto& page = doc.pages[i];
        h.add(static_cast<std::int64_t>(page.items.size()));
        for (const auto& item : page.items) {
            h.add(static_cast<int>(item.index()));
            std::visit([&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, compose::GlyphRun>) {
                    h.add(v.font), h.add(v.size), h.add(v.origin), h.add(v.quarter_turns);
                    add_colour(h, k.in.layout, v.colour);
                    h.add(static_cast<std::int64_t>(v.glyphs.size()));
                    for (const auto& g : v.glyphs) h.add(static_cast<std::int64_t>(g.gid)), h.add(g.x), h.add(g.y);
                    h.add(v.utf8);
                    h.add(static_cast<std::int64_t>(v.clusters.size()));
                    for (const auto& c : v.clusters) h.add(static_cast<std::int64_t>(c.bytes)), h.add(static_cast<std::int64_t>(c.glyphs));
                } else if constexpr (std::is_same_v<T, compose::RectItem>) {
                    h.add(v.rect), h.add(v.stroke_width), h.add(v.radius);
                    add_colour(h, k.in.layout, v.fill);
                    add_colour(h, k.in.layout, v.stroke);
                } else if constexpr (std::is_same_v<T, compose::LineItem>) {
                    h.add(v.a), h.add(v.b), h.add(v.width), h.add(v.dotted ? 1 : 0);
                    add_colour(h, k.in.layout, v.colour);
                } else if constexpr (std::is_same_v<T, compose::CircleItem>) {
                    h.add(v.centre), h.add(v.radius), h.add(v.stroke_width);
                    add_colour(h, k.in.layout, v.fill);
                    add_colour(h, k.in.layout, v.stroke);
                } else if constexpr (std::is_same_v<T, compose::ImageItem>) {
                    h.add(v.frame), h.add(v.path), h.add(v.focus_x), h.add(v.focus_y);
                    const auto sha = k.photo_sha.find(v.path);
                    h.add(sha == k.photo_sha.end() ? std::string() : sha->second);
                } else if constexpr (std::is_same_v<T, compose::LinkItem>) {
                    h.add(v.rect), h.add(v.target_page);
                }
            }, item);
        }
    }
    return h.hex();
}

bool read_file(const fs::path& file, std::string& bytes) {
    std::ifstream f(file, std::ios::binary);
    if (!f) return false;
    f.seekg(0, std::ios::end);
    const auto n = f.tellg();
    if (n <= 0) return false;
    bytes.resize(static_cast<std::size_t>(n));
    f.seekg(0);
    return static_cast<bool>(f.read(bytes.data(), n));
}

// A part on disk: replaced atomically, never synced (one lost to a power cut is rendered again,
// and one that cannot be read back is, too).
bool write_file(const fs::path& file, const std::string& bytes) {
    std::error_code ec;
    return write_file_atomically(file, bytes, ec, Durability::kCache);
}

struct Part {
    std::size_t first = 0, count = 0;
    std::string key;
    finish::PreparedPart prepared;
    bool ready = false, cached = false;
};

// A cached or handed-back part: read, then checked field by field (a cut or damaged file is
// not trusted; the part is rendered again).
bool read_part(const fs::path& file, finish::PreparedPart& out) {
    std::string bytes;
    if (!read_file(file, bytes)) return false;
    auto parsed = finish::PreparedPart::parse(std::move(bytes));
    if (!parsed) return false;
    out = std::move(*parsed);
    return true;
}

// The book's file as it is written: the kernel is asked to start writing each 4 MB to disk at
// once (sync_file_range), so that the fsync before the rename waits for the last pieces only.
class FileOut {
public:
    explicit FileOut(const fs::path& p) : fd_(::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {}
    ~FileOut() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileOut(const FileOut&) = delete;
    FileOut& operator=(const FileOut&) = delete;
    bool ok() const { return fd_ >= 0; }
    bool write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
            written_ += static_cast<std::size_t>(n);
        }
        constexpr std::size_t kChunk = 4u << 20;
        if (written_ - flushed_ >= kChunk) {
            ::sync_file_range(fd_, static_cast<off_t>(flushed_), static_cast<off_t>(written_ - flushed_), SYNC_FILE_RANGE_WRITE);
            flushed_ = written_;
        }
        return true;
    }
    bool close() {
        const int fd = std::exchange(fd_, -1);
        return fd >= 0 && ::close(fd) == 0;
    }

private:
    int fd_;
    std::size_t written_ = 0, flushed_ = 0;
};

// Renders a part and prepares it for joining (finish/assemble.h).
bool render_part(render::PartRenderer& renderer, Length bleed, Part& p, Diagnostics& diags) {
    std::string pdf;
    return renderer.render(p.first, p.count, pdf, diags) && finish::prepare_part(pdf, bleed, p.prepared, diags);
}

// Each font role's glyphs on pages [first, first + count) of each range (no text: the subsets
// have an empty cmap).
using PageRanges = std::vector<std::pair<std::size_t, std::size_t>>;
std::map<std::string, shape::GlyphUse> glyph_use(const compose::Document& doc, const PageRanges& ranges) {
    std::map<std::string, shape::GlyphUse> use;
    for (const auto& [first, count] : ranges) {
        for (std::size_t i = first; i < first + count; ++i) {
            for (const auto& item : doc.pages[i].items) {
                const auto* run = std::get_if<compose::GlyphRun>(&item);
                if (!run) continue;
                auto& u = use[run->font];
                for (const auto& g : run->glyphs) u.gids.insert(g.gid);
            }
        }
    }
    return use;
}

// A font subset kept between builds: one file per font file and face, holding the glyph set
// and the program, replaced atomically (a reader sees one build's pair or another's, never a
// mix). Anything it cannot read is no subset.
constexpr std::string_view kSubsetMagic = "shokuhon font subset 1\n";

struct KeptSubset {
    std::vector<std::uint32_t> gids;  // sorted
    std::string program;
};

fs::path subset_file(const fs::path& dir, const std::string& font_key) {
    std::string name = font_key;
    std::replace(name.begin(), name.end(), ' ', '-');
    return dir / (name + ".subset");
}

// The font it was cut from and the HarfBuzz that cut it: a file renamed to another font's name,
// or one from another HarfBuzz, is not taken.
std::string subset_header(const std::string& font_key) {
    return std::string(kSubsetMagic) + "font " + font_key + "\nharfbuzz " + hb_version_string() + "\nrecipe " +
           shape::kSubsetRecipe + "\n";
}

std::optional<KeptSubset> read_subset(const fs::path& file, const std::string& font_key) {
    std::string bytes;
    if (!read_file(file, bytes)) return std::nullopt;
    const std::string head = subset_header(font_key);
    if (bytes.compare(0, head.size(), head) != 0) return std::nullopt;
    std::size_t at = head.size();
    const auto number = [&](std::uint64_t& v) {
        const std::size_t end = bytes.find('\n', at);
        if (end == std::string::npos || end == at || end - at > 12) return false;
        v = 0;
        for (std::size_t i = at; i < end; ++i) {
            if (bytes[i] < '0' || bytes[i] > '9') return false;
            v = v * 10 + static_cast<std::uint64_t>(bytes[i] - '0');
        }
        at = end + 1;
        return true;
    };
    std::uint64_t count = 0, length = 0;
    if (!number(count) || count > 1'000'000 || at + count * 4 > bytes.size()) return std::nullopt;
    KeptSubset k;
    k.gids.resize(count);
    for (std::size_t i = 0; i < count; ++i, at += 4) {
        const auto* b = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        k.gids[i] = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
    }
    if (!std::is_sorted(k.gids.begin(), k.gids.end())) return std::nullopt;
    if (!number(length) || length == 0 || at + length != bytes.size()) return std::nullopt;
    k.program = bytes.substr(at);
    return k;
}

void keep_subset(const fs::path& file, const std::string& font_key, const std::set<std::uint32_t>& gids,
                 const std::string& program) {
    std::string bytes = subset_header(font_key) + std::to_string(gids.size()) + "\n";
    for (const std::uint32_t g : gids) {
        for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>((g >> shift) & 0xFF);
    }
    bytes += std::to_string(program.size()) + "\n" + program;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    remove_orphaned_temporaries(file);  // left by builds killed while saving
    write_file_atomically(file, bytes, ec, Durability::kCache);  // a lost one costs a subset next time
}

// The fonts cut to what `ranges` draw (shape/subset.h), on every core; a role HarfBuzz cannot
// subset is drawn from its file. With a subset cache, a kept subset that holds every glyph is
// used as it is, and a new subset is kept when it holds at least as many glyphs as the one kept
// (a whole book's, not one part's).
render::FontPrograms subset_fonts(const render::RenderInputs& in, const PageRanges& ranges, const BookPdfOptions& opts,
                                  BookPdfStats& stats) {
    const auto use = glyph_use(in.doc, ranges);
    std::vector<std::pair<std::string, const shape::GlyphUse*>> work;
    for (const auto& [role, u] : use) {
        if (in.fonts.find(role)) work.emplace_back(role, &u);
    }
    std::vector<std::string> programs(work.size());
    std::vector<char> kept(work.size(), 0);
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t i = next++; i < work.size(); i = next++) {
            const shape::GlyphUse& u = *work[i].second;
            const auto key = opts.font_keys.find(work[i].first);
            const bool store = !opts.subset_cache.empty() && key != opts.font_keys.end();
            std::optional<KeptSubset> old;
            if (store) old = read_subset(subset_file(opts.subset_cache, key->second), key->second);
            if (old && std::includes(old->gids.begin(), old->gids.end(), u.gids.begin(), u.gids.end())) {
                programs[i] = std::move(old->program);
                kept[i] = 1;
                continue;
            }
            programs[i] = shape::subset_font(*in.fonts.find(work[i].first), u);
            if (store && !programs[i].empty() && (!old || u.gids.size() >= old->gids.size())) {
                keep_subset(subset_file(opts.subset_cache, key->second), key->second, u.gids, programs[i]);
            }
        }
    };
    {
        std::vector<std::jthread> helpers;
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        for (unsigned t = 1; t < cores && t < work.size(); ++t) helpers.emplace_back(run);
        run();
    }  // joined: no thread is left when children are forked
    render::FontPrograms out;
    for (std::size_t i = 0; i < work.size(); ++i) {
        if (programs[i].empty()) continue;
        out.emplace(work[i].first, std::make_shared<const std::string>(std::move(programs[i])));
        ++stats.subsets;
        stats.subsets_cached += kept[i];
    }
    return out;
}

int process_count(int jobs, std::size_t todo) {
    int n = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, std::min(n, static_cast<int>(todo)));
}

// A counter in memory shared with the processes forked after it (an anonymous shared mapping).
class SharedCounter {
public:
    SharedCounter() {
        void* m = ::mmap(nullptr, sizeof(std::atomic<std::size_t>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (m != MAP_FAILED) value_ = new (m) std::atomic<std::size_t>(0);
    }
    ~SharedCounter() {
        if (value_) ::munmap(value_, sizeof(std::atomic<std::size_t>));
    }
    SharedCounter(const SharedCounter&) = delete;
    SharedCounter& operator=(const SharedCounter&) = delete;
    bool ok() const { return value_ != nullptr; }
    std::size_t next() { return value_ ? value_->fetch_add(1) : 0; }

private:
    static_assert(std::atomic<std::size_t>::is_always_lock_free, "shared between processes");
    std::atomic<std::size_t>* value_ = nullptr;
};

double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

bool render_parts(const render::RenderInputs& whole, const BookPdfOptions& opts, std::vector<fs::path>& files,
                  BookPdfStats& stats, Diagnostics& diags) {
    const auto t0 = std::chrono::steady_clock::now();
    // The key leaves out the subsets the parts are drawn with: which glyphs a subset holds
    // depends on which parts are rendered in this build, and a part does not depend on it. Each
    // outline in a subset is self-contained (no shared subroutines), the cmap is empty (the text
    // comes from the clusters) and Cairo embeds only the part's own glyphs, so a part's bytes are
    // a function of its glyphs and the font files (named in `context`).
    const std::string context = opts.context + "fonts subset by HarfBuzz " + hb_version_string() + " (" +
                                shape::kSubsetRecipe + ")\nprepared part 2\n";
    const std::size_t pages = whole.doc.pages.size();
    std::vector<Part> parts;
    for (std::size_t first = 0; first < pages; first += kPartPages) {
        parts.push_back({first, std::min(kPartPages, pages - first), {}, {}, false, false});
    }
    stats = {};
    stats.parts = static_cast<int>(parts.size());
    const bool cache = !opts.cache_dir.empty();
    std::error_code ec;
    if (cache) {
        fs::create_directories(opts.cache_dir, ec);
        const auto photo_sha = photo_hashes(whole.doc, opts.hashes);
        const KeyInputs k{whole, context, photo_sha};
        std::atomic<std::size_t> next{0};
        const auto keys = [&] {
            for (std::size_t i; (i = next++) < parts.size();) parts[i].key = part_key(k, parts[i].first, parts[i].count);
        };
        {
            std::vector<std::jthread> helpers;
            const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
            for (unsigned t = 1; t < cores; ++t) helpers.emplace_back(keys);
            keys();
        }  // joined: no thread is left when children are forked
        for (auto& p : parts) {
            // Read (and checked) when the book is assembled; one that fails then is rendered again.
            p.ready = p.cached = fs::is_regular_file(opts.cache_dir / (p.key + ".part"), ec);
        }
    }
    // Where a part goes: the cache, else a scratch file (the caller removes it).
    const auto part_file = [&](std::size_t i) {
        return cache ? opts.cache_dir / (parts[i].key + ".part")
                     : fs::path(opts.scratch.string() + "part-" + std::to_string(i) + ".part");
    };
    files.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) files.push_back(part_file(i));
    std::vector<std::size_t> todo;
    PageRanges ranges;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].ready) continue;
        todo.push_back(i);
        ranges.emplace_back(parts[i].first, parts[i].count);
    }
    const render::FontPrograms programs = todo.empty() ? render::FontPrograms{} : subset_fonts(whole, ranges, opts, stats);
    stats.subset_s = since(t0);
    render::RenderInputs in = whole;
    in.programs = &programs;
    // Renders part i and hands it over as its file; the part's bytes leave memory at once.
    const auto make = [&](render::PartRenderer& renderer, std::size_t i, Diagnostics& d) {
        return render_part(renderer, in.doc.bleed, parts[i], d) && write_file(part_file(i), parts[i].prepared.serialize()) &&
               (parts[i].prepared = {}, true);
    };
    const int procs = process_count(opts.jobs, todo.size());
    // The processes take the next part to render from a counter they share, so that none waits
    // while another still has several: which process renders a part changes nothing in it.
    SharedCounter counter;
    const auto next_part = [&]() -> std::optional<std::size_t> {
        const std::size_t k = counter.next();
        if (k >= todo.size()) return std::nullopt;
        return todo[k];
    };
    std::vector<pid_t> children;
    if (procs > 1 && counter.ok()) {
        const pid_t parent = ::getpid();
        for (int w = 1; w < procs; ++w) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                // A child dies with the build: it holds the output's lock too (the descriptor is
                // shared), and a killed build must leave the lock free for the next one.
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (::getppid() != parent) ::_exit(1);
                render::PartRenderer renderer(in);
                bool ok = true;
                while (const auto i = next_part()) {
                    Diagnostics child_diags;
                    ok = make(renderer, *i, child_diags) && ok;
                }
                ::_exit(ok ? 0 : 1);  // no destructors, no atexit: the parent owns all of that
            }
            if (pid > 0) children.push_back(pid);
        }
    }
    stats.processes = static_cast<int>(children.size()) + 1;
    render::PartRenderer renderer(in);
    if (children.empty()) {
        for (const std::size_t i : todo) {
            if (!(parts[i].ready = make(renderer, i, diags))) break;
        }
    } else {
        while (const auto i = next_part()) {
            if (!(parts[*i].ready = make(renderer, *i, diags))) break;
        }
    }
    for (const pid_t pid : children) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    bool ok = !diags.has_errors();
    for (const std::size_t i : todo) {
        Part& p = parts[i];
        if (ok && !p.ready) p.ready = fs::is_regular_file(part_file(i), ec);
        // Whatever no child delivered is rendered here, with its diagnostics.
        if (ok && !p.ready) p.ready = make(renderer, i, diags);
        ok = ok && p.ready;
    }
    if (!ok) {
        if (!cache) {
            for (const auto& f : files) fs::remove(f, ec);
        }
        return false;
    }
    stats.rendered = static_cast<int>(todo.size());
    stats.from_cache = stats.parts - stats.rendered;
    if (cache) {  // only this build's parts stay
        std::set<std::string> keep;
        for (const auto& p : parts) keep.insert(p.key + ".part");
        for (const auto& e : fs::directory_iterator(opts.cache_dir, ec)) {
            if (!keep.contains(e.path().filename().string())) fs::remove(e.path(), ec);
        }
    }
    stats.render_s = since(t0) - stats.subset_s;
    return true;
}

bool write_book_pdf(const render::RenderInputs& in, const finish::AssembleOptions& assemble,
                    const BookPdfOptions& opts, const fs::path& out, BookPdfStats& stats, Diagnostics& diags) {
    std::vector<fs::path> files;
    if (!render_parts(in, opts, files, stats, diags)) return false;
    const auto t = std::chrono::steady_clock::now();
    bool ok = false, unreadable = false;
    {
        FileOut f(out);
        Diagnostics assemble_diags;
        const auto load = [&](std::size_t i, finish::PreparedPart& p) {
            if (read_part(files[i], p)) return true;
            unreadable = true;
            return false;
        };
        const auto sink = [&](std::string_view bytes) { return f.write(bytes); };
        ok = f.ok() && finish::assemble_pdf(files.size(), load, assemble, sink, assemble_diags, &stats.sha256);
        ok = f.close() && ok;
        if (!ok) stats.sha256.clear();
        if (!ok && !(unreadable && stats.from_cache > 0)) {
            for (const auto& d : assemble_diags.all()) diags.add(d);
            if (assemble_diags.all().empty()) diags.error("E-OUTPUT-001", {out.string(), 0, 0}, "cannot write the PDF");
        }
    }
    std::error_code ec;
    if (opts.cache_dir.empty()) {
        for (const auto& file : files) fs::remove(file, ec);
    }
    stats.assemble_s = since(t);
    if (!ok && unreadable && stats.from_cache > 0) {
        // A cached part that cannot be read (a disk error, a cut write): render every part again.
        fs::remove_all(opts.cache_dir, ec);
        return write_book_pdf(in, assemble, opts, out, stats, diags);
    }
    return ok;
}

}  // namespace shokuhon::app
