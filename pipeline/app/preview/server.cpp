#include "app/preview/server.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <sstream>

#include "app/json_report.h"

namespace shokuhon::app::preview {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Request bounds. Poco refuses on its own (400, connection closed) a request line over 16 KiB,
// more than 100 header fields, a name over 256 or a value over 8 KiB; these are tighter.
constexpr std::size_t kMaxUri = 2048;
constexpr std::size_t kMaxHeaderBytes = 8192;  // all header names and values together
constexpr std::int64_t kMaxDrainedBody = 64 * 1024;  // a refused body read (and dropped) before closing
constexpr int kDpis[] = {36, 48, 72, 96, 120, 144, 192, 240};

Response text(int status, const std::string& body) {
    Response r;
    r.status = status;
    r.body = std::make_shared<const std::string>(body + "\n");
    return r;
}

Object::Ptr ordered() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string hex(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

template <class T>
bool parse_number(const std::string& s, T& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string query(const Poco::URI& uri, const std::string& name) {
    for (const auto& [k, v] : uri.getQueryParameters()) {
        if (k == name) return v;
    }
    return {};
}

// The smallest rendering size that is at least what the browser asked for (bounded).
int dpi_bucket(int asked) {
    for (int d : kDpis) {
        if (d >= asked) return d;
    }
    return kDpis[std::size(kDpis) - 1];
}

Object::Ptr geometry_json(const Composed& c) {
    const auto& g = c.layout.geometry;
    Object::Ptr o = ordered();
    o->set("trim_w", g.trim_w.pt());
    o->set("trim_h", g.trim_h.pt());
    o->set("bleed", c.doc.bleed.pt());
    o->set("top", g.top.pt());
    o->set("bottom", g.bottom.pt());
    o->set("inner", g.inner.pt());
    o->set("outer", g.outer.pt());
    o->set("columns", g.columns);
    o->set("gutter", g.gutter.pt());
    o->set("leading", c.layout.style("body").leading.pt());
    return o;
}

Array::Ptr pages_json(const Snapshot& s) {
    Array::Ptr a = new Array;
    for (std::size_t i = 0; i < s.pages.size(); ++i) {
        const auto& p = s.pages[i];
        Object::Ptr o = ordered();
        o->set("n", i + 1);
        o->set("label", p.label);
        o->set("section", p.section);
        o->set("colour", p.colour);
        o->set("template", p.tmpl);
        o->set("recto", p.recto);
        o->set("hash", hex(p.hash));
        Array::Ptr shops = new Array;
        for (const auto& name : p.shops) shops->add(name);
        o->set("shops", shops);
        a->add(o);
    }
    return a;
}

}  // namespace

std::string state_json(const Snapshot& s) {
    Object::Ptr o = ordered();
    o->set("version", s.version);
    o->set("building", s.building);
    o->set("ok", s.ok);
    o->set("stale", s.stale);
    o->set("built_at", s.built_at);
    o->set("seconds", s.seconds);
    o->set("title", s.good ? s.good->book.meta.title + " " + s.good->book.meta.edition : std::string());
    if (s.good) o->set("geometry", geometry_json(*s.good));
    o->set("pages", pages_json(s));
    std::size_t errors = 0, warnings = 0;
    Array::Ptr diags = new Array;
    for (std::size_t i = 0; i < s.diagnostics.size(); ++i) {
        const auto& d = s.diagnostics[i];
        errors += d.severity == Severity::kError ? 1 : 0;
        warnings += d.severity == Severity::kWarning ? 1 : 0;
        Object::Ptr dj = diagnostic_json(d);
        dj->set("page", i < s.diagnostic_pages.size() ? s.diagnostic_pages[i] : 0);
        diags->add(dj);
    }
    o->set("errors", errors);
    o->set("warnings", warnings);
    o->set("diagnostics", diags);
    o->set("sections", fill_json(s.fill));
    std::ostringstream out;
    o->stringify(out);
    return out.str();
}

}  // namespace shokuhon::app::preview

namespace shokuhon::app::preview {
namespace {

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]"; }

// Bound to loopback, only pages the browser opened as localhost may read it: a web page
// elsewhere cannot reach it through DNS rebinding.
bool host_allowed(const ServerOptions& opts, const std::string& header) {
    if (!loopback(opts.host)) return true;
    std::string name = header;
    if (!name.empty() && name[0] == '[') {
        name = name.substr(0, name.find(']') + 1);
    } else {
        name = name.substr(0, name.find(':'));
    }
    return loopback(name);
}

Response page_png(PreviewState& state, const Poco::URI& uri, const std::string& path) {
    // /page/<n>.png: n is digits and nothing else.
    const std::string digits = path.substr(6, path.size() - 6 - 4);
    std::size_t n = 0;
    if (digits.size() > 4 || !parse_number(digits, n) || n == 0) return text(404, "no such page");
    int dpi = 96;
    if (const std::string d = query(uri, "dpi"); !d.empty() && !parse_number(d, dpi)) return text(400, "dpi is a number");
    const auto snap = state.current();
    if (!snap->good) return text(503, "the first build is not done yet");
    if (n > snap->pages.size()) return text(404, "no such page");
    auto png = state.page_png(n - 1, dpi_bucket(std::max(1, dpi)));
    if (!png) return text(500, "the page could not be drawn");
    Response r;
    r.type = "image/png";
    r.body = std::move(png);
    // Named by content hash: the same URL is always the same image.
    if (query(uri, "h") == hex(snap->pages[n - 1].hash)) r.cache = "private, max-age=31536000, immutable";
    return r;
}

Response state_route(PreviewState& state, const ServerOptions& opts, const Poco::URI& uri) {
    std::shared_ptr<const Snapshot> snap = state.current();
    if (const std::string since = query(uri, "since"); !since.empty()) {
        std::uint64_t v = 0;
        if (!parse_number(since, v)) return text(400, "since is a version number");
        if (v == snap->version) snap = state.wait_for_change(v, opts.long_poll);
    }
    Response r;
    r.type = "application/json";
    r.body = std::make_shared<const std::string>(state_json(*snap));
    return r;
}

}  // namespace

namespace {

// A request target the routes can take: origin-form ("/..."; not "//host" or "http://…"),
// no "." or ".." segment, no backslash, no control character, and none of these or a slash
// written %-encoded. The routes never touch the file system; this keeps it that way for any
// route added later.
bool plain_path(const std::string& target, const std::string& decoded_path) {
    if (target.empty() || target[0] != '/' || target.rfind("//", 0) == 0) return false;
    const std::string raw = target.substr(0, target.find_first_of("?#"));
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c < 0x20 || c == 0x7F || c == '\\') return false;
        if (c == '%') {
            const auto hex = [&](std::size_t k) {
                const char h = k < raw.size() ? raw[k] : '\0';
                return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            };
            const int hi = hex(i + 1), lo = hex(i + 2);
            if (hi < 0 || lo < 0) return false;
            const int v = hi * 16 + lo;
            if (v < 0x20 || v >= 0x7F || v == '/' || v == '\\' || v == '.') return false;
        }
    }
    for (const std::string& p : {raw, decoded_path}) {
        if (p.empty()) return false;
        std::size_t at = 0;
        while (at != std::string::npos) {
            const std::size_t next = p.find('/', at + 1);
            const std::string segment = p.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
            if (segment == "." || segment == "..") return false;
            at = next;
        }
    }
    return true;
}

}  // namespace

