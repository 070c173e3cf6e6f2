// app/: results as JSON for tools and CI (`check --json`, `build --json`, the preview's /state).
// Every diagnostic with file, line, col, severity, code, message and hints; the fill report per
// section; the summary. The key order is fixed so that diffs of two runs stay readable.
#pragma once
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>
#include <string>

#include "app/build.h"
#include "compose/paginate.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

const char* severity_name(Severity s);
Poco::JSON::Object::Ptr diagnostic_json(const Diagnostic& d);
Poco::JSON::Array::Ptr diagnostics_json(const Diagnostics& diags);
Poco::JSON::Array::Ptr fill_json(const compose::FillReport& fill);

struct SummaryInput {
    std::string command;  // "build" or "check"
    int exit_code = 0;
    std::string output;   // the PDF written; "" when none
};

// {"command", "ok", "exit_code", "output", "pages", "entries", "entries_placed", "errors",
//  "warnings", "notes", "seconds", "sections": [...], "diagnostics": [...]}
Poco::JSON::Object::Ptr summary_json(const SummaryInput& in, const BuildResult& r,
                                     const Diagnostics& diags);
void write_json(const Poco::JSON::Object::Ptr& obj, std::ostream& out);

}  // namespace shokuhon::app
