#include "bench/workdir.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace shokuhon::bench {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

struct Span {
    std::size_t begin = 0, end = 0;
};

std::optional<Span> find_between(const std::string& text, std::string_view anchor, std::string_view open,
                                 std::string_view close) {
    const std::size_t a = text.find(anchor);
    if (a == std::string::npos) return std::nullopt;
    const std::size_t o = text.find(open, a + anchor.size());
    if (o == std::string::npos) return std::nullopt;
    const std::size_t c = text.find(close, o + open.size());
    if (c == std::string::npos) return std::nullopt;
    return Span{o + open.size(), c};
}

bool editable(const fs::path& p) {
    const auto ext = p.extension();
    return ext == ".xml" || ext == ".md" || ext == ".lock" || ext == ".txt";
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (base && *base ? std::string(base) : std::string("/tmp")) + "/" + prefix + "-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data())) path_ = buf.data();
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
}

bool mirror_tree(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to, ec);
    for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const fs::path dst = to / fs::relative(it->path(), from, ec);
        if (ec) break;
        if (it->is_directory()) {
            fs::create_directories(dst, ec);
            continue;
        }
        if (!it->is_regular_file()) continue;
        if (editable(it->path())) {
            fs::copy_file(it->path(), dst, ec);
            continue;
        }
        fs::create_hard_link(it->path(), dst, ec);
        if (ec) fs::copy_file(it->path(), dst, ec = {});
    }
    return !ec;
}

std::optional<std::string> text_between(const fs::path& file, std::string_view anchor, std::string_view open,
                                        std::string_view close) {
    const auto text = read_file(file);
    if (!text) return std::nullopt;
    const auto span = find_between(*text, anchor, open, close);
    if (!span) return std::nullopt;
    return text->substr(span->begin, span->end - span->begin);
}

bool replace_between(const fs::path& file, std::string_view anchor, std::string_view open, std::string_view close,
                     const std::string& inner) {
    auto text = read_file(file);
    if (!text) return false;
    const auto span = find_between(*text, anchor, open, close);
    if (!span) return false;
    text->replace(span->begin, span->end - span->begin, inner);
    return write_file(file, *text);
}

bool same_bytes(const fs::path& a, const fs::path& b) {
    const auto x = read_file(a), y = read_file(b);
    return x && y && *x == *y;
}

}  // namespace shokuhon::bench
