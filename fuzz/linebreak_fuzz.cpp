// libFuzzer target: the JLREQ line breaker (greedy and optimal) over clusters made from the
// input, with the invariants every caller relies on checked after each run: the lines cover
// the clusters in order, without gaps or overlaps, with one x position per cluster.
// Input: 6 bytes of parameters (measure, indent, strictness, mode, alignment, hanging), then
// 3 bytes per cluster (code point from a table of JLREQ-relevant characters or any BMP
// character, and an advance of 0 to 2 em).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "linebreak/break.h"

namespace {

namespace lb = shokuhon::linebreak;
using shokuhon::Length;

// Characters of every JLREQ class the breaker treats specially.
constexpr char32_t kInteresting[] = {
    U'、', U'。', U'，', U'．', U'・', U'：', U'；', U'？', U'！', U'ー', U'々', U'ぁ', U'っ', U'ゃ', U'ョ',
    U'ヵ', U'「', U'」', U'『', U'』', U'（', U'）', U'〔', U'〕', U'【', U'】', U'〈', U'〉', U'―', U'…',
    U'‥', U'〜', U'゠', U'〳', U'〵', U'あ', U'漢', U'字', U'A', U'z', U'1', U' ', U'　', U'-', U'(', U')',
    U'.', U',', U'"', U'\'', U'%', U'¥', U'$', U'€', U'℃', U'°', U'#', U'\t', U'\n', U'\0', 0x10FFFF, 0xFFFD, 0x200B};

struct Reader {
    const std::uint8_t* p;
    std::size_t n;
    std::uint8_t next() {
        if (!n) return 0;
        --n;
        return *p++;
    }
};

lb::BreakParams params_from(Reader& r) {
    lb::BreakParams p;
    p.em = Length::from_pt(10);
    p.measure = Length::from_sp(p.em.sp * (r.next() % 48) / 2 + r.next());  // 0 to 24 em, odd sizes too
    const std::uint8_t flags = r.next();
    p.first_indent = Length::from_sp(p.em.sp * (flags % 3));
    p.strictness = static_cast<lb::Strictness>((flags >> 2) % 4);
    p.mode = flags & 0x10 ? lb::Mode::kOptimal : lb::Mode::kGreedy;
    p.align = flags & 0x20 ? lb::Align::kStart : lb::Align::kJustify;
    p.hang_punctuation = flags & 0x40;
    r.next();  // reserved, keeps the cluster bytes aligned
    r.next();
    return p;
}

std::vector<lb::Cluster> clusters_from(Reader& r, Length em) {
    std::vector<lb::Cluster> out;
    std::uint32_t text = 0;
    while (r.n >= 3) {
        const std::uint8_t a = r.next(), b = r.next(), c = r.next();
        constexpr std::size_t kCount = sizeof kInteresting / sizeof kInteresting[0];
        char32_t cp = a < 0x80 ? kInteresting[a % kCount] : static_cast<char32_t>(((a & 0x7F) << 9) | (b << 1));
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = U'〓';
        lb::Cluster cl;
        cl.first_cp = cp;
        cl.last_cp = b & 1 ? cp : kInteresting[b % kCount];
        cl.advance = Length::from_sp(em.sp * (c % 65) / 32);
        cl.text_begin = text;
        text += 1 + (b % 4);
        cl.text_end = text;
        out.push_back(cl);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Reader r{data, size};
    const lb::BreakParams params = params_from(r);
    const std::vector<lb::Cluster> clusters = clusters_from(r, params.em);
    const std::vector<lb::Line> lines = lb::break_paragraph(clusters, params);
    std::size_t at = 0;
    for (const auto& line : lines) {
        if (line.begin != at || line.end < line.begin || line.x.size() != line.end - line.begin) __builtin_trap();
        at = line.end;
    }
    if (at != clusters.size()) __builtin_trap();
    return 0;
}
