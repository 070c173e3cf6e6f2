// tests: Ghostscript's separations (tiffsep): one uncompressed 8-bit TIFF per plate.
#pragma once
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/run.h"

namespace shokuhon::test {

// An uncompressed 8-bit greyscale TIFF as Ghostscript's tiffsep writes each separation.
struct Plate {
    std::uint32_t width = 0, height = 0;
    std::string pixels;  // 255 = no ink
};

inline Plate read_plate(const std::filesystem::path& file) {
    const std::string b = read_file(file);
    REQUIRE(b.size() > 8);
    const bool le = b[0] == 'I';
    auto u16 = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(b[i]), c = static_cast<unsigned char>(b[i + 1]);
        return static_cast<std::uint32_t>(le ? a | c << 8 : c | a << 8);
    };
    auto u32 = [&](std::size_t i) { return le ? u16(i) | u16(i + 2) << 16 : u16(i) << 16 | u16(i + 2); };
    std::map<std::uint32_t, std::vector<std::uint32_t>> tags;
    const std::uint32_t ifd = u32(4);
    for (std::uint32_t k = 0; k < u16(ifd); ++k) {
        const std::size_t e = ifd + 2 + 12 * k;
        const std::uint32_t type = u16(e + 2), count = u32(e + 4), size = type == 3 ? 2 : 4;
        const std::size_t at = count * size <= 4 ? e + 8 : u32(e + 8);
        for (std::uint32_t n = 0; n < count; ++n) tags[u16(e)].push_back(size == 2 ? u16(at + 2 * n) : u32(at + 4 * n));
    }
    REQUIRE(tags[259].at(0) == 1);  // no compression
    Plate p{tags[256].at(0), tags[257].at(0), {}};
    for (std::size_t s = 0; s < tags[273].size(); ++s) p.pixels += b.substr(tags[273][s], tags[279].at(s));
    REQUIRE(p.pixels.size() == static_cast<std::size_t>(p.width) * p.height);
    return p;
}

inline int ink(const Plate& p, std::size_t i) { return 255 - static_cast<unsigned char>(p.pixels[i]); }

// Runs tiffsep on one page at 72 dpi; the plates are dir/p(Cyan).tif ... dir/p(Black).tif.
inline RunResult separate(const std::filesystem::path& pdf, int page, const std::filesystem::path& dir) {
    return run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=tiffsep -r72 -dFirstPage=" + std::to_string(page) +
               " -dLastPage=" + std::to_string(page) + " -sCompression=none -sOutputFile=" + quote(dir / "p.tif") +
               " " + quote(pdf));
}

}  // namespace shokuhon::test
