// app/: the commands of the command line. Each command is a function over the parsed options;
// adding one means a file in app/commands/, a row in commands() and its options in options().
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace shokuhon::app {

struct CommandContext {
    std::map<std::string, std::string> options;  // long option name → value ("" for flags)
    std::vector<std::string> args;               // positional arguments after the command
    std::ostream& out;
    std::ostream& err;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = {}) const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};

struct Command {
    const char* name;
    const char* summary;  // one line for 'shokuhon --help'
    const char* help;     // the full text for 'shokuhon <name> --help'
    int (*run)(const CommandContext&);
};

struct OptionSpec {
    const char* name;
    const char* short_name;  // "" for none
    const char* argument;    // "" for a flag
    const char* help;
};

const std::vector<Command>& commands();
const std::vector<OptionSpec>& options();
// Options that may be given more than once (--edition): CommandContext holds their values
// one per line.
bool repeatable(const std::string& option);

}  // namespace shokuhon::app
