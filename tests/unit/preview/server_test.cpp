// The preview without a browser: routes, what they refuse, the long-poll, failed builds that
// keep the last good pages, page hashes, the real server's start and stop, and the folder
// watch that triggers rebuilds.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "app/preview/rebuild.h"
#include "app/preview/server.h"
#include "compose/paginate.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;
using namespace shokuhon::app::preview;
using namespace std::chrono_literals;

namespace {

const fs::path kMini = fs::path(SHOKUHON_TEST_DATA) / "mini";

// The mini book as the preview's builder would return it.
BuildOutcome build_mini(const fs::path& content = kMini) {
    BuildOutcome out;
    auto loaded = content::load_book(content, out.diags);
    auto layout = style::load_layout_set(fs::path(SHOKUHON_SOURCE_DIR) / "layouts", out.diags);
    auto fonts = shape::FontSet::open(shape::read_font_lock(fs::path(SHOKUHON_SOURCE_DIR) / "fonts/fonts.lock", out.diags), out.diags);
    compose::PaginateOptions po;
    po.content_dir = content;
    auto doc = compose::paginate(loaded.book, layout, fonts, po, out.diags, &out.fill);
    if (!out.diags.has_errors()) {
        out.composed = std::make_shared<const app::Composed>(app::Composed{std::move(loaded.book), layout, std::move(fonts), std::move(doc)});
    }
    return out;
}

BuildOutcome failed_build() {
    BuildOutcome out;
    out.diags.error("E-XML-001", {"content/shops/main.xml", 12, 5}, "Opening and ending tag mismatch");
    return out;
}

Response get(PreviewState& state, const std::string& uri, const std::string& host = "127.0.0.1:8080") {
    return handle(state, ServerOptions{}, Request{"GET", uri, host, 0, false});
}

Poco::JSON::Object::Ptr json(const Response& r) {
    return Poco::JSON::Parser().parse(*r.body).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("preview: the page is one document with no external assets", "[preview]") {
    PreviewState state;
    const auto r = get(state, "/");
    CHECK(r.status == 200);
    CHECK(r.type == "text/html; charset=utf-8");
    const std::string& html = *r.body;
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("/state?since=") != std::string::npos);  // it follows the builds by itself
}

TEST_CASE("preview: state and pages of the mini book", "[preview]") {
    PreviewState state;
    CHECK(get(state, "/page/1.png").status == 503);  // nothing built yet
    state.publish(build_mini());
    const auto s = json(get(state, "/state"));
    CHECK(s->getValue<bool>("ok"));
    CHECK_FALSE(s->getValue<bool>("stale"));
    const auto pages = s->getArray("pages");
    REQUIRE(pages->size() == 16);
    CHECK(pages->getObject(0)->getValue<bool>("recto"));
    CHECK(pages->getObject(1)->getArray("shops")->size() == 4);  // four cards on page 2
    CHECK(s->getObject("geometry")->getValue<int>("columns") > 0);
    const std::string hash = pages->getObject(1)->getValue<std::string>("hash");

    const auto png = get(state, "/page/2.png?dpi=36&h=" + hash);
    CHECK(png.status == 200);
    CHECK(png.type == "image/png");
    REQUIRE(png.body->size() > 1000);
    CHECK(png.body->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(png.cache.find("immutable") != std::string::npos);  // named by its content hash
    CHECK(get(state, "/page/2.png?dpi=36&h=0").cache == "no-store");
    // The same page at the same size is served from the cache: the very same bytes.
    CHECK(get(state, "/page/2.png?dpi=36").body == png.body);
}

TEST_CASE("preview: only what it renders, no path reaches the file system", "[preview]") {
    PreviewState state;
    state.publish(build_mini());
    for (const char* uri : {"/etc/passwd", "/page/0.png", "/page/17.png", "/page/1a.png", "/page/-1.png",
                            "/page/99999.png", "/.git/config", "/page/%41.png"}) {
        INFO(uri);
        CHECK(get(state, uri).status == 404);
    }
    // Dot segments, encoded slashes and dots, backslashes, control characters, targets that
    // are not a plain path: refused before any route.
    for (const char* uri : {"/page/../../etc/passwd", "/page/%2e%2e/1.png", "/page/1.png/../../x", "/index.html/../state",
                            "/./state", "/page/..%2f1.png", "/page/%2F1.png", "/page/%5c1.png", "/page\\..\\x",
                            "/page/%00.png", "/page/%1.png", "/page/%zz", "//etc/passwd", "http://127.0.0.1/state",
                            "file:///etc/passwd", "*", "state", "/page/%C0%AE%C0%AE/x"}) {
        INFO(uri);
        CHECK(get(state, uri).status == 400);
    }
    CHECK(get(state, "/state?x=../..").status == 200);  // a query is not a path
    Request big{"GET", "/state", "127.0.0.1", 0, false};
    big.header_bytes = 9000;
    CHECK(handle(state, {}, big).status == 431);
    CHECK(get(state, "/page/1.png?dpi=abc").status == 400);
    CHECK(get(state, "/state?since=x").status == 400);
    CHECK(handle(state, {}, {"POST", "/", "127.0.0.1", 0, false}).status == 405);
    CHECK(handle(state, {}, {"PUT", "/state", "127.0.0.1", 0, false}).status == 405);
    CHECK(handle(state, {}, {"GET", "/", "127.0.0.1", 10, false}).status == 413);
    CHECK(handle(state, {}, {"GET", "/", "127.0.0.1", -1, true}).status == 413);
    CHECK(get(state, "/" + std::string(3000, 'a')).status == 414);
    // DNS rebinding: a page from elsewhere that reaches 127.0.0.1 carries its own Host.
    CHECK(get(state, "/state", "evil.example:8080").status == 403);
    CHECK(get(state, "/state", "localhost:8080").status == 200);
    CHECK(get(state, "/state", "[::1]:8080").status == 200);
}

TEST_CASE("preview: a failed build shows its errors and keeps the last good pages", "[preview]") {
    PreviewState state;
    state.publish(build_mini());
    const auto good = json(get(state, "/state"));
    state.publish(failed_build());
    const auto bad = json(get(state, "/state"));
    CHECK_FALSE(bad->getValue<bool>("ok"));
    CHECK(bad->getValue<bool>("stale"));
    CHECK(bad->getValue<int>("errors") == 1);
    CHECK(bad->getArray("diagnostics")->getObject(0)->getValue<int>("line") == 12);
    CHECK(bad->getArray("pages")->size() == good->getArray("pages")->size());
    CHECK(get(state, "/page/2.png?dpi=36").status == 200);
    state.publish(build_mini());
    CHECK_FALSE(json(get(state, "/state"))->getValue<bool>("stale"));
}

TEST_CASE("preview: before the first build is published, the state says it is building", "[preview]") {
    PreviewState state;
    // A client polling as the server starts (the first build may not have begun) must not read
    // "not building, ok" and take pages that are not there yet.
    const auto before = json(get(state, "/state"));
    CHECK(before->getValue<bool>("building"));
    CHECK(before->getArray("pages")->size() == 0);
    CHECK(get(state, "/version").body->find("\"building\":true") != std::string::npos);
    CHECK(get(state, "/page/1.png").status == 503);
    state.publish(build_mini());
    CHECK_FALSE(json(get(state, "/state"))->getValue<bool>("building"));
    CHECK(get(state, "/page/1.png?dpi=36").status == 200);
}

TEST_CASE("preview: /state?since= waits for the next build, and stop() releases it", "[preview]") {
    PreviewState state;
    state.publish(build_mini());
    const auto v = state.current()->version;
    auto waiting = std::async(std::launch::async, [&] { return get(state, "/state?since=" + std::to_string(v)); });
    CHECK(waiting.wait_for(300ms) == std::future_status::timeout);  // nothing new yet
    state.set_building(true);
    REQUIRE(waiting.wait_for(5s) == std::future_status::ready);
    CHECK(json(waiting.get())->getValue<bool>("building"));
    const auto v2 = state.current()->version;
    auto released = std::async(std::launch::async, [&] { return get(state, "/state?since=" + std::to_string(v2)); });
    state.stop();
    CHECK(released.wait_for(5s) == std::future_status::ready);
}

TEST_CASE("preview: a page's hash changes with the page and only then", "[preview]") {
    const auto a = build_mini(), b = build_mini();
    REQUIRE(a.composed);
    for (std::size_t i = 0; i < a.composed->doc.pages.size(); ++i) CHECK(page_hash(a.composed->doc.pages[i]) == page_hash(b.composed->doc.pages[i]));
    auto page = a.composed->doc.pages[1];
    const auto before = page_hash(page);
    std::get<compose::GlyphRun>(*std::find_if(page.items.begin(), page.items.end(), [](const compose::Placed& p) {
        return std::holds_alternative<compose::GlyphRun>(p);
    })).utf8 += "x";
    CHECK(page_hash(page) != before);
}

TEST_CASE("preview: the server binds to 127.0.0.1, answers, and stops with a long-poll open", "[preview]") {
    PreviewState state;
    state.publish(build_mini());
    ServerOptions opts;
    opts.port = 0;
    PreviewServer server(state, opts);
    REQUIRE(server.port() > 0);
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/version", Poco::Net::HTTPMessage::HTTP_1_1);
    req.setHost("127.0.0.1");
    s.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::istream& body = s.receiveResponse(resp);
    CHECK(resp.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    CHECK(resp.get("X-Content-Type-Options") == "nosniff");
    std::string text{std::istreambuf_iterator<char>(body), {}};
    CHECK(text.find("\"version\":") != std::string::npos);

    auto open_poll = std::async(std::launch::async, [&] {
        Poco::Net::HTTPClientSession c("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
        Poco::Net::HTTPRequest r(Poco::Net::HTTPRequest::HTTP_GET, "/state?since=" + std::to_string(state.current()->version));
        r.setHost("127.0.0.1");
        try {
            c.sendRequest(r);
            Poco::Net::HTTPResponse rr;
            c.receiveResponse(rr);
        } catch (const Poco::Exception&) {
        }
    });
    std::this_thread::sleep_for(200ms);
    const auto t0 = std::chrono::steady_clock::now();
    server.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    CHECK(open_poll.wait_for(5s) == std::future_status::ready);
}

TEST_CASE("preview: a saved file triggers one rebuild after a quiet moment, editors' temp files do not", "[preview]") {
    test::TempDir tmp;
    fs::create_directories(tmp.path() / "shops");
    PreviewState state;
    std::atomic<int> builds{0};
    Rebuilder rebuilder(state, [&] { ++builds; return failed_build(); }, 100ms);
    FolderWatch watch({tmp.path()}, [&] { rebuilder.poke(); });
    CHECK(watch.folders() == 2);
    rebuilder.start();
    const auto wait_for = [&](int n) {
        for (int i = 0; i < 100 && builds < n; ++i) std::this_thread::sleep_for(50ms);
        return builds.load();
    };
    REQUIRE(wait_for(1) == 1);  // the first build
    test::write_file(tmp.path() / "shops" / ".main.xml.swp", "x");
    test::write_file(tmp.path() / "shops" / "main.xml~", "x");
    std::this_thread::sleep_for(600ms);
    CHECK(builds == 1);
    for (int i = 0; i < 5; ++i) test::write_file(tmp.path() / "shops" / "main.xml", "<shops/>" + std::to_string(i));  // one save, many writes
    CHECK(wait_for(2) == 2);
    std::this_thread::sleep_for(600ms);
    CHECK(builds == 2);
    CHECK(FolderWatch::ignored("4913"));
    CHECK_FALSE(FolderWatch::ignored("fish.xml"));
}
