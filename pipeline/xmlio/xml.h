// xmlio/: safe XML reading shared by the content and layout loaders (libxml2).
// Parses without network, DTD loading or entity expansion (a DOCTYPE stops the parser),
// only UTF-8 regular files up to a size limit; validates against a RELAX NG schema, and turns
// every libxml2 error into a diagnostic with file, line, column and the entry (the nearest
// ancestor with an id) it belongs to.
#pragma once
#include <libxml/tree.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostics.h"

namespace shokuhon::xmlio {

using DocPtr = CHandle<xmlDoc, xmlFreeDoc>;

class Document {
public:
    // Parses `file` (at most `max_bytes`); on failure adds errors and returns an empty Document.
    static Document parse(const std::filesystem::path& file, Diagnostics& diags,
                          std::size_t max_bytes = 16u << 20);
    // Validates against a RELAX NG schema given as text (`schema_name` names it in errors);
    // returns false (and adds errors) when invalid.
    bool validate(std::string_view rng_text, const std::string& schema_name,
                  Diagnostics& diags) const;

    explicit operator bool() const { return doc_ != nullptr; }
    xmlNode* root() const;
    const std::string& file() const { return file_; }

    SourceLoc loc(const xmlNode* node) const;
    // "shop \"麺処あさひ\" (gourmet-001)": the entry a node belongs to, or "" when none.
    std::string entry_of(const xmlNode* node) const;

private:
    SourceLoc doctype_loc(int line) const;  // where <!DOCTYPE is on `line`

    DocPtr doc_;
    std::string file_;
    std::vector<std::string> lines_;  // source lines, to compute columns
};

// Small accessors. Text is whitespace-trimmed; line breaks inside text become nothing
// (Japanese prose is written without spaces), runs of spaces become one space.
std::string attr(const xmlNode* n, const char* name);
std::optional<std::string> attr_opt(const xmlNode* n, const char* name);
std::string text(const xmlNode* n);
// The same rule for text gathered some other way (rich text with ruby).
std::string normalise_space(std::string_view raw);
std::string name_of(const xmlNode* n);
std::vector<xmlNode*> children(const xmlNode* n, const char* name = nullptr);
xmlNode* child(const xmlNode* n, const char* name);

}  // namespace shokuhon::xmlio
