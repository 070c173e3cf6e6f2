// core/: SHA-256 through OpenSSL's EVP (SHA-NI where the CPU has it, ~8x Poco's SHA2Engine),
// for the build log, the hash cache, the delivery manifest and the PDF's /ID.
#pragma once
#include <openssl/evp.h>

#include <array>
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

std::string to_hex(const unsigned char* bytes, std::size_t n);

// SHA-256 of bytes, and of a regular file's bytes (never a FIFO or a device), as 64 hex
// digits ("" when the file cannot be read).
std::string sha256_bytes(std::string_view bytes);
std::string sha256_file(const std::filesystem::path& file);

}  // namespace shokuhon
