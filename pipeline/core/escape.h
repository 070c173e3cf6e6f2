// core/: escaping for the files written by hand: JSON string literals (preflight report,
// delivery manifest) and XML/HTML text and attributes (XMP, imported shop files, proof report).
// UTF-8 passes through as it is.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace shokuhon {

inline std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// & < > " as entities: safe in XML and HTML text and in double-quoted attributes.
inline std::string markup_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace shokuhon
