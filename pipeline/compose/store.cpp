// compose/: compositions kept between builds (see store.h).
#include "compose/store.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <utility>
#include <vector>
#include <mutex>
#include <type_traits>

#include "core/sha256.h"

namespace shokuhon::compose {
namespace {

constexpr std::string_view kMagic = "shokuhon compositions 1\n";

// Numbers as LEB128 varints (signed ones zigzagged): glyph IDs, positions in sp and byte
// offsets are mostly small, and the file is read on every build.
class Out {
public:
    void u(std::uint64_t v) {
        while (v >= 0x80) {
            s += static_cast<char>((v & 0x7F) | 0x80);
            v >>= 7;
        }
        s += static_cast<char>(v);
    }
    void i(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void len(Length l) { i(l.sp); }
    void real(double v) {
        char b[sizeof v];
        std::memcpy(b, &v, sizeof v);
        s.append(b, sizeof v);
    }
    void str(std::string_view v) {
        u(v.size());
        s.append(v);
    }
    std::string s;
};

class In {
public:
    explicit In(std::string_view d) : d_(d) {}
    bool u(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= d_.size()) return false;
            const auto b = static_cast<unsigned char>(d_[at_++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return true;
        }
        return false;
    }
    template <class T>
    bool u(T& v) {  // narrower unsigned fields: the value must fit
        std::uint64_t w = 0;
        if (!u(w) || w > std::numeric_limits<T>::max()) return false;
        v = static_cast<T>(w);
        return true;
    }
    bool i(std::int64_t& v) {
        std::uint64_t w = 0;
        if (!u(w)) return false;
        v = static_cast<std::int64_t>(w >> 1) ^ -static_cast<std::int64_t>(w & 1);
        return true;
    }
    bool len(Length& l) { return i(l.sp); }
    bool real(double& v) {
        if (d_.size() - at_ < sizeof v) return false;
        std::memcpy(&v, d_.data() + at_, sizeof v);
        at_ += sizeof v;
        return true;
    }
    bool str(std::string& v) {
        std::uint64_t n = 0;
        if (!u(n) || n > d_.size() - at_) return false;
        v.assign(d_.data() + at_, n);
        at_ += n;
        return true;
    }
    // A count of items of at least `min_bytes` each that the rest can hold.
    bool count(std::uint64_t& n, std::size_t min_bytes) { return u(n) && n <= (d_.size() - at_) / min_bytes; }
    template <class E>
    bool small_enum(E& e, unsigned last) {
        std::uint64_t v = 0;
        if (!u(v) || v > last) return false;
        e = static_cast<E>(v);
        return true;
    }
    bool done() const { return at_ == d_.size(); }

private:
    std::string_view d_;
    std::size_t at_ = 0;
};

void write_shaped(Out& o, const shape::Shaped& s) {
    o.u(s.glyphs.size());
    for (const auto& g : s.glyphs) {
        o.u(g.gid), o.u(g.cluster), o.len(g.advance), o.len(g.x_offset), o.len(g.y_offset), o.u(g.face);
    }
    o.u(s.clusters.size());
    for (const auto& c : s.clusters) {
        o.u(c.first_cp), o.u(c.last_cp), o.len(c.advance), o.u(c.text_begin), o.u(c.text_end);
        o.u(static_cast<std::uint8_t>(c.kind)), o.len(c.overhang_before), o.len(c.overhang_after);
    }
    o.u(s.orientation.size());
    for (const auto v : s.orientation) o.u(static_cast<std::uint8_t>(v));
}

bool read_shaped(In& in, shape::Shaped& s) {
    std::uint64_t n = 0;
    if (!in.count(n, 6)) return false;
    s.glyphs.resize(n);
    for (auto& g : s.glyphs) {
        if (!in.u(g.gid) || !in.u(g.cluster) || !in.len(g.advance) || !in.len(g.x_offset) || !in.len(g.y_offset) ||
            !in.u(g.face)) {
            return false;
        }
    }
    if (!in.count(n, 8)) return false;
    s.clusters.resize(n);
    for (auto& c : s.clusters) {
        std::uint32_t first = 0, last = 0;
        if (!in.u(first) || !in.u(last) || !in.len(c.advance) || !in.u(c.text_begin) || !in.u(c.text_end) ||
            !in.small_enum(c.kind, 2) || !in.len(c.overhang_before) || !in.len(c.overhang_after)) {
            return false;
        }
        c.first_cp = first, c.last_cp = last;
    }
    for (const auto& g : s.glyphs) {
        if (g.cluster >= s.clusters.size()) return false;
    }
    if (!in.count(n, 1)) return false;
    s.orientation.resize(n);
    for (auto& v : s.orientation) {
        if (!in.small_enum(v, 2)) return false;
    }
    return true;
}

// What every composition of one text in one style shares (Typesetter::shaping): written once
// for all the measures it was set in.
void write_shared(Out& o, const Composition& c) {
    o.str(c.text);
    write_shaped(o, c.shaped);
    o.u(c.ruby.size());
    for (const auto& r : c.ruby) {
        o.u(r.cluster);
        o.str(r.utf8);
        o.u(r.glyphs.size());
        for (const auto& g : r.glyphs) o.u(g.gid), o.len(g.x), o.len(g.y);
        o.u(r.clusters.size());
        for (const auto& s : r.clusters) o.u(s.bytes), o.u(s.glyphs);
        o.len(r.size);
    }
    o.u(c.vertical ? 1 : 0);
}

bool read_shared(In& in, Composition& c) {
    if (!in.str(c.text) || !read_shaped(in, c.shaped)) return false;
    std::uint64_t n = 0;
    if (!in.count(n, 6)) return false;
    c.ruby.resize(n);
    for (auto& r : c.ruby) {
        std::uint64_t cluster = 0, m = 0;
        if (!in.u(cluster) || cluster >= c.shaped.clusters.size() || !in.str(r.utf8) || !in.count(m, 3)) return false;
        r.cluster = cluster;
        r.glyphs.resize(m);
        for (auto& g : r.glyphs) {
            if (!in.u(g.gid) || !in.len(g.x) || !in.len(g.y)) return false;
        }
        if (!in.count(m, 2)) return false;
        r.clusters.resize(m);
        for (auto& s : r.clusters) {
            if (!in.u(s.bytes) || !in.u(s.glyphs)) return false;
        }
        if (!in.len(r.size)) return false;
    }
    std::uint64_t vertical = 0;
    if (!in.u(vertical) || vertical > 1) return false;
    c.vertical = vertical != 0;
    return true;
}

// What one measure adds: the parameters and the lines.
void write_set(Out& o, const Composition& c) {
    const auto& p = c.params;
    o.len(p.measure), o.len(p.em), o.len(p.first_indent);
    o.u(static_cast<std::uint8_t>(p.strictness)), o.u(static_cast<std::uint8_t>(p.mode));
    o.u(static_cast<std::uint8_t>(p.align)), o.u(p.hang_punctuation ? 1 : 0);
    o.u(c.lines.size());
    for (const auto& l : c.lines) {
        o.u(l.begin), o.u(l.end - l.begin);
        o.u(l.x.size());
        for (const auto x : l.x) o.len(x);
        o.len(l.natural), o.len(l.width), o.real(l.ratio), o.u(static_cast<std::uint8_t>(l.rule));
    }
}

bool read_set(In& in, Composition& c) {
    auto& p = c.params;
    std::uint64_t hang = 0, n = 0;
    if (!in.len(p.measure) || !in.len(p.em) || !in.len(p.first_indent) || !in.small_enum(p.strictness, 3) ||
        !in.small_enum(p.mode, 1) || !in.small_enum(p.align, 1) || !in.u(hang) || hang > 1) {
        return false;
    }
    p.hang_punctuation = hang != 0;
    if (!in.count(n, 13)) return false;
    c.lines.resize(n);
    for (auto& l : c.lines) {
        std::uint64_t begin = 0, size = 0, m = 0;
        if (!in.u(begin) || !in.u(size) || begin > c.shaped.clusters.size() || size > c.shaped.clusters.size() - begin ||
            !in.count(m, 1)) {
            return false;
        }
        l.begin = begin, l.end = begin + size;
        l.x.resize(m);
        for (auto& x : l.x) {
            if (!in.len(x)) return false;
        }
        if (!in.len(l.natural) || !in.len(l.width) || !in.real(l.ratio) || !in.small_enum(l.rule, 5)) return false;
    }
    return true;
}

// A composition's key is its measure, "n" or "i" (indent), then the shaping's key (style values
// and text): compositions of one shaping are written together under that.
std::pair<std::string_view, std::string_view> split_key(std::string_view key) {
    const std::size_t at = key.find_first_of("ni");
    if (at == std::string_view::npos) return {{}, key};
    return {key.substr(0, at + 1), key.substr(at + 1)};
}

}  // namespace

std::shared_ptr<const Composition> CompositionStore::composition(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = compositions_.find(key);
    if (it == compositions_.end()) return nullptr;
    it->second.used = true;
    ++hits_;
    return it->second.value;
}

void CompositionStore::put(const std::string& key, std::shared_ptr<const Composition> c) {
    std::lock_guard lock(mutex_);
    auto& e = compositions_[key];
    e.value = std::move(c);
    e.used = e.added = true;
    added_ = true;
}

std::shared_ptr<const shape::Shaped> CompositionStore::shaped(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = shaped_.find(key);
    if (it == shaped_.end()) return nullptr;
    it->second.used = true;
    ++hits_;
    return it->second.value;
}

void CompositionStore::put(const std::string& key, std::shared_ptr<const shape::Shaped> s) {
    std::lock_guard lock(mutex_);
    auto& e = shaped_[key];
    e.value = std::move(s);
    e.used = e.added = true;
    added_ = true;
}

std::size_t CompositionStore::size() const {
    std::lock_guard lock(mutex_);
    return compositions_.size() + shaped_.size();
}

bool CompositionStore::changed() const {
    std::lock_guard lock(mutex_);
    if (added_) return true;
    for (const auto& [k, e] : compositions_) {
        if (!e.used) return true;
    }
    for (const auto& [k, e] : shaped_) {
        if (!e.used) return true;
    }
    return false;
}

// Entries (all used ones, or only those this build added) in key order: the same store gives
// the same bytes.
std::string CompositionStore::body(bool added_only) const {
    const auto wanted = [&](const auto& e) { return added_only ? e.added : e.used; };
    std::map<std::string_view, std::vector<std::pair<std::string_view, const Composition*>>> groups;
    for (const auto& [k, e] : compositions_) {
        if (!wanted(e)) continue;
        const auto [measure, shaping] = split_key(k);
        groups[shaping].emplace_back(measure, e.value.get());
    }
    Out body;
    body.u(groups.size());
    for (auto& [shaping, sets] : groups) {
        std::sort(sets.begin(), sets.end());
        body.str(shaping);
        write_shared(body, *sets.front().second);
        body.u(sets.size());
        for (const auto& [measure, c] : sets) {
            body.str(measure);
            write_set(body, *c);
        }
    }
    std::map<std::string_view, const shape::Shaped*> plain;
    for (const auto& [k, e] : shaped_) {
        if (wanted(e)) plain.emplace(k, e.value.get());
    }
    body.u(plain.size());
    for (const auto& [k, v] : plain) {
        body.str(k);
        write_shaped(body, *v);
    }
    Out seg;
    seg.u(body.s.size());
    seg.s += sha256_bytes(body.s);
    return seg.s + body.s;
}

std::string CompositionStore::serialize() const {
    std::lock_guard lock(mutex_);
    Out head;
    head.s = kMagic;
    head.str(context_);
    return head.s + body(false);
}

std::string CompositionStore::segment() const {
    std::lock_guard lock(mutex_);
    return body(true);
}

bool CompositionStore::stale() const {
    std::lock_guard lock(mutex_);
    std::size_t used = 0, unused = 0;
    for (const auto& [k, e] : compositions_) (e.used ? used : unused) += 1;
    for (const auto& [k, e] : shaped_) (e.used ? used : unused) += 1;
    return unused * 2 > used;
}

namespace {

template <class Compositions, class Shapeds>
bool read_body(In& in, Compositions& compositions, Shapeds& shaped) {
    std::uint64_t groups = 0, n = 0;
    if (!in.count(groups, 4)) return false;
    for (std::uint64_t g = 0; g < groups; ++g) {
        std::string shaping;
        Composition shared;
        if (!in.str(shaping) || !read_shared(in, shared) || !in.count(n, 8)) return false;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::string measure;
            auto c = std::make_shared<Composition>();
            c->text = shared.text;
            c->shaped = shared.shaped;
            c->ruby = shared.ruby;
            c->vertical = shared.vertical;
            if (!in.str(measure) || !read_set(in, *c)) return false;
            compositions[measure.append(shaping)].value = std::move(c);
        }
    }
    if (!in.count(n, 4)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string key;
        auto s = std::make_shared<shape::Shaped>();
        if (!in.str(key) || !read_shaped(in, *s)) return false;
        shaped[std::move(key)].value = std::move(s);
    }
    return in.done();
}

}  // namespace

bool CompositionStore::parse(std::string_view bytes) {
    if (bytes.substr(0, kMagic.size()) != kMagic) return false;
    bytes.remove_prefix(kMagic.size());
    In head(bytes);
    std::string context;
    if (!head.str(context) || context != context_) return false;
    Out prefix;
    prefix.str(context);
    bytes.remove_prefix(prefix.s.size());
    decltype(compositions_) compositions;
    decltype(shaped_) shaped;
    compositions.reserve(4096);
    shaped.reserve(4096);
    while (!bytes.empty()) {  // segments, later ones adding to earlier ones
        In seg(bytes);
        std::uint64_t size = 0;
        if (!seg.u(size)) return false;
        Out n;
        n.u(size);
        const std::size_t at = n.s.size() + 64;
        if (bytes.size() < at || bytes.size() - at < size) return false;
        const std::string_view body = bytes.substr(at, size);
        if (bytes.substr(n.s.size(), 64) != sha256_bytes(body)) return false;
        In in(body);
        if (!read_body(in, compositions, shaped)) return false;
        bytes.remove_prefix(at + size);
    }
    std::lock_guard lock(mutex_);
    compositions_ = std::move(compositions);
    shaped_ = std::move(shaped);
    added_ = false;
    return true;
}

}  // namespace shokuhon::compose
