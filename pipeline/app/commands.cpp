#include "app/command.h"

namespace shokuhon::app {

int run_build_command(const CommandContext& ctx);  // commands/build.cpp
int run_check_command(const CommandContext& ctx);  // commands/build.cpp

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"build", "compose and render the book to PDF",
         "usage: shokuhon build [--content DIR] [--layouts DIR] [--fonts FILE] [-o FILE] [-q]\n\n"
         "Loads and validates content/ and layouts/, composes the book to its page plan\n"
         "and writes the PDF (default out/hiratsuka-food-book.pdf). The PDF is written to a\n"
         "temporary file and renamed into place only when complete: a failed build leaves\n"
         "the previous PDF as it was.\n\n"
         "  --content DIR    content folder (default content)\n"
         "  --layouts DIR    layouts folder (default layouts)\n"
         "  --fonts FILE     font lock (default fonts/fonts.lock)\n"
         "  -o, --output F   output PDF\n"
         "  --strict-fonts   a font whose hash differs from the lock is an error\n"
         "  -q, --quiet      print diagnostics only\n\n"
         "exit codes: 0 done, 64 bad usage, 65 content or layout errors, 70 internal error,\n"
         "73 output could not be written\n",
         run_build_command},
        {"check", "validate content and layouts without rendering",
         "usage: shokuhon check [--content DIR] [--layouts DIR] [--fonts FILE] [-q]\n\n"
         "Validates content and layouts and composes the book without writing anything;\n"
         "prints every diagnostic as file:line:col: error|warning: message.\n"
         "exit codes: 0 valid, 64 bad usage, 65 content or layout errors, 70 internal error\n",
         run_check_command},
    };
    return kCommands;
}

const std::vector<OptionSpec>& options() {
    static const std::vector<OptionSpec> kOptions = {
        {"content", "c", "DIR", "content folder"},
        {"layouts", "l", "DIR", "layouts folder"},
        {"fonts", "f", "FILE", "font lock file"},
        {"output", "o", "FILE", "output file"},
        {"strict-fonts", "", "", "a font hash mismatch is an error"},
        {"quiet", "q", "", "print only diagnostics"},
    };
    return kOptions;
}

}  // namespace shokuhon::app
