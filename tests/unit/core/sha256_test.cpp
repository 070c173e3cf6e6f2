// core/sha256: the digest the build log, the caches and the PDF's /ID rest on.
#include <catch2/catch.hpp>

#include <string>

#include "core/sha256.h"

using namespace shokuhon;

TEST_CASE("SHA-256 of known inputs", "[core][sha256]") {
    CHECK(sha256_bytes("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_bytes("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("a copied Sha256 goes on from the same state, independently", "[core][sha256]") {
    Sha256 a;
    a.update("平塚");
    Sha256 b(a);
    a.update("食本");
    b.update("市");
    CHECK(a.hex() == sha256_bytes("平塚食本"));
    CHECK(b.hex() == sha256_bytes("平塚市"));
}

TEST_CASE("Sha256Thread hashes what it is handed, in order, and its state can be taken midway",
          "[core][sha256]") {
    std::string all;
    Sha256Thread h;
    for (int i = 0; i < 200; ++i) {
        std::string chunk(static_cast<std::size_t>(1000 + i * 997), static_cast<char>('a' + i % 26));
        all += chunk;
        h.update(std::move(chunk));
    }
    Sha256 mid = h.state();
    CHECK(mid.hex() == sha256_bytes(all));
    h.update(std::string("the trailer"));
    h.update(std::string());  // nothing: no change
    CHECK(h.state().hex() == sha256_bytes(all + "the trailer"));
}

TEST_CASE("Sha256Thread can be dropped with bytes still queued", "[core][sha256]") {
    Sha256Thread h;
    for (int i = 0; i < 50; ++i) h.update(std::string(1 << 20, 'x'));
}  // the destructor stops and joins without hashing everything
