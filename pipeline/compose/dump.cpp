#include "compose/dump.h"

#include <cmath>
#include <cstdio>

namespace shokuhon::compose {
namespace {

std::string fmt(const char* f, double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string pt(Length l) { return fmt("%.2f", l.pt()); }

std::string ratio(double r) {
    if (std::isinf(r)) return "inf";
    return fmt("%.2f", std::abs(r) < 0.005 ? 0.0 : r);
}

const RubyRun* ruby_of(const Composition& c, std::size_t cluster) {
    for (const RubyRun& r : c.ruby) {
        if (r.cluster == cluster) return &r;
    }
    return nullptr;
}

std::string cluster_text(const Composition& c, std::size_t k) {
    const auto& cl = c.shaped.clusters[k];
    std::string s = c.text.substr(cl.text_begin, cl.text_end - cl.text_begin);
    if (const RubyRun* r = ruby_of(c, k)) s += "《" + r->utf8 + "》";
    return s;
}

std::string line_text(const Composition& c, const linebreak::Line& line) {
    std::string s;
    for (std::size_t k = line.begin; k < line.end; ++k) s += cluster_text(c, k);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// One cluster: pen x, advance, the space set after it beyond its advance (negative where a
// punctuation blank was taken), then the break decision and the gap as modelled.
std::string item_row(const Composition& c, const linebreak::Line& line,
                     const std::vector<linebreak::GapInfo>& gaps, std::size_t k) {
    const auto& cl = c.shaped.clusters[k];
    const Length x = line.x[k - line.begin];
    const Length next = k + 1 < line.end ? line.x[k + 1 - line.begin] : line.width;
    const linebreak::GapInfo& g = gaps[k];
    std::string s = "    " + cluster_text(c, k) + " x=" + pt(x) + " adv=" + pt(cl.advance) +
                    " set=" + pt(next - x - cl.advance) + " " + linebreak::break_why_name(g.why) +
                    " aki=" + pt(g.natural) + " -" + pt(g.shrink) + " +" + pt(g.stretch);
    if (cl.kind == linebreak::ClusterKind::kRuby) s += " ruby";
    if (cl.kind == linebreak::ClusterKind::kTateChuYoko) s += " tcy";
    if (g.sentence_space) s += " sentence-space";
    if (g.protected_token) s += " protected";
    return s + "\n";
}

}  // namespace

std::string dump_lines(const Composition& comp, const DumpOptions& opt) {
    std::string out;
    std::vector<linebreak::GapInfo> gaps;
    if (opt.items) gaps = linebreak::describe_gaps(comp.shaped.clusters, comp.params);
    for (std::size_t i = 0; i < comp.lines.size(); ++i) {
        const auto& line = comp.lines[i];
        out += "L" + std::to_string(i + 1) + " w=" + pt(line.width) + " nat=" + pt(line.natural) +
               " r=" + ratio(line.ratio) + " " + linebreak::rule_name(line.rule) + " |" +
               line_text(comp, line) + "|\n";
        if (!opt.items) continue;
        for (std::size_t k = line.begin; k < line.end; ++k) out += item_row(comp, line, gaps, k);
    }
    return out;
}

}  // namespace shokuhon::compose
