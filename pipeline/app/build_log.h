// app/: accountability. Every build, also a failed or refused one, appends one JSON object on
// one line to a build log (default: build-log.jsonl beside the output): who, when (UTC), on
// which machine, the source revision, the SHA-256 of every input file (content, layouts, font
// lock, fonts) and of the output, the result and its diagnostic counts (codes only: messages
// may quote content, the log must not). `shokuhon log` reads it back.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "app/build.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

// build-log.jsonl beside `output`.
std::filesystem::path default_build_log(const std::filesystem::path& output);

// The build as the command line runs it: takes the output's lock (exit 75 when another build
// holds it), removes temporaries of killed builds, runs run_build with the shared hash cache,
// and appends the record whatever happened. A log that cannot be written is a warning.
BuildResult run_recorded_build(const BuildOptions& opts, const std::filesystem::path& log_file,
                               Diagnostics& diags, std::ostream& log);

// The commit checked out in the git work tree that holds `dir` (what `git rev-parse HEAD`
// prints, read from .git without running git), or "unknown".
std::string source_revision(const std::filesystem::path& dir);

// Appends `line` (one JSON object, no newline inside) with a single O_APPEND write and fsync.
// A previous record cut short by a kill is first closed with a newline.
bool append_log_line(const std::filesystem::path& log_file, const std::string& line, std::error_code& ec);

// The log's lines, in order (empty when there is no log yet).
std::vector<std::string> read_log_lines(const std::filesystem::path& log_file);

}  // namespace shokuhon::app
