// finish/: the preflight report as text (for people) and JSON (for machines).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/escape.h"
#include "finish/preflight_checks.h"

namespace shokuhon::finish {
namespace {

const char* level_name(Level l) {
    return l == Level::kError ? "error" : l == Level::kWarning ? "warning" : "info";
}

std::string fixed(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string json_counts(const std::map<std::string, long>& m) {
    std::string s = "{";
    for (const auto& [k, v] : m) s += (s.size() > 1 ? ", " : "") + json_string(k) + ": " + std::to_string(v);
    return s + "}";
}

std::string summary_pdfx(const PreflightReport& r) {
    if (r.info_pdfx_version.empty()) return "not PDF/X";
    std::string s = r.info_pdfx_version;
    if (!r.info_pdfx_conformance.empty()) s += " (" + r.info_pdfx_conformance + ")";
    s += r.xmp_pdfx_version == r.info_pdfx_version ? ", Info and XMP agree" : ", XMP: \"" + r.xmp_pdfx_version + "\"";
    return s + ", Trapped " + (r.trapped.empty() ? "missing" : r.trapped);
}

void text_boxes(const PreflightReport& r, std::ostringstream& o) {
    if (r.page_boxes.empty() || !r.page_boxes[0].trim) {
        o << "  boxes: no TrimBox on page 1\n";
        return;
    }
    const Box& t = *r.page_boxes[0].trim;
    const Box& m = r.page_boxes[0].media;
    const Box b = r.page_boxes[0].bleed.value_or(m);
    const double k = 25.4 / 72.0;
    o << "  boxes (page 1): TrimBox " << fixed((t.x1 - t.x0) * k, 1) << " × " << fixed((t.y1 - t.y0) * k, 1)
      << " mm, bleed " << fixed((t.x0 - b.x0) * k, 1) << " mm, MediaBox " << fixed((m.x1 - m.x0) * k, 1) << " × "
      << fixed((m.y1 - m.y0) * k, 1) << " mm\n";
}

void text_content(const PreflightReport& r, std::ostringstream& o) {
    std::size_t embedded = 0;
    for (const auto& f : r.fonts) embedded += f.embedded ? 1 : 0;
    o << "  fonts: " << r.fonts.size() << ", " << embedded << " embedded\n";
    o << "  colour operators:";
    for (const auto& [op, n] : r.operators) o << ' ' << op << ' ' << n;
    o << "\n  colour spaces (operators):";
    for (const auto& [s, n] : r.colour_spaces) o << ' ' << s << ' ' << n;
    o << "\n  text by colour:";
    for (const auto& [s, n] : r.text_colours) o << ' ' << s << ' ' << n;
    o << "\n  transparency: " << (r.transparency ? "yes" : "none") << '\n';
    if (r.images.empty()) {
        o << "  images: none\n";
        return;
    }
    double lo = 1e9, hi = 0;
    std::map<std::string, long> spaces;
    for (const auto& i : r.images) {
        ++spaces[i.space.empty() ? "mask" : i.space];
        if (i.ppi <= 0) continue;
        lo = std::min(lo, i.ppi);
        hi = std::max(hi, i.ppi);
    }
    o << "  images: " << r.images.size() << " placements,";
    for (const auto& [s, n] : spaces) o << ' ' << s << ' ' << n;
    if (hi > 0) o << "; effective resolution " << fixed(lo, 0) << "–" << fixed(hi, 0) << " ppi";
    o << '\n';
}

}  // namespace

std::string preflight_text(const PreflightReport& r) {
    std::ostringstream o;
    o << "preflight: " << r.file << '\n';
    if (r.readable) {
        o << "  PDF " << r.pdf_version << ", " << summary_pdfx(r) << '\n';
        for (const auto& oi : r.output_intents) {
            o << "  output intent: " << oi.subtype << ' ' << oi.identifier << " \"" << oi.condition << "\" ("
              << oi.registry << "), profile " << (oi.profile_components ? "N=" + std::to_string(oi.profile_components) + ", " +
                  std::to_string(oi.profile_bytes) + " bytes, " + oi.info : std::string("not embedded")) << '\n';
        }
        o << "  pages: " << r.pages;
        if (r.pages > 0 && r.pages % r.signature == 0) o << " = " << r.pages / r.signature << " × " << r.signature << "-page signatures";
        o << '\n';
        text_boxes(r, o);
        text_content(r, o);
    }
    o << "findings: " << r.errors() << " errors, " << r.warnings() << " warnings\n";
    for (const auto& f : r.findings) {
        o << "  " << level_name(f.level) << ": ";
        if (f.page > 0) o << (f.count > 1 ? "first on page " : "page ") << f.page;
        if (f.count > 1) o << (f.page > 0 ? ", " : "") << f.count << " in all";
        if (f.page > 0 || f.count > 1) o << ": ";
        o << f.message << " [" << f.code << "]\n";
    }
    o << (r.passed() ? "PASS: ready for the printer\n" : "FAIL: the printer would reject this file\n");
    return o.str();
}

std::string preflight_json(const PreflightReport& r) {
    std::ostringstream o;
    o << "{\n  \"file\": " << json_string(r.file) << ",\n  \"passed\": " << (r.passed() ? "true" : "false")
      << ",\n  \"errors\": " << r.errors() << ",\n  \"warnings\": " << r.warnings()
      << ",\n  \"pdf_version\": " << json_string(r.pdf_version) << ",\n  \"pages\": " << r.pages
      << ",\n  \"signature\": " << r.signature
      << ",\n  \"pdfx\": {\"info\": " << json_string(r.info_pdfx_version) << ", \"conformance\": "
      << json_string(r.info_pdfx_conformance) << ", \"xmp\": " << json_string(r.xmp_pdfx_version)
      << ", \"trapped\": " << json_string(r.trapped) << "},\n  \"title\": " << json_string(r.title)
      << ",\n  \"output_intents\": [";
    for (std::size_t i = 0; i < r.output_intents.size(); ++i) {
        const auto& oi = r.output_intents[i];
        o << (i ? ", " : "") << "{\"subtype\": " << json_string(oi.subtype) << ", \"identifier\": " << json_string(oi.identifier)
          << ", \"condition\": " << json_string(oi.condition) << ", \"registry\": " << json_string(oi.registry)
          << ", \"profile_components\": " << oi.profile_components << ", \"profile_bytes\": " << oi.profile_bytes << "}";
    }
    o << "],\n  \"fonts\": [";
    for (std::size_t i = 0; i < r.fonts.size(); ++i) {
        o << (i ? ", " : "") << "{\"name\": " << json_string(r.fonts[i].base_font) << ", \"subtype\": "
          << json_string(r.fonts[i].subtype) << ", \"embedded\": " << (r.fonts[i].embedded ? "true" : "false") << "}";
    }
    o << "],\n  \"colour_operators\": " << json_counts(r.operators) << ",\n  \"colour_spaces\": "
      << json_counts(r.colour_spaces) << ",\n  \"text_colours\": " << json_counts(r.text_colours)
      << ",\n  \"transparency\": " << (r.transparency ? "true" : "false") << ",\n  \"images\": [";
    for (std::size_t i = 0; i < r.images.size(); ++i) {
        const auto& im = r.images[i];
        o << (i ? ",\n    " : "\n    ") << "{\"page\": " << im.page << ", \"width\": " << im.width << ", \"height\": " << im.height
          << ", \"space\": " << json_string(im.space) << ", \"filter\": " << json_string(im.filter)
          << ", \"placed_mm\": [" << fixed(im.placed_w_mm, 2) << ", " << fixed(im.placed_h_mm, 2) << "], \"ppi\": " << fixed(im.ppi, 1) << "}";
    }
    o << "],\n  \"findings\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        o << (i ? ",\n    " : "\n    ") << "{\"level\": " << json_string(level_name(f.level)) << ", \"code\": "
          << json_string(f.code) << ", \"page\": " << f.page << ", \"count\": " << f.count << ", \"message\": "
          << json_string(f.message) << "}";
    }
    o << "]\n}\n";
    return o.str();
}

}  // namespace shokuhon::finish
