// core/: diagnostics. Stages never print and never exit: they append to a Diagnostics sink and
// return the best value they can; app/ decides what to print and which exit code to use.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace shokuhon {

enum class Severity { kNote, kWarning, kError };

struct SourceLoc {
    std::string file;
    int line = 0;
    int col = 0;
};

struct Diagnostic {
    Severity severity = Severity::kError;
    std::string code;     // stable, grep-able: E-CONTENT-012
    std::string message;  // names the entry: shop "魚処なぎさ" (fish-001): ...
    SourceLoc loc;
    std::vector<std::string> hints;
};

class Diagnostics {
public:
    void add(Diagnostic d);
    void error(std::string code, SourceLoc loc, std::string message, std::string hint = {});
    void warning(std::string code, SourceLoc loc, std::string message, std::string hint = {});

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    std::size_t note_count() const { return items_.size() - errors_ - warnings_; }
    const std::vector<Diagnostic>& all() const { return items_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

// "file:line:col: error: message [CODE]" followed by "  hint: ..." lines.
std::string format(const Diagnostic& d);
void print_all(const Diagnostics& diags, std::ostream& out);

}  // namespace shokuhon
