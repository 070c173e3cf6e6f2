// libFuzzer target: the layout loader (layouts/layout.xml and templates.xml: units, colours,
// styles, templates and their cross-references).
// Input: byte 0 picks layout.xml or templates.xml of the real layouts/; the rest is its bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_util.h"
#include "style/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static shokuhon::fuzz::ScratchFolder folder(SHOKUHON_SOURCE_DIR "/layouts", {"layout.xml", "templates.xml"});
    const std::size_t which = folder.replace(data, size);
    shokuhon::Diagnostics diags;
    const auto layout = shokuhon::style::load_layout_set(folder.dir(), diags);
    folder.restore(which);
    return 0;
}
