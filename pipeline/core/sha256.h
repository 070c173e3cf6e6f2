// core/: SHA-256 through OpenSSL's EVP (SHA-NI where the CPU has it, ~8x Poco's SHA2Engine),
// for the build log, the hash cache, the delivery manifest and the PDF's /ID.
#pragma once
#include <openssl/evp.h>

#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/c_handle.h"

namespace shokuhon {

class Sha256 {
public:
    Sha256();
    // The same state: digests what `other` has seen and goes on independently.
    Sha256(const Sha256& other);
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, std::size_t n);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // The 32 bytes; nullopt when OpenSSL failed anywhere. Ends the digest.
    std::optional<std::array<unsigned char, 32>> digest();
    // 64 lowercase hex digits; "" after a failure. Ends the digest.
    std::string hex();

private:
    CHandle<EVP_MD_CTX, EVP_MD_CTX_free> ctx_;
};

// SHA-256 on a thread of its own, for hashing what the caller writes while it writes: update()
// hands the bytes over and returns (it waits only while 64 MB are still to be hashed); state()
// waits for everything handed over and returns a copy of the digest so far.
class Sha256Thread {
public:
    Sha256Thread();
    ~Sha256Thread();  // stops the thread (what is still queued is not hashed)
    Sha256Thread(const Sha256Thread&) = delete;
    Sha256Thread& operator=(const Sha256Thread&) = delete;
    void update(std::string bytes);
    Sha256 state();

private:
    void run(std::stop_token stop);
    Sha256 sha_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<std::string> queue_;
    std::size_t queued_bytes_ = 0;
    bool busy_ = false;
    std::jthread thread_;  // last: it starts once the members above exist, and stops first
};

std::string to_hex(const unsigned char* bytes, std::size_t n);

// SHA-256 of bytes, and of a regular file's bytes (never a FIFO or a device), as 64 hex
// digits ("" when the file cannot be read).
std::string sha256_bytes(std::string_view bytes);
std::string sha256_file(const std::filesystem::path& file);

}  // namespace shokuhon