Response handle(PreviewState& state, const ServerOptions& opts, const Request& req) {
    if (req.method != "GET" && req.method != "HEAD") return text(405, "only GET and HEAD");
    if (req.content_length > 0 || req.chunked) return text(413, "no request bodies");
    if (req.uri.size() > kMaxUri) return text(414, "URI too long");
    if (req.header_bytes > kMaxHeaderBytes) return text(431, "request headers too large");
    if (!host_allowed(opts, req.host)) return text(403, "open the preview as http://127.0.0.1:PORT/");
    Poco::URI uri;
    try {
        uri = Poco::URI(req.uri);
    } catch (const Poco::Exception&) {
        return text(400, "bad URI");
    }
    const std::string path = uri.getPath();
    if (!plain_path(req.uri, path)) return text(400, "bad path");
    if (path == "/" || path == "/index.html") {
        Response r;
        r.type = "text/html; charset=utf-8";
        r.cache = "no-cache";
        r.body = std::make_shared<const std::string>(preview_page());
        return r;
    }
    if (path == "/state") return state_route(state, opts, uri);
    if (path == "/version") {
        const auto s = state.current();
        Response r;
        r.type = "application/json";
        r.body = std::make_shared<const std::string>("{\"version\":" + std::to_string(s->version) + ",\"building\":" +
                                                     (s->building ? "true" : "false") + ",\"ok\":" + (s->ok ? "true" : "false") + "}");
        return r;
    }
    if (path.size() > 10 && path.rfind("/page/", 0) == 0 && path.compare(path.size() - 4, 4, ".png") == 0) {
        return page_png(state, uri, path);
    }
    return text(404, "not found");
}

namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    Handler(PreviewState& state, const ServerOptions& opts) : state_(state), opts_(opts) {}
    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
        Request in{req.getMethod(), req.getURI(), req.getHost(), req.getContentLength64(), req.getChunkedTransferEncoding()};
        for (const auto& [name, value] : req) in.header_bytes += name.size() + value.size() + 4;
        const Response out = handle(state_, opts_, in);
        resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(out.status));
        // A request with a body is refused and its connection ends with the answer, so that the
        // body is never taken for the next request. A small body (up to 64 KiB) is read and
        // dropped first: closing on unread bytes resets the connection, and the client could
        // lose the answer.
        if (out.status >= 400 && (in.content_length != 0 || in.chunked)) {
            resp.setKeepAlive(false);
            if (in.content_length > 0 && in.content_length <= kMaxDrainedBody) {
                std::istream& body = req.stream();
                char buf[4096];
                while (body.read(buf, sizeof buf) || body.gcount() > 0) {
                }
            }
        }
        resp.setContentType(out.type);
        resp.set("Cache-Control", out.cache);
        resp.set("X-Content-Type-Options", "nosniff");
        resp.set("Referrer-Policy", "no-referrer");
        resp.set("Content-Security-Policy",
                 "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                 "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        if (out.status == 405) resp.set("Allow", "GET, HEAD");
        const std::string& body = out.body ? *out.body : std::string();
        resp.setContentLength64(static_cast<Poco::Int64>(body.size()));
        if (req.getMethod() == "HEAD") {
            resp.send();
            return;
        }
        resp.send().write(body.data(), static_cast<std::streamsize>(body.size()));
    }

private:
    PreviewState& state_;
    const ServerOptions& opts_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(PreviewState& state, const ServerOptions& opts) : state_(state), opts_(opts) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(state_, opts_);
    }

private:
    PreviewState& state_;
    const ServerOptions& opts_;
};

}  // namespace

PreviewServer::PreviewServer(PreviewState& state, const ServerOptions& opts)
    : state_(state), opts_(opts), pool_(2, std::max(4, opts.max_threads + 2)) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(opts_.host, static_cast<Poco::UInt16>(opts_.port)));
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    // Bounds on load: opts.max_threads requests at once, 64 connections waiting (more are
    // closed at once), an idle keep-alive connection closed after 10 s and any after 1000
    // requests, a silent client after the long-poll time + 10 s.
    params->setMaxThreads(opts_.max_threads);
    params->setMaxQueued(64);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(10, 0));
    params->setMaxKeepAliveRequests(1000);
    params->setTimeout(Poco::Timespan(static_cast<long>(opts_.long_poll.count() / 1000) + 10, 0));
    params->setServerName("shokuhon-preview");
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state, opts_), pool_, socket, params);
    server_->start();
}

PreviewServer::~PreviewServer() { stop(); }

void PreviewServer::stop() {
    if (!server_) return;
    state_.stop();           // long-polls return now instead of at their timeout
    server_->stopAll(true);  // closes open connections too: long-polls do not hold up shutdown
    server_.reset();
    pool_.joinAll();
}

}  // namespace shokuhon::app::preview
