// render/jpeg: the load-time check refuses what the PDF cannot carry and survives any bytes.
#include <catch2/catch.hpp>
#include <random>

#include "render/jpeg.h"
#include "unit/hardening/sandbox.h"

using namespace shokuhon;

namespace {
std::string image(const std::string& name) { return test::read_file(test::kCorpus / "images" / name); }
}  // namespace

TEST_CASE("usable JPEGs pass the check: baseline, progressive, greyscale, upright EXIF", "[hardening][jpeg]") {
    for (const char* name : {"ok-baseline.jpg", "ok-progressive.jpg", "ok-greyscale.jpg", "ok-exif-orientation-1.jpg"}) {
        INFO(name);
        const auto p = render::check_jpeg(image(name));
        CHECK_FALSE(p.has_value());
    }
}

TEST_CASE("a decompression bomb is refused from its header, by the check and by the decoder", "[hardening][jpeg]") {
    const std::string bomb = image("bomb-60000x60000.jpg");
    const auto p = render::check_jpeg(bomb);
    REQUIRE(p.has_value());
    CHECK(p->code == "E-IMAGE-003");
    CHECK(render::jpeg_decode(bomb, 100) == nullptr);  // the PNG path refuses it too
    const auto small = render::check_jpeg(image("ok-baseline.jpg"), 64 * 48 - 1);  // limit is a parameter
    REQUIRE(small.has_value());
    CHECK(small->code == "E-IMAGE-003");
}

TEST_CASE("the check never crashes on damaged bytes (5000 random mutations and cuts)", "[hardening][jpeg]") {
    const std::string good = image("ok-progressive.jpg") ;
    std::mt19937 rng(20270325);
    std::uniform_int_distribution<std::size_t> pos(0, good.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255), how(0, 3);
    int refused = 0;
    for (int i = 0; i < 5000; ++i) {
        std::string b = good;
        switch (how(rng)) {
            case 0: b[pos(rng)] = static_cast<char>(byte(rng)); break;
            case 1: b.resize(pos(rng)); break;
            case 2: b.insert(pos(rng), std::string(static_cast<std::size_t>(byte(rng)), static_cast<char>(byte(rng)))); break;
            default: for (int k = 0; k < 8; ++k) b[pos(rng)] = static_cast<char>(byte(rng));
        }
        refused += render::check_jpeg(b).has_value() ? 1 : 0;
    }
    CHECK(refused > 1000);
}
