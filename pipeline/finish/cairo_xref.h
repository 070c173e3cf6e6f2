// finish/ (internal): Cairo 1.16's cross-reference table, read and repaired in place.
//
// Cairo damages its xref table whenever a link is tagged: it reserves structure-tree objects it
// never writes, and their entries point at whatever came next in the file. Nothing reachable
// from the pages refers to them (only orphaned parent-tree arrays do).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shokuhon::finish {

// Cairo's xref: "xref", one subsection "0 N", N entries of 20 bytes, then "trailer".
struct ClassicXref {
    std::size_t xref_at = 0;     // offset of "xref" (what startxref says)
    std::size_t entries_at = 0;  // offset of entry 0
    std::size_t count = 0;       // N
};

// The table as Cairo writes it, or nullopt when the file ends any other way.
std::optional<ClassicXref> find_classic_xref(std::string_view pdf);

// Turns every in-use entry whose object is not where the entry says into a free entry, chained
// from entry 0 (the objects Cairo reserved and never wrote), in place: only bytes of the table
// change. Returns how many.
std::size_t free_unwritten_objects(std::string& pdf, const ClassicXref& x);

// Where object `obj` starts ("obj 0 obj"), when its entry is in use and the object is there.
std::optional<std::size_t> object_offset(std::string_view pdf, const ClassicXref& x, std::size_t obj);

// The raw data of the stream object starting at `offset` whose dictionary says /Length `length`:
// the bytes between "stream" and "endstream", checked against both keywords; nullopt when the
// object is not laid out that way.
std::optional<std::string_view> stream_data_at(std::string_view pdf, std::size_t offset, std::size_t length);

}  // namespace shokuhon::finish
