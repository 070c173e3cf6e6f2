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
    return xmlio::normalise_space(raw);
}

}  // namespace shokuhon::content
