#include "xmlio/xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace shokuhon::xmlio {
namespace {

using ParserCtxtPtr = CHandle<xmlParserCtxt, xmlFreeParserCtxt>;
using RngParserPtr = CHandle<xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt>;
using RngPtr = CHandle<xmlRelaxNG, xmlRelaxNGFree>;
using RngValidPtr = CHandle<xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt>;

namespace fs = std::filesystem;

// A hostile file can make libxml2 report an error per byte; past this many, one note says so and
// the rest are dropped, so a bad file cannot flood the terminal or the memory.
constexpr int kMaxErrorsPerFile = 50;

// Where libxml2's structured errors go while one call runs.
struct ErrorSink {
    const Document* doc = nullptr;
    const std::string* file = nullptr;
    Diagnostics* diags = nullptr;
    const char* code = "E-XML-001";
    int reported = 0;
    int doctype_line = 0;  // set when the parser met <!DOCTYPE (it is stopped right there)
    const std::vector<std::string>* names = nullptr;  // element and attribute names of the schema
};

// One line per diagnostic. Some libxml2 messages go on to quote the document ("Comment not
// terminated\n<!-- ..."): the quote is dropped, it could carry private text into a log.
std::string trim_message(const char* msg) {
    std::string m = msg ? msg : "malformed XML";
    std::string detail;
    if (m.rfind("Input is not proper UTF-8", 0) == 0 && m.find("Bytes: ") != std::string::npos) {
        detail = m.substr(m.find("Bytes: ") + 7);  // "0xFF 0xFE 0xFF 0xE6\n"
        m = "text is not valid UTF-8";
    }
    for (std::string* s : {&m, &detail}) {
        if (const auto nl = s->find('\n'); nl != std::string::npos) s->erase(nl);
        std::replace(s->begin(), s->end(), '\t', ' ');
        while (!s->empty() && s->back() == ' ') s->pop_back();
    }
    return detail.empty() ? m : m + " (bytes " + detail + ")";
}

// libxml2's own advice for bytes that are not UTF-8 is to "indicate encoding", which shokuhon
// does not accept: say what to do instead.
std::string hint_for(const xmlError& err) {
    if (err.code == XML_ERR_INVALID_CHAR || err.code == XML_ERR_INVALID_ENCODING) {
        return "content files must be UTF-8: save the file as UTF-8 (e.g. iconv -f SHIFT_JIS -t UTF-8)";
    }
    if (err.code == XML_ERR_INTERNAL_ERROR && err.message && std::string(err.message).find("depth") != std::string::npos) {
        return "elements are nested too deeply; content files need only a few levels";
    }
    if (err.code == XML_ERR_INTERNAL_ERROR) {
        return "the text here is damaged: the file may be cut short or hold a broken character";
    }
    return {};
}

// Edits between two names; swapping two neighbouring letters ("gird" for "grid") is one edit.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[j] = std::min(cur[j], before[j - 2] + 1);
            }
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// "Invalid attribute fnot for element style": suggest the schema's closest name ("font").
std::string did_you_mean(const std::string& message, const std::vector<std::string>* names) {
    if (!names) return {};
    std::string word;
    for (const char* lead : {"Invalid attribute ", "Did not expect element ", "Expecting element "}) {
        const auto pos = message.find(lead);
        if (pos == std::string::npos) continue;
        const auto start = pos + std::string(lead).size();
        word = message.substr(start, message.find_first_of(" ,", start) - start);
        break;
    }
    if (word.empty()) return {};
    std::string best;
    std::size_t best_d = word.size() / 2 + 1;
    for (const auto& n : *names) {
        const std::size_t d = edit_distance(word, n);
        if (d > 0 && d < best_d) {
            best_d = d;
            best = n;
        }
    }
    return best.empty() ? std::string{} : "did you mean \"" + best + "\"?";
}

// Every name="…" of <element> and <attribute> in a RELAX NG schema.
std::vector<std::string> schema_names(std::string_view rng) {
    std::vector<std::string> out;
    for (std::size_t p = rng.find("name=\""); p != std::string_view::npos; p = rng.find("name=\"", p + 1)) {
        const auto tag = rng.rfind('<', p);
        const auto kind = rng.substr(tag + 1, 9);
        if (kind.rfind("element", 0) != 0 && kind.rfind("attribute", 0) != 0) continue;
        const auto end = rng.find('"', p + 6);
        out.emplace_back(rng.substr(p + 6, end - p - 6));
    }
    return out;
}

