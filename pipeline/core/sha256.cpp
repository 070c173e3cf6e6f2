#include "core/sha256.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace shokuhon {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) ctx_.reset();
}

Sha256::Sha256(const Sha256& other) : ctx_(other.ctx_ ? EVP_MD_CTX_new() : nullptr) {
    if (ctx_ && EVP_MD_CTX_copy_ex(ctx_.get(), other.ctx_.get()) != 1) ctx_.reset();
}

void Sha256::update(const void* data, std::size_t n) {
    if (ctx_ && n > 0 && EVP_DigestUpdate(ctx_.get(), data, n) != 1) ctx_.reset();
}

std::optional<std::array<unsigned char, 32>> Sha256::digest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx_ || EVP_DigestFinal_ex(ctx_.get(), md, &len) != 1 || len != 32) {
        ctx_.reset();
        return std::nullopt;
    }
    ctx_.reset();
    std::array<unsigned char, 32> out{};
    std::copy(md, md + 32, out.begin());
    return out;
}

std::string Sha256::hex() {
    const auto d = digest();
    return d ? to_hex(d->data(), d->size()) : std::string();
}

Sha256Thread::Sha256Thread() : thread_([this](std::stop_token stop) { run(stop); }) {}

Sha256Thread::~Sha256Thread() {
    thread_.request_stop();
    thread_.join();
}

void Sha256Thread::update(std::string bytes) {
    if (bytes.empty()) return;
    constexpr std::size_t kMaxQueued = 64u << 20;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queued_bytes_ < kMaxQueued; });
    queued_bytes_ += bytes.size();
    queue_.push_back(std::move(bytes));
    changed_.notify_all();
}

Sha256 Sha256Thread::state() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    return Sha256(sha_);
}

void Sha256Thread::run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (changed_.wait(lock, stop, [&] { return !queue_.empty(); }) && !stop.stop_requested()) {
        std::string bytes = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        lock.unlock();
        sha_.update(bytes);
        lock.lock();
        busy_ = false;
        queued_bytes_ -= bytes.size();
        changed_.notify_all();
    }
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xF];
    }
    return out;
}

std::string sha256_bytes(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex();
}

namespace {
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};
}  // namespace

std::string sha256_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return {};
    const Fd f{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
    if (f.fd < 0) return {};
    struct stat st{};
    if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return {};
    Sha256 engine;
    std::vector<char> buf(1 << 20);
    for (;;) {
        const ssize_t n = ::read(f.fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return {};
        if (n == 0) break;
        engine.update(buf.data(), static_cast<std::size_t>(n));
    }
    return engine.hex();
}

}  // namespace shokuhon
