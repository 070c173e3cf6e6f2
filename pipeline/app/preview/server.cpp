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

constexpr std::size_t kMaxUri = 2048;
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
