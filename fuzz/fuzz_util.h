// fuzz/: a scratch copy of a folder of XML files in which one file is replaced by the fuzz
// input for one run and restored afterwards, so each input is loaded together with valid
// companions (cross-checks run too) by the real loader that reads from disk.
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace shokuhon::fuzz {

class ScratchFolder {
public:
    // Copies `source` to a fresh folder; `files` are the ones an input may replace.
    ScratchFolder(const std::filesystem::path& source, std::vector<std::string> files)
        : dir_(std::filesystem::temp_directory_path() / ("shokuhon-fuzz-" + std::to_string(::getpid()) + "-" +
                                                         source.filename().string())),
          files_(std::move(files)) {
        std::filesystem::remove_all(dir_);
        std::filesystem::copy(source, dir_, std::filesystem::copy_options::recursive);
        for (const auto& f : files_) originals_.push_back(read(dir_ / f));
    }
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::filesystem::path& dir() const { return dir_; }

    // The first byte picks the file, the rest becomes its content until restore().
    std::size_t replace(const std::uint8_t* data, std::size_t size) {
        const std::size_t which = size ? data[0] % files_.size() : 0;
        write(dir_ / files_[which], size ? std::string(reinterpret_cast<const char*>(data) + 1, size - 1) : "");
        return which;
    }
    void restore(std::size_t which) { write(dir_ / files_[which], originals_[which]); }

private:
    static std::string read(const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    static void write(const std::filesystem::path& p, const std::string& bytes) {
        std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
    }

    std::filesystem::path dir_;
    std::vector<std::string> files_;
    std::vector<std::string> originals_;
};

}  // namespace shokuhon::fuzz
