// tests/unit/hardening: a throwaway book (the mini content, the real layouts and font lock, an
// output folder holding a "previous" PDF) for running the real program against bad input.
#pragma once
#include <filesystem>
#include <string>

#include "support/run.h"

namespace shokuhon::test {

inline const std::filesystem::path kSource = SHOKUHON_SOURCE_DIR;
inline const std::filesystem::path kProgram = std::filesystem::path(SHOKUHON_BINARY_DIR) / "shokuhon";
inline const std::filesystem::path kCorpus = kSource / "tests/corpus";
inline const std::string kPrevious = "previous good PDF";

struct Sandbox {
    TempDir dir;
    std::filesystem::path root = dir.path();
    std::filesystem::path content = root / "content";
    std::filesystem::path layouts = root / "layouts";
    std::filesystem::path fonts = root / "fonts.lock";
    std::filesystem::path out = root / "out/book.pdf";

    explicit Sandbox(const std::filesystem::path& from_content = std::filesystem::path(SHOKUHON_TEST_DATA) / "mini") {
        namespace fs = std::filesystem;
        fs::copy(from_content, content, fs::copy_options::recursive);
        fs::create_directories(content / "photos");
        fs::copy(kSource / "layouts", layouts, fs::copy_options::recursive);
        fs::copy_file(kSource / "fonts/fonts.lock", fonts);
        fs::create_directories(out.parent_path());
        write_file(out, kPrevious);
    }

    // The program with this sandbox's folders, under a hard time limit: a hang is a failure
    // (exit 124/137), not a stuck test run.
    // `output` replaces the sandbox's PDF as -o.
    std::string command(const std::string& verb, const std::string& extra = {}, int seconds = 120,
                        const std::filesystem::path& output = {}) const {
        return "timeout -k 5 " + std::to_string(seconds) + " " + quote(kProgram) + " " + verb +
               " --content " + quote(content) + " --layouts " + quote(layouts) + " --fonts " + quote(fonts) +
               " -o " + quote(output.empty() ? out : output) + (extra.empty() ? "" : " " + extra);
    }

    // Temporary files a build left beside the output (".book.pdf.tmp-*").
    int leftovers() const {
        int n = 0;
        for (const auto& e : std::filesystem::directory_iterator(out.parent_path())) {
            if (e.path().filename().string().rfind(".book.pdf.tmp-", 0) == 0) ++n;
        }
        return n;
    }
};

}  // namespace shokuhon::test
