// finish/: the parts of preflight shared between preflight.cpp (pages, boxes, fonts, content)
// and preflight_pdfx.cpp (PDF/X keys, output intent, colour spaces, images). Internal.
#pragma once
#include <qpdf/QPDF.hh>

#include <map>
#include <string>
#include <vector>

#include "finish/preflight.h"

namespace shokuhon::finish {

// Findings merged by code and message: "rich black text" on 40 pages is one line, count 40.
class Findings {
public:
    explicit Findings(std::vector<Finding>& out) : out_(out) {}
    void add(Level level, const std::string& code, int page, const std::string& message) {
        for (Finding& f : out_) {
            if (f.code == code && f.message == message) {
                ++f.count;
                return;
            }
        }
        out_.push_back({level, code, page, 1, message});
    }

private:
    std::vector<Finding>& out_;
};

// Which PDF/X the file says it is: "X-4", "X-1a", "X-3", another "X-…", or "" for none.
std::string claimed_pdfx(const PreflightReport& r);

void check_pdfx(QPDF& pdf, const PreflightReport& r, Findings& f);
// `transparency`: what the content scan found (kind → first page).
void check_colour_and_images(QPDF& pdf, PreflightReport& r, const PreflightOptions& o, Findings& f,
                             const std::map<std::string, int>& transparency);

}  // namespace shokuhon::finish
