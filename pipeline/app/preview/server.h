// app/preview/: the preview's HTTP server (Poco::Net), bound to 127.0.0.1 unless told
// otherwise. It serves only what it makes: the page (one HTML document, no external assets),
// the state as JSON (long-poll: /state?since=VERSION answers when the version changes), and
// page images rendered by render::render_raster. No part of a URL ever reaches the file
// system; requests with a body (413), URLs over 2 KiB (414), headers over 8 KiB (431), paths
// with "." or ".." segments, encoded slashes or dots, backslashes or control characters (400)
// and foreign Host headers (403) are refused before any route.
#pragma once
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "app/preview/state.h"

namespace shokuhon::app::preview {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (see PreviewServer::port)
    int max_threads = 16;
    std::chrono::milliseconds long_poll = std::chrono::seconds(25);
};

struct Request {
    std::string method, uri, host;  // host: the Host header
    std::int64_t content_length = 0;  // -1 when unknown
    bool chunked = false;
    std::size_t header_bytes = 0;     // all header names and values together
};

struct Response {
    int status = 200;
    std::string type = "text/plain; charset=utf-8";
    std::string cache = "no-store";
    std::shared_ptr<const std::string> body;
};

// The routes, without the network (the server and the tests call it).
Response handle(PreviewState& state, const ServerOptions& opts, const Request& req);

// The state as the page reads it.
std::string state_json(const Snapshot& s);

// The preview page.
const std::string& preview_page();

class PreviewServer {
public:
    PreviewServer(PreviewState& state, const ServerOptions& opts);  // binds and starts; throws Poco::Exception
    ~PreviewServer();
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;
    int port() const { return port_; }
    void stop();

private:
    PreviewState& state_;
    ServerOptions opts_;
    Poco::ThreadPool pool_;  // the server's own threads, not Poco's process-wide pool
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    int port_ = 0;
};

}  // namespace shokuhon::app::preview
