// libFuzzer target: the content loader (xmlio parsing, RELAX NG validation, the loader's own
// checks and cross-checks) on one content file chosen and filled by the input.
// Input: byte 0 picks book.xml, plan.xml, shops/main.xml, products.xml, recommendations.xml
// or spots.xml of the mini book (tests/data/mini); the rest is that file's bytes.
#include <cstddef>
#include <cstdint>

#include "content/load.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // One scratch copy per process, kept for the whole run (the harness, not the product).
    static shokuhon::fuzz::ScratchFolder folder(SHOKUHON_TEST_DATA "/mini",
                                                {"book.xml", "plan.xml", "shops/main.xml", "products.xml",
                                                 "recommendations.xml", "spots.xml"});
    const std::size_t which = folder.replace(data, size);
    shokuhon::Diagnostics diags;
    const auto loaded = shokuhon::content::load_book(folder.dir(), diags);
    for (const auto& d : diags.all()) {
        if (d.message.find('\n') != std::string::npos) __builtin_trap();  // one line per diagnostic
    }
    folder.restore(which);
    return 0;
}
