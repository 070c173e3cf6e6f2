// tests/browser: a child process with its stdout on a pipe, stopped with SIGTERM (then
// SIGKILL) when it goes out of scope; and a WebDriver client for chromedriver.
#pragma once
#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace shokuhon::test {

class Child {
public:
    explicit Child(const std::vector<std::string>& argv) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
        posix_spawn_file_actions_addclose(&fa, fds[0]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        const int rc = posix_spawnp(&pid_, args[0], &fa, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        ::close(fds[1]);
        out_ = fds[0];
        if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    }
    ~Child() {
        if (pid_ > 0) stop();
        if (out_ >= 0) ::close(out_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Reads stdout until `needle` appears or the time is up; returns what was read.
    std::string read_until(const std::string& needle, std::chrono::seconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (seen_.find(needle) == std::string::npos && std::chrono::steady_clock::now() < end) {
            pollfd p{out_, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            char buf[4096];
            const ssize_t n = ::read(out_, buf, sizeof buf);
            if (n <= 0) break;
            seen_.append(buf, static_cast<std::size_t>(n));
        }
        return seen_;
    }

    // SIGTERM, then waits (SIGKILL after `grace`); returns the exit status, -1 when killed.
    int stop(std::chrono::milliseconds grace = std::chrono::milliseconds(10000)) {
        if (pid_ <= 0) return status_;
        ::kill(pid_, SIGTERM);
        const auto end = std::chrono::steady_clock::now() + grace;
        int st = 0;
        while (::waitpid(pid_, &st, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > end) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &st, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = 0;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        return status_;
    }

private:
    pid_t pid_ = 0;
    int out_ = -1;
    int status_ = -1;
    std::string seen_;
};

inline int free_port() {
    Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
    return s.address().port();
}

// The few WebDriver commands the test needs (W3C protocol, JSON over HTTP).
class WebDriver {
public:
    explicit WebDriver(int port) : port_(port) {}

    Poco::Dynamic::Var call(const std::string& method, const std::string& path, const std::string& body = "") {
        Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port_));
        s.setTimeout(Poco::Timespan(120, 0));
        Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        s.sendRequest(req) << body;
        Poco::Net::HTTPResponse resp;
        std::istream& in = s.receiveResponse(resp);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        auto v = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>()->get("value");
        if (resp.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) throw std::runtime_error(path + ": " + text);
        return v;
    }
    bool ready() {
        try {
            return call("GET", "/status").extract<Poco::JSON::Object::Ptr>()->getValue<bool>("ready");
        } catch (...) {
            return false;
        }
    }
    void open_session(const std::vector<std::string>& chrome_args, const std::string& binary) {
        std::ostringstream args;
        for (std::size_t i = 0; i < chrome_args.size(); ++i) args << (i ? "," : "") << '"' << chrome_args[i] << '"';
        const std::string caps = R"({"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"binary":")" + binary +
                                 R"(","args":[)" + args.str() + "]}}}}";
        session_ = call("POST", "/session", caps).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("sessionId");
    }
    void close_session() {
        if (session_.empty()) return;
        try {
            call("DELETE", "/session/" + session_);
        } catch (...) {
        }
        session_.clear();
    }
    void go(const std::string& url) { call("POST", "/session/" + session_ + "/url", R"({"url":")" + url + "\"}"); }
    // Runs `script` (a function body) in the page and returns its value as JSON text.
    std::string run(const std::string& script) {
        Poco::JSON::Object body;
        body.set("script", script);
        body.set("args", Poco::JSON::Array());
        std::ostringstream s;
        body.stringify(s);
        std::ostringstream out;
        Poco::JSON::Stringifier::stringify(call("POST", "/session/" + session_ + "/execute/sync", s.str()), out);
        return out.str();
    }
    std::string screenshot_base64() { return call("GET", "/session/" + session_ + "/screenshot").toString(); }

private:
    int port_;
    std::string session_;
};

}  // namespace shokuhon::test