void on_error(void* data, xmlErrorPtr err) {
    auto* sink = static_cast<ErrorSink*>(data);
    if (!sink || !err) return;
    if (++sink->reported > kMaxErrorsPerFile) {
        if (sink->reported == kMaxErrorsPerFile + 1) {
            sink->diags->error("E-XML-009", {*sink->file, 0, 0},
                               "more than " + std::to_string(kMaxErrorsPerFile) +
                                   " errors in this file; the rest are not shown");
        }
        return;
    }
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
    std::string hint = hint_for(*err);
    if (hint.empty()) hint = did_you_mean(msg, sink->names);
    if (warn) sink->diags->warning(sink->code, loc, msg, hint);
    else sink->diags->error(sink->code, loc, msg, hint);
}

void on_parse_error(void* data, xmlErrorPtr err) {
    auto* ctxt = static_cast<xmlParserCtxt*>(data);
    if (ctxt) on_error(ctxt->_private, err);
}

// SAX hook for <!DOCTYPE: content is data, so a DTD (and with it every entity declaration,
// billion laughs or external) is refused before libxml2 reads any of it.
void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
    auto* sink = static_cast<ErrorSink*>(ctxt->_private);
    if (sink) sink->doctype_line = ctxt->input ? std::max(ctxt->input->line, 1) : 1;
    xmlStopParser(ctxt);
}

// Reads a regular file of at most `max_bytes`. Folders, pipes and devices are refused before
// they are opened: a FIFO would block forever and /dev/zero never ends.
std::optional<std::string> read_bounded(const fs::path& file, std::size_t max_bytes,
                                        const std::string& name, Diagnostics& diags) {
    std::error_code ec;
    const auto st = fs::status(file, ec);
    if (ec || !fs::exists(st)) {
        diags.error("E-XML-002", {name, 0, 0}, "cannot read file: it does not exist");
        return std::nullopt;
    }
    if (!fs::is_regular_file(st)) {
        diags.error("E-XML-002", {name, 0, 0}, "cannot read file: not a regular file (a folder, pipe or device)");
        return std::nullopt;
    }
    const auto size = fs::file_size(file, ec);
    if (ec) {
        diags.error("E-XML-002", {name, 0, 0}, "cannot read file: " + ec.message());
        return std::nullopt;
    }
    if (size > max_bytes) {
        diags.error("E-XML-003", {name, 1, 1},
                    "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
        return std::nullopt;
    }
    // One byte more than the size seen: a file that grows in the meantime is noticed.
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size) + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad() || (!in && !in.eof())) {
        diags.error("E-XML-002", {name, 0, 0}, "cannot read file");
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > size) {  // it grew while being read
        diags.error("E-XML-002", {name, 0, 0}, "cannot read file: it changed while being read");
        return std::nullopt;
    }
    return bytes;
}

