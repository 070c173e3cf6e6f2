#include "app/shokuhon_app.h"

#include <Poco/Util/Option.h>
#include <unistd.h>

#include <iostream>

namespace shokuhon::app {

using Poco::Util::Option;

void ShokuhonApp::defineOptions(Poco::Util::OptionSet& options) {
    // Poco's own options (and its help) are not used: shokuhon prints its own help.
    options.addOption(Option("help", "h", "show help").required(false).repeatable(false));
    options.addOption(Option("content", "c", "content folder").argument("DIR"));
    options.addOption(Option("layouts", "l", "layouts folder").argument("DIR"));
    options.addOption(Option("fonts", "f", "font lock file").argument("FILE"));
    options.addOption(Option("output", "o", "output PDF").argument("FILE"));
    options.addOption(Option("strict-fonts", "", "a font hash mismatch is an error"));
    options.addOption(Option("quiet", "q", "print only diagnostics"));
}

void ShokuhonApp::handleOption(const std::string& name, const std::string& value) {
    if (name == "help") help_ = true;
    else if (name == "content") opts_.content = value;
    else if (name == "layouts") opts_.layouts = value;
    else if (name == "fonts") opts_.fonts_lock = value;
    else if (name == "output") opts_.output = value;
    else if (name == "strict-fonts") opts_.strict_fonts = true;
    else if (name == "quiet") opts_.quiet = true;
}

void ShokuhonApp::print_help(const std::string& command) const {
    if (command == "build") {
        std::cout << "usage: shokuhon build [--content DIR] [--layouts DIR] [--fonts FILE] [-o FILE] [-q]\n\n"
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
                     "73 output could not be written\n";
    } else if (command == "check") {
        std::cout << "usage: shokuhon check [--content DIR] [--layouts DIR] [--fonts FILE] [-q]\n\n"
                     "Validates content and layouts and composes the book without writing anything;\n"
                     "prints every diagnostic as file:line:col: error|warning: message.\n"
                     "exit codes: 0 valid, 64 bad usage, 65 content or layout errors, 70 internal error\n";
    } else {
        std::cout << "usage: shokuhon <command> [options]\n\n"
                     "commands:\n"
                     "  build   compose and render the book to PDF\n"
                     "  check   validate content and layouts without rendering\n\n"
                     "Run 'shokuhon <command> --help' for the options of a command.\n";
    }
}

int ShokuhonApp::main(const std::vector<std::string>& args) {
    const std::string command = args.empty() ? "" : args[0];
    if (help_ || command.empty() || command == "help") {
        print_help(command == "help" && args.size() > 1 ? args[1] : command);
        return command.empty() && !help_ ? kExitUsage : kExitOk;
    }
    if (command != "build" && command != "check") {
        std::cerr << "shokuhon: unknown command '" << command << "'\n";
        print_help("");
        return kExitUsage;
    }
    if (args.size() > 1) {
        std::cerr << "shokuhon: unexpected argument '" << args[1] << "'\n";
        return kExitUsage;
    }
    opts_.render = command == "build";
    Diagnostics diags;
    const BuildResult r = run_build(opts_, diags, std::cerr);
    print_all(diags, std::cerr);
    if (!opts_.quiet && r.exit_code == kExitOk) {
        print_fill_report(r.fill, std::cout);
        std::cout << (command == "build" ? "built " : "checked ") << r.pages << " pages, "
                  << diags.error_count() << " errors, " << diags.warning_count() << " warnings";
        if (command == "build") std::cout << " in " << r.seconds << " s → " << opts_.output.string();
        std::cout << '\n';
    } else if (r.exit_code != kExitOk) {
        std::cerr << "shokuhon: " << command << " failed: " << diags.error_count() << " errors";
        if (command == "build") std::cerr << "; " << opts_.output.string() << " was not changed";
        std::cerr << '\n';
    }
    return r.exit_code;
}

}  // namespace shokuhon::app
