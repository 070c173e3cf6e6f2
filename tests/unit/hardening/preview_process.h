// tests/unit/hardening: the real `shokuhon preview` as a child process on a free loopback port,
// and a small HTTP client for it (Poco::Net), for the privacy and load tests.
#pragma once
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/run.h"

namespace shokuhon::test {

struct HttpReply {
    int status = 0;  // 0: no answer
    std::string headers, body;
};

inline HttpReply http_get(int port, const std::string& uri) {
    HttpReply r;
    try {
        Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
        s.setTimeout(Poco::Timespan(120, 0));
        Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, uri, Poco::Net::HTTPMessage::HTTP_1_1);
        req.setHost("127.0.0.1", static_cast<Poco::UInt16>(port));
        s.sendRequest(req);
        Poco::Net::HTTPResponse resp;
        std::istream& in = s.receiveResponse(resp);
        std::ostringstream headers, body;
        resp.write(headers);
        body << in.rdbuf();
        r.status = static_cast<int>(resp.getStatus());
        r.headers = headers.str();
        r.body = body.str();
    } catch (const Poco::Exception&) {
        r.status = 0;
    }
    return r;
}

// The preview's folder arguments for a sandbox. The preview watches the folders of the
// content, the layouts and the font lock, recursively: the lock goes into a folder of its own,
// so that the log and the test's files beside them do not start rebuilds.
inline std::vector<std::string> preview_args(const std::filesystem::path& root, const std::filesystem::path& content,
                                             const std::filesystem::path& layouts, const std::filesystem::path& lock) {
    std::filesystem::create_directories(root / "fonts");
    std::filesystem::copy_file(lock, root / "fonts/fonts.lock", std::filesystem::copy_options::overwrite_existing);
    return {"--content", content.string(), "--layouts", layouts.string(), "--fonts", (root / "fonts/fonts.lock").string()};
}

// `shokuhon preview --port 0 ARGS...` with stdout and stderr in `log`; the port is read from
// the URL it prints, then the test waits until the first build is published.
class PreviewProcess {
public:
    // `env`: NAME=VALUE settings for the server only.
    PreviewProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                   const std::filesystem::path& log, const std::filesystem::path& cwd = {},
                   std::vector<std::string> env = {}) {
        std::vector<std::string> argv = {program.string(), "preview", "--port", "0"};
        argv.insert(argv.end(), args.begin(), args.end());
        std::vector<char*> cargs;
        for (auto& a : argv) cargs.push_back(a.data());
        cargs.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
            for (auto& e : env) ::putenv(e.data());
            ::execv(cargs[0], cargs.data());
            ::_exit(127);
        }
        // A hang guard, not a timing assertion: a server that never starts fails the test.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
        const std::string marker = "preview: http://127.0.0.1:";
        while (port_ == 0 && std::chrono::steady_clock::now() < deadline && alive()) {
            const std::string out = read_file(log);
            if (const auto at = out.find(marker); at != std::string::npos && out.find('/', at + marker.size()) != std::string::npos) {
                port_ = std::stoi(out.substr(at + marker.size()));
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        while (port_ != 0 && std::chrono::steady_clock::now() < deadline && alive()) {
            const HttpReply v = http_get(port_, "/version");
            if (v.body.find("\"building\":false,\"ok\":true") != std::string::npos) {
                ready_ = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    ~PreviewProcess() { stop(); }
    PreviewProcess(const PreviewProcess&) = delete;
    PreviewProcess& operator=(const PreviewProcess&) = delete;

    int port() const { return port_; }
    bool ready() const { return ready_; }
    pid_t pid() const { return pid_; }
    bool alive() {
        if (pid_ <= 0) return false;
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {  // it ended by itself: keep its exit code for stop()
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            pid_ = -1;
        }
        return r == 0;
    }

    // SIGTERM, then the exit code (128 + signal when killed).
    int stop() {
        if (pid_ <= 0) return exit_code_;
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 200 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (::waitpid(pid_, &status, WNOHANG) == 0) {  // still there after 10 s: not a clean stop
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        pid_ = -1;
        return exit_code_;
    }

    // Resident memory in KiB (VmRSS in /proc/PID/status), 0 when unknown.
    long rss_kib() const {
        const std::string status = read_file("/proc/" + std::to_string(pid_) + "/status");
        const auto at = status.find("VmRSS:");
        return at == std::string::npos ? 0 : std::stol(status.substr(at + 6));
    }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    bool ready_ = false;
    int exit_code_ = -1;
};

}  // namespace shokuhon::test
