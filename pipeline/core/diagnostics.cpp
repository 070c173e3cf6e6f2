#include "core/diagnostics.h"

#include <utility>

namespace shokuhon {

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::kError) ++errors_;
    if (d.severity == Severity::kWarning) ++warnings_;
    items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, SourceLoc loc, std::string message, std::string hint) {
    Diagnostic d{Severity::kError, std::move(code), std::move(message), std::move(loc), {}};
    if (!hint.empty()) d.hints.push_back(std::move(hint));
    add(std::move(d));
}

void Diagnostics::warning(std::string code, SourceLoc loc, std::string message, std::string hint) {
    Diagnostic d{Severity::kWarning, std::move(code), std::move(message), std::move(loc), {}};
    if (!hint.empty()) d.hints.push_back(std::move(hint));
    add(std::move(d));
}

std::string format(const Diagnostic& d) {
    std::string out;
    if (!d.loc.file.empty()) {
        out += d.loc.file;
        out += ':' + std::to_string(d.loc.line) + ':' + std::to_string(d.loc.col) + ": ";
    }
    switch (d.severity) {
        case Severity::kError: out += "error: "; break;
        case Severity::kWarning: out += "warning: "; break;
        case Severity::kNote: out += "note: "; break;
    }
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    for (const auto& h : d.hints) out += "\n  hint: " + h;
    return out;
}

void print_all(const Diagnostics& diags, std::ostream& out) {
    for (const auto& d : diags.all()) out << format(d) << '\n';
}

}  // namespace shokuhon
