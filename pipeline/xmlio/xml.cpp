#include "xmlio/xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <fstream>
#include <sstream>

namespace shokuhon::xmlio {
namespace {

using ParserCtxtPtr = CHandle<xmlParserCtxt, xmlFreeParserCtxt>;
using RngParserPtr = CHandle<xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt>;
using RngPtr = CHandle<xmlRelaxNG, xmlRelaxNGFree>;
using RngValidPtr = CHandle<xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt>;

// Where libxml2's structured errors go while one call runs.
struct ErrorSink {
    const Document* doc = nullptr;
    const std::string* file = nullptr;
    Diagnostics* diags = nullptr;
    const char* code = "E-XML-001";
};

std::string trim_message(const char* msg) {
    std::string m = msg ? msg : "malformed XML";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

void on_error(void* data, xmlErrorPtr err) {
    auto* sink = static_cast<ErrorSink*>(data);
    if (!sink || !err) return;
    SourceLoc loc{*sink->file, err->line, err->int2 > 0 ? err->int2 : 1};
    std::string entry;
    if (sink->doc && err->node && err->domain != XML_FROM_PARSER) {
        const auto* node = static_cast<const xmlNode*>(err->node);
        loc = sink->doc->loc(node);
        entry = sink->doc->entry_of(node);
    }
    std::string msg = trim_message(err->message);
    if (!entry.empty()) msg = entry + ": " + msg;
    const bool warn = err->level == XML_ERR_WARNING;
    if (warn) sink->diags->warning(sink->code, loc, msg);
    else sink->diags->error(sink->code, loc, msg);
}

void on_parse_error(void* data, xmlErrorPtr err) {
    auto* ctxt = static_cast<xmlParserCtxt*>(data);
    if (ctxt) on_error(ctxt->_private, err);
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Column (1-based, in characters) of "<name" on a source line, or 1.
int column_of(const std::string& line, const std::string& name) {
    const auto pos = line.find("<" + name);
    if (pos == std::string::npos) return 1;
    int col = 1;
    for (std::size_t i = 0; i < pos; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    }
    return col;
}

}  // namespace

Document Document::parse(const std::filesystem::path& file, Diagnostics& diags,
                         std::size_t max_bytes) {
    Document d;
    d.file_ = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diags.error("E-XML-002", {d.file_, 0, 0}, "cannot read file");
        return d;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > max_bytes) {
        diags.error("E-XML-003", {d.file_, 1, 1},
                    "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
        return d;
    }
    d.lines_ = split_lines(bytes);

    ParserCtxtPtr ctxt{xmlNewParserCtxt()};
    if (!ctxt) throw std::bad_alloc();
    ErrorSink sink{nullptr, &d.file_, &diags, "E-XML-001"};
    // libxml2 hands serror the parser context (userData, which SAX2 itself needs); our sink
    // rides along in _private.
    ctxt->sax->serror = on_parse_error;
    ctxt->_private = &sink;
    // No network, no DTD loading, no entity substitution: content is data, not a program.
    const int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA;
    xmlDoc* doc = xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                    d.file_.c_str(), "UTF-8", opts);
    if (!doc || !ctxt->wellFormed) {
        if (doc) xmlFreeDoc(doc);
        if (!diags.has_errors()) diags.error("E-XML-001", {d.file_, 1, 1}, "malformed XML");
        return d;
    }
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        diags.error("E-XML-004", {d.file_, 1, 1}, "DOCTYPE declarations are not allowed",
                    "remove the <!DOCTYPE ...> line");
        return d;
    }
    d.doc_.reset(doc);
    return d;
}

bool Document::validate(std::string_view rng_text, const std::string& schema_name,
                        Diagnostics& diags) const {
    if (!doc_) return false;
    RngParserPtr pctxt{
        xmlRelaxNGNewMemParserCtxt(rng_text.data(), static_cast<int>(rng_text.size()))};
    const std::string& rng_file = schema_name;
    ErrorSink schema_sink{nullptr, &rng_file, &diags, "E-SCHEMA-001"};
    xmlRelaxNGSetParserStructuredErrors(pctxt.get(), on_error, &schema_sink);
    RngPtr schema{xmlRelaxNGParse(pctxt.get())};
    if (!schema) {
        diags.error("E-SCHEMA-001", {rng_file, 0, 0}, "cannot load RELAX NG schema");
        return false;
    }
    RngValidPtr vctxt{xmlRelaxNGNewValidCtxt(schema.get())};
    ErrorSink sink{this, &file_, &diags, "E-SCHEMA-010"};
    xmlRelaxNGSetValidStructuredErrors(vctxt.get(), on_error, &sink);
    const std::size_t before = diags.error_count();
    const int rc = xmlRelaxNGValidateDoc(vctxt.get(), doc_.get());
    if (rc != 0 && diags.error_count() == before) {
        diags.error("E-SCHEMA-010", {file_, 1, 1}, "document does not match its schema");
    }
    return rc == 0;
}

xmlNode* Document::root() const { return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr; }

SourceLoc Document::loc(const xmlNode* node) const {
    if (!node) return {file_, 0, 0};
    const int line = static_cast<int>(xmlGetLineNo(node));
    int col = 1;
    if (line > 0 && static_cast<std::size_t>(line) <= lines_.size() && node->type == XML_ELEMENT_NODE) {
        col = column_of(lines_[static_cast<std::size_t>(line - 1)], name_of(node));
    }
    return {file_, line, col};
}

std::string Document::entry_of(const xmlNode* node) const {
    for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        auto id = attr_opt(n, "id");
        if (!id) continue;
        std::string label = name_of(n);
        if (const xmlNode* nm = child(n, "name")) {
            const std::string t = text(nm);
            if (!t.empty()) label += " \"" + t + "\"";
        }
        return label + " (" + *id + ")";
    }
    return {};
}

std::optional<std::string> attr_opt(const xmlNode* n, const char* name) {
    if (!n) return std::nullopt;
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return std::nullopt;
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string attr(const xmlNode* n, const char* name) { return attr_opt(n, name).value_or(""); }

std::string text(const xmlNode* n) {
    if (!n) return {};
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return {};
    const std::string raw(reinterpret_cast<const char*>(v));
    xmlFree(v);
    // Line breaks and the indentation after them vanish (Japanese has no inter-word space);
    // other runs of white space become one space.
    std::string out;
    bool pending_space = false;
    bool after_newline = false;
    for (char c : raw) {
        if (c == '\n' || c == '\r') { after_newline = true; pending_space = false; continue; }
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

std::string name_of(const xmlNode* n) {
    return n && n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::vector<xmlNode*> children(const xmlNode* n, const char* name) {
    std::vector<xmlNode*> out;
    if (!n) return out;
    for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!name || name_of(c) == name) out.push_back(c);
    }
    return out;
}

xmlNode* child(const xmlNode* n, const char* name) {
    if (!n) return nullptr;
    for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && name_of(c) == name) return c;
    }
    return nullptr;
}

}  // namespace shokuhon::xmlio
