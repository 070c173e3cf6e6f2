#include "app/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace shokuhon::app {

bool ProgressLine::is_terminal(int fd) { return ::isatty(fd) == 1; }

void ProgressLine::update(const BuildProgress& p) {
    if (!enabled_) return;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.1f s", p.seconds);
    std::string line = std::string("shokuhon: ") + p.stage + "…";
    if (p.pages > 0) line += "  " + std::to_string(p.pages) + " pages";
    line += "  " + std::string(secs);
    // \r and spaces: the line is rewritten in place, and a shorter line leaves no tail.
    out_ << '\r' << line;
    if (line.size() < width_) out_ << std::string(width_ - line.size(), ' ');
    out_ << std::flush;
    width_ = line.size();
}

void ProgressLine::clear() {
    if (!enabled_ || width_ == 0) return;
    out_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
    width_ = 0;
}

}  // namespace shokuhon::app