// The encoding a file is in when it is not UTF-8 (byte order mark, UTF-16 without one, or the
// XML declaration), or "" for UTF-8. libxml2 is told the input is UTF-8, so anything else
// would only fail later with a byte-level message.
std::string foreign_encoding(const std::string& b) {
    auto starts = [&](std::string_view p) { return b.compare(0, p.size(), p) == 0; };
    using namespace std::string_view_literals;
    if (starts("\x00\x00\xFE\xFF"sv) || starts("\xFF\xFE\x00\x00"sv)) return "UTF-32";
    if (starts("\xFE\xFF"sv) || starts("\x00<\x00?"sv)) return "UTF-16 (big-endian)";
    if (starts("\xFF\xFE"sv) || starts("<\x00?\x00"sv)) return "UTF-16 (little-endian)";
    const std::size_t start = starts("\xEF\xBB\xBF"sv) ? 3 : 0;
    if (b.compare(start, 5, "<?xml") != 0) return {};
    const std::string decl = b.substr(start, std::min(b.find("?>", start), start + 200) - start);
    const auto at = decl.find("encoding");
    if (at == std::string::npos) return {};
    const auto q = decl.find_first_of("\"'", at);
    if (q == std::string::npos) return {};
    const auto end = decl.find(decl[q], q + 1);
    std::string enc = decl.substr(q + 1, end == std::string::npos ? std::string::npos : end - q - 1);
    // Not a name (XML's EncName: letters, digits, . _ -): a broken declaration, which libxml2
    // reports itself; it must not reach a message as it is (it may hold a line break).
    const auto is_name_char = [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; };
    if (enc.empty() || !std::all_of(enc.begin(), enc.end(), is_name_char)) return {};
    std::string lower = enc;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "utf-8" || lower == "utf8" ? std::string() : enc;
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
    auto read = read_bounded(file, max_bytes, d.file_, diags);
    if (!read) return d;
    const std::string& bytes = *read;
    if (const std::string enc = foreign_encoding(bytes); !enc.empty()) {
        diags.error("E-XML-005", {d.file_, 1, 1}, "file is encoded as " + enc + "; content files must be UTF-8",
                    "save it as UTF-8 and declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return d;
    }
    d.lines_ = split_lines(bytes);

    const std::size_t errors_before = diags.error_count();
    ParserCtxtPtr ctxt{xmlNewParserCtxt()};
    if (!ctxt) throw std::bad_alloc();
    ErrorSink sink{nullptr, &d.file_, &diags, "E-XML-001"};
    // libxml2 hands serror the parser context (userData, which SAX2 itself needs); our sink
    // rides along in _private.
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->_private = &sink;
    // No network, no DTD loading, no entity substitution: content is data, not a program.
    // No XML_PARSE_HUGE, so libxml2's limits on depth and text size stay on; BIG_LINES keeps
    // line numbers right past 65535.
    const int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
    DocPtr doc{xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                 d.file_.c_str(), "UTF-8", opts)};
    if (sink.doctype_line > 0 || (doc && (doc->intSubset || doc->extSubset))) {
        diags.error("E-XML-004", d.doctype_loc(sink.doctype_line),
                    "DOCTYPE declarations are not allowed (no DTD, no entities)",
                    "remove the <!DOCTYPE ...> declaration");
        return d;
    }
    if (!doc || !ctxt->wellFormed) {
        if (diags.error_count() == errors_before) diags.error("E-XML-001", {d.file_, 1, 1}, "malformed XML");
        return d;
    }
    d.doc_ = std::move(doc);
    return d;
}

SourceLoc Document::doctype_loc(int line) const {
    line = std::max(line, 1);
    const auto i = static_cast<std::size_t>(line - 1);
    const auto pos = i < lines_.size() ? lines_[i].find("<!DOCTYPE") : std::string::npos;
    return {file_, line, pos == std::string::npos ? 1 : static_cast<int>(pos) + 1};
}

bool Document::validate(std::string_view rng_text, const std::string& schema_name,
                        Diagnostics& diags) const {
    if (!doc_) return false;
    const std::string& rng_file = schema_name;
    ErrorSink schema_sink{nullptr, &rng_file, &diags, "E-SCHEMA-001"};
    // The schema's XML is parsed here, not by xmlRelaxNGParse: libxml2 would print that
    // parser's errors to stderr, and stages never print.
    ParserCtxtPtr xctxt{xmlNewParserCtxt()};
    if (!xctxt) throw std::bad_alloc();
    xctxt->sax->serror = on_parse_error;
    xctxt->_private = &schema_sink;
    DocPtr rng_doc{xmlCtxtReadMemory(xctxt.get(), rng_text.data(), static_cast<int>(rng_text.size()),
                                     rng_file.c_str(), "UTF-8", XML_PARSE_NONET)};
    RngParserPtr pctxt{rng_doc ? xmlRelaxNGNewDocParserCtxt(rng_doc.get()) : nullptr};
    if (!pctxt) {
        diags.error("E-SCHEMA-001", {rng_file, 0, 0}, "cannot load RELAX NG schema");
        return false;
    }
    xmlRelaxNGSetParserStructuredErrors(pctxt.get(), on_error, &schema_sink);
    RngPtr schema{xmlRelaxNGParse(pctxt.get())};
    if (!schema) {
        diags.error("E-SCHEMA-001", {rng_file, 0, 0}, "cannot load RELAX NG schema");
        return false;
    }
    RngValidPtr vctxt{xmlRelaxNGNewValidCtxt(schema.get())};
    const std::vector<std::string> names = schema_names(rng_text);
    ErrorSink sink{this, &file_, &diags, "E-SCHEMA-010"};
    sink.names = &names;
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

std::string normalise_space(std::string_view raw) {
    // Line breaks and the indentation after them vanish (Japanese has no inter-word space);
    // other runs of white space become one space; the ends are trimmed.
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

std::string text(const xmlNode* n) {
    if (!n) return {};
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return {};
    const std::string raw(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return normalise_space(raw);
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
