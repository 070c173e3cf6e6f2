// libFuzzer target: the shop sheet import (app/csv.cpp and app/shop_import.cpp): encoding
// detection (UTF-8 with or without BOM, else CP932 through ICU), the RFC 4180 parser, the
// header, every cell check and the XML it plans, which the import validates against the shop
// schema. Nothing is written: plan_import only plans (its schema check uses a temporary file).
// Input: byte 0 holds the options (bit 0: --force, bit 1: --section fish), the rest is the
// sheet's bytes. The output folder holds a copy of the mini book's shops/main.xml, with
// private notes, so that --force also reads a file it would replace.
// Checked after each run, besides the sanitizers:
//  - every diagnostic is one line and names the sheet;
//  - every planned file is <out>/<section>.xml, inside the output folder;
//  - a plan without errors holds exactly the rows it read, one shop per row;
//  - csv::format_row and csv::parse agree: each parsed row, written again and read back,
//    gives the same cells (the export relies on it);
//  - CP932: whatever encode_cp932 writes for the decoded text is valid for decode again.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

#include "app/csv.h"
#include "app/shop_import.h"

namespace {

namespace fs = std::filesystem;
using namespace shokuhon;

// One output folder per process, kept for the whole run (the harness, not the product).
class OutFolder {
public:
    OutFolder() : dir_(fs::temp_directory_path() / ("shokuhon-fuzz-csv-" + std::to_string(::getpid()))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy_file(fs::path(SHOKUHON_TEST_DATA) / "mini/shops/main.xml", dir_ / "main.xml");
    }
    ~OutFolder() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    OutFolder(const OutFolder&) = delete;
    OutFolder& operator=(const OutFolder&) = delete;
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
};

void check_round_trip(std::string_view bytes) {
    const app::csv::Decoded text = app::csv::decode(bytes);
    if (!text.ok) {
        if (text.bad_offset > bytes.size() || text.bad_line < 1) __builtin_trap();
        return;
    }
    const app::csv::Table table = app::csv::parse(text.utf8);
    int last = 0;
    for (const auto& row : table.rows) {
        if (row.number <= last) __builtin_trap();  // rows keep their numbers, in order
        last = row.number;
        const app::csv::Table again = app::csv::parse(app::csv::format_row(row.cells));
        if (!again.error.empty() || again.rows.size() != 1 || again.rows[0].cells != row.cells) __builtin_trap();
    }
    // What export would write in CP932 for this text reads back as valid text.
    if (text.utf8.size() <= 4096) {
        const std::string cp932 = app::csv::encode_cp932(text.utf8);
        if (!cp932.empty() && !app::csv::decode(cp932).ok) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const OutFolder out;
    const std::uint8_t flags = size ? data[0] : 0;
    const std::string_view bytes = size ? std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1) : std::string_view();

    check_round_trip(bytes);

    app::ImportOptions opts;
    opts.csv_name = "fuzz.csv";
    opts.out_dir = out.dir();
    opts.force = flags & 1;
    if (flags & 2) opts.section = "fish";
    Diagnostics diags;
    const app::ImportPlan plan = app::plan_import(bytes, opts, diags);
    for (const auto& d : diags.all()) {
        if (d.message.find('\n') != std::string::npos || d.loc.file != "fuzz.csv") __builtin_trap();
    }
    int shops = 0;
    for (const auto& f : plan.files) {
        if (f.path.parent_path() != out.dir() || f.path.filename() != fs::path(f.section + ".xml") ||
            f.section.find('/') != std::string::npos || f.section.empty() || f.section[0] == '.')
            __builtin_trap();
        shops += f.shops;
    }
    if (!diags.has_errors() && shops != plan.rows) __builtin_trap();
    return 0;
}
