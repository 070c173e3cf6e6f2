// The log command: who built what, when, from which sources, and how it went; one line per
// build, newest last (--json: the records as they are stored).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <iomanip>

#include "app/build.h"
#include "app/build_log.h"
#include "app/command.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

std::string str(const Poco::JSON::Object::Ptr& o, const std::string& key, std::size_t width = 0) {
    std::string s = o->has(key) && !o->isNull(key) ? o->get(key).toString() : "-";
    if (width && s.size() > width) s.resize(width);
    return s;
}

// 2027-03-01T09:12:44Z  hata@desk  ok      exit 0   80 pages  0 errors  2 warnings  rev 1a2b3c4d5e6f  ...
void print_summary(const Poco::JSON::Object::Ptr& r, std::ostream& out) {
    out << str(r, "time") << "  " << str(r, "user") << '@' << str(r, "host") << "  " << std::left
        << std::setw(6) << str(r, "result") << "  exit " << std::setw(3) << str(r, "exit_code") << std::right
        << std::setw(4) << str(r, "pages") << " pages" << std::setw(5) << str(r, "errors") << " errors"
        << std::setw(5) << str(r, "warnings") << " warnings  rev " << str(r, "revision", 12) << "  "
        << str(r, "seconds") << " s  " << str(r, "output") << "  sha256 " << str(r, "output_sha256", 12)
        << '\n';
}

}  // namespace

int run_log_command(const CommandContext& ctx) {
    const fs::path file = ctx.has("build-log") ? fs::path(ctx.get("build-log"))
                                               : default_build_log(ctx.get("output", BuildOptions{}.output.string()));
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        ctx.err << "shokuhon: no builds recorded yet (" << file.string() << " does not exist)\n";
        return kExitOk;
    }
    const auto lines = read_log_lines(file);
    int line_no = 0;
    for (const auto& line : lines) {
        ++line_no;
        if (ctx.has("json")) {
            ctx.out << line << '\n';
            continue;
        }
        try {
            Poco::JSON::Parser parser;
            print_summary(parser.parse(line).extract<Poco::JSON::Object::Ptr>(), ctx.out);
        } catch (const Poco::Exception&) {
            ctx.err << file.string() << ":" << line_no << ": not a complete build record (cut short by a kill?)\n";
        }
    }
    return kExitOk;
}

}  // namespace shokuhon::app
