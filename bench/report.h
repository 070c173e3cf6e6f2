// bench/: the results as a table for people and as JSON for tools, and the targets.
#pragma once
#include <filesystem>
#include <ostream>

#include "bench/results.h"

namespace shokuhon::bench {

// Fills r.targets from the measured figures (issue "Speed and scale").
void evaluate_targets(Results& r);

void print_table(const Results& r, std::ostream& out);

// False when the file cannot be written.
bool write_json(const Results& r, const std::filesystem::path& file);

}  // namespace shokuhon::bench
