#include "content/rich_text.h"

#include "xmlio/xml.h"

namespace shokuhon::content {
namespace {

void append_content(const xmlNode* n, std::string& raw) {
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return;
    raw += reinterpret_cast<const char*>(v);
    xmlFree(v);
}

// As xmlio::text(): a line break and the indentation after it vanish (Japanese has no word
// space), other runs of white space become one space, the ends are trimmed.
std::string normalise(const std::string& raw) {
    std::string out;
    bool pending_space = false, after_newline = false;
    for (const char c : raw) {
        if (c == '\n' || c == '\r') {
            after_newline = true;
            pending_space = false;
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (!after_newline) pending_space = true;
            continue;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = after_newline = false;
        out += c;
    }
    return out;
}

}  // namespace

std::string rich_text(const xmlNode* n) {
    if (!n) return {};
    std::string raw;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("ruby"))) {
            raw += "｜";
            append_content(c, raw);
            raw += "《" + xmlio::attr(c, "rt") + "》";
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            append_content(c, raw);
        }
    }
    return normalise(raw);
}

}  // namespace shokuhon::content
