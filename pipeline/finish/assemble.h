// finish/: joins the PDF parts that render::render_pdf_part writes (a few pages each, rendered
// in parallel and cached by content) into the delivered book: every page with TrimBox and
// BleedBox, the page labels, the outline, a name tree resolving the links' page names
// ("p<N>"), the Info dictionary, a fresh cross-reference table and a deterministic /ID (the
// first 16 bytes of the SHA-256 of everything before the trailer).
//
// Two steps. prepare_part reads a part with qpdf and writes out its pages and everything they
// reach (streams byte for byte, dictionaries rewritten) with object numbers left blank, so a part
// is parsed once, where it is rendered, and can be kept in the build cache in that form;
// assemble_pdf then only fills in the numbers and adds the book's own objects. Each part keeps
// its own font subsets; a photo that several parts show is written once.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/units.h"

namespace shokuhon::finish {

// A part's objects, serialised with their numbers to be filled in (local numbers 1..objects).
struct PreparedPart {
    struct Fixup {
        enum Kind : std::uint8_t { kObject, kRef, kParent } kind;  // "N 0 obj\n", "N 0 R", the page tree's "N 0 R"
        std::uint32_t local;  // the object's local number (kObject, kRef)
        std::uint64_t at;     // where in `text` it goes
    };
    std::uint32_t objects = 0;
    std::vector<std::uint32_t> pages;  // local numbers of its pages, in order
    std::vector<double> heights;       // each page's MediaBox height (for destinations)
    std::vector<Fixup> fixups;         // in order of `at`
    // Objects another part may hold byte for byte (photos: image XObjects without references),
    // by the SHA-256 of their text: the book keeps the first and points the others at it.
    struct Shared {
        std::uint32_t local;
        std::array<unsigned char, 32> digest;
    };
    std::vector<Shared> shared;
    std::string text;

    // The text, then the numbers and a fixed-size tail: parse() keeps the text where it was read.
    std::string serialize() const;
    // nullopt unless `bytes` are exactly what serialize() writes, consistent in every number.
    static std::optional<PreparedPart> parse(std::string&& bytes);
};

// Reads a part (a complete PDF; repaired in place when Cairo's xref table needs it). Returns
// false with E-FINISH-002 when it cannot be read.
bool prepare_part(std::string& pdf, Length bleed, PreparedPart& out, Diagnostics& diags);

struct AssembleOptions {
    Length bleed = Length::from_mm(3);  // MediaBox inset to TrimBox on every side
    std::vector<std::string> labels;    // page labels as printed, one per page of the book
    struct Bookmark {
        std::string title;
        int page = 0;  // 1-based
    };
    std::vector<Bookmark> outline;      // top level, in order; shown closed
    std::string title, author, subject, keywords, creator;  // Info (UTF-8)
    std::string creation_date;          // PDF date "D:20270325000000+09'00'", "" = none
};

// Where the book goes, in pieces, in order; false when it cannot take them.
using PdfSink = std::function<bool(std::string_view)>;
// Part i (in page order) into the given PreparedPart; false when it cannot be had.
using PartLoader = std::function<bool(std::size_t, PreparedPart&)>;

// Joins `count` parts, loading one at a time and writing the book to `sink` as it goes (the book
// is never whole in memory). Returns false with E-FINISH-002 when a part cannot be loaded, the
// parts' pages do not match `opts.labels` or the sink fails. `file_sha256`, when given, gets the
// SHA-256 (hex) of everything written to the sink: the /ID's digest, carried on over the trailer.
bool assemble_pdf(std::size_t count, const PartLoader& load, const AssembleOptions& opts, const PdfSink& sink,
                  Diagnostics& diags, std::string* file_sha256 = nullptr);

// The same for parts in memory, into a string.
bool assemble_pdf(const std::vector<PreparedPart>& parts, const AssembleOptions& opts, std::string& out,
                  Diagnostics& diags);

// Both steps, for parts as Cairo wrote them (repaired in place).
bool assemble_pdf(std::vector<std::string>& parts, const AssembleOptions& opts, std::string& out,
                  Diagnostics& diags);

}  // namespace shokuhon::finish
