// compose/: paragraphs as composed, kept between builds (in the build cache). A paragraph shaped
// and broken by one build is taken as it was by the next when the same text is set in the same
// style and measure: the key is the Typesetter's own (text, style values, measure, indent), and
// everything else a composition depends on — the font files, HarfBuzz, the line-breaking mode,
// the program itself — is the store's context: a file written in another context is not read.
// Only what a build used is written back, so the file holds one book's paragraphs.
// Thread-safe: the threads that build pages share one store.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "compose/text.h"

namespace shokuhon::compose {

class CompositionStore {
public:
    explicit CompositionStore(std::string context) : context_(std::move(context)) {}

    // The file is a header (the context) and segments, each with its SHA-256. serialize(): the
    // whole file with one segment of what this build used. segment(): one segment of what this
    // build added, for appending to the file it read (a rebuild adds a few paragraphs to a file of
    // thousands). A segment cut short by a crash spoils the file, which is then not read.
    std::string serialize() const;
    std::string segment() const;
    // Takes a file serialize() and segment() wrote in the same context; false, and nothing taken,
    // when it is damaged (every segment's SHA-256 is checked) or of another context.
    bool parse(std::string_view bytes);
    // Something was added, or something read was not used: the file should change.
    bool changed() const;
    // Entries read and not used outnumber half of those used: rewrite instead of appending.
    bool stale() const;
    bool added() const { return added_; }  // put() was called since parse()

    std::shared_ptr<const Composition> composition(const std::string& key);  // null: not kept
    void put(const std::string& key, std::shared_ptr<const Composition> c);
    std::shared_ptr<const shape::Shaped> shaped(const std::string& key);
    void put(const std::string& key, std::shared_ptr<const shape::Shaped> s);

    std::size_t hits() const { return hits_; }
    std::size_t size() const;

private:
    template <class V>
    struct Entry {
        V value;
        bool used = false;
        bool added = false;  // by this build (not read)
    };
    std::string body(bool added_only) const;
    std::string context_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry<std::shared_ptr<const Composition>>> compositions_;
    std::unordered_map<std::string, Entry<std::shared_ptr<const shape::Shaped>>> shaped_;
    std::atomic<std::size_t> hits_{0};
    std::atomic<bool> added_{false};
};

}  // namespace shokuhon::compose
