// finish/: rewrites the colour operators of one content stream (a page or a form XObject) from
// the renderer's RGB to the palette's exact CMYK: `r g b rg/RG` → `c m y k k/K`, and RGB
// colour spaces set with cs/CS followed by sc/scn → /DeviceCMYK with four components.
// Internal to finish/ (print.cpp and the tests).
#pragma once
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <map>
#include <string>
#include <vector>

#include "finish/cmyk.h"

namespace shokuhon::finish {

// What the rewrite met, over all the streams of a document.
struct RecolourLog {
    long rewritten = 0;                            // operators changed
    std::map<std::string, long> used;              // palette colour name → operators
    std::map<std::string, int> unmapped;           // "0.88 0.88 0.88 rg" → first page (1-based)
    std::map<std::string, int> unsupported;        // "/Pattern cs" → first page
};

class Recolour : public QPDFObjectHandle::TokenFilter {
public:
    // `resources` resolves named colour spaces (cs /CS0); `page` is for the log only.
    Recolour(const PrintPalette& palette, QPDFObjectHandle resources, int page, RecolourLog& log);
    void handleToken(QPDFTokenizer::Token const& token) override;
    void handleEOF() override;

private:
    struct Spaces {
        bool fill_rgb = false, stroke_rgb = false;
    };
    void operate(QPDFTokenizer::Token const& op);
    bool recolour(const std::string& op, const std::string& cmyk_op);
    void set_space(const std::string& op, bool stroke);
    bool is_rgb_space(const std::string& name);
    void flush();
    void drop_operands();

    const PrintPalette& palette_;
    QPDFObjectHandle resources_;
    int page_;
    RecolourLog& log_;
    std::vector<QPDFTokenizer::Token> pending_;  // operands (and spaces) since the last operator
    std::vector<Spaces> stack_{Spaces{}};         // colour spaces are graphics state: q/Q
};

// Runs Recolour over the page's contents and every form XObject reachable from it (once
// each, tracked in `done`), replacing the streams with the rewritten data.
void recolour_page(QPDFObjectHandle page, const PrintPalette& palette, int page_no,
                   RecolourLog& log, std::vector<QPDFObjGen>& done);

}  // namespace shokuhon::finish
