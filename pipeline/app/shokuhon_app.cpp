#include "app/shokuhon_app.h"

#include <Poco/Util/Option.h>

#include <iostream>

#include "app/build.h"
#include "app/command.h"

namespace shokuhon::app {

using Poco::Util::Option;

void ShokuhonApp::defineOptions(Poco::Util::OptionSet& set) {
    // Poco's own options and help are not used: shokuhon prints its own help per command.
    set.addOption(Option("help", "h", "show help"));
    for (const auto& o : app::options()) {
        Option opt(o.name, o.short_name, o.help);
        if (*o.argument) opt.argument(o.argument);
        if (repeatable(o.name)) opt.repeatable(true);
        set.addOption(opt);
    }
}

void ShokuhonApp::handleOption(const std::string& name, const std::string& value) {
    // A repeatable option keeps every value, one per line, in the order given.
    auto it = options_.find(name);
    if (it != options_.end() && repeatable(name)) it->second += "\n" + value;
    else options_[name] = value;
}

int ShokuhonApp::main(const std::vector<std::string>& args) {
    const bool help = options_.count("help") > 0;
    std::string name = args.empty() ? "" : args[0];
    if (name == "help") {
        name = args.size() > 1 ? args[1] : "";
    }
    const Command* cmd = nullptr;
    for (const auto& c : commands()) {
        if (name == c.name) cmd = &c;
    }
    const bool asked = help || (!args.empty() && args[0] == "help");
    if (!cmd) {
        // Asked for help: the overview on stdout, exit 0; anything else is bad usage.
        const bool ok = asked && name.empty();
        if (!name.empty()) std::cerr << "shokuhon: unknown command '" << name << "'\n\n";
        std::ostream& out = ok ? std::cout : std::cerr;
        out << "usage: shokuhon <command> [options]\n\ncommands:\n";
        for (const auto& c : commands()) {
            const std::string n = c.name;
            out << "  " << n << std::string(n.size() < 14 ? 14 - n.size() : 1, ' ') << c.summary << '\n';
        }
        out << "\nRun 'shokuhon <command> --help' for the options of a command.\n";
        return ok ? kExitOk : kExitUsage;
    }
    if (asked) {
        std::cout << cmd->help;
        return kExitOk;
    }
    CommandContext ctx{options_, std::vector<std::string>(args.begin() + 1, args.end()), std::cout, std::cerr};
    return cmd->run(ctx);
}

}  // namespace shokuhon::app
