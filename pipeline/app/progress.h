// app/: the progress line on a terminal: stage, pages, elapsed, redrawn in place. Disabled
// when stdout is not a terminal or with -q, so logs and pipes get only the summary.
#pragma once
#include <cstddef>
#include <ostream>

#include "app/build.h"

namespace shokuhon::app {

class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
    ~ProgressLine() { clear(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void update(const BuildProgress& p);
    void clear();  // erases the line, before diagnostics or the summary are printed

    // True when `fd` is a terminal (the command passes STDOUT_FILENO).
    static bool is_terminal(int fd);

private:
    std::ostream& out_;
    bool enabled_;
    std::size_t width_ = 0;  // characters on the line now, to erase them
};

}  // namespace shokuhon::app
