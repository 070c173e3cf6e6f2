// app/: the build and check commands as plain functions, so tests and the CLI share them.
// Runs the stages in order, stops before writing when any stage reported an error, and
// replaces the output only with a complete, finished file.
#pragma once
#include <filesystem>
#include <ostream>

#include "compose/paginate.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

// sysexits codes (Poco's Application::ExitCode uses the same numbers).
constexpr int kExitOk = 0, kExitUsage = 64, kExitDataErr = 65, kExitSoftware = 70,
              kExitCantCreate = 73;

struct BuildOptions {
    std::filesystem::path content = "content";
    std::filesystem::path layouts = "layouts";
    std::filesystem::path fonts_lock = "fonts/fonts.lock";
    std::filesystem::path output = "out/hiratsuka-food-book.pdf";
    bool render = true;  // false: check only
    bool strict_fonts = false;  // a font whose hash differs is an error, not a warning
    bool quiet = false;
};

struct BuildResult {
    int exit_code = kExitOk;
    compose::FillReport fill;
    int pages = 0;
    double seconds = 0;
};

BuildResult run_build(const BuildOptions& opts, Diagnostics& diags, std::ostream& log);

void print_fill_report(const compose::FillReport& r, std::ostream& out);

}  // namespace shokuhon::app
