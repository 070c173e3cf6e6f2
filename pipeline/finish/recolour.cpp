// finish/: RGB → palette CMYK in content streams (see recolour.h).
#include "finish/recolour.h"

#include "finish/content_lexer.h"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>

namespace shokuhon::finish {
namespace {

bool is_rgb_space(const std::string& name, QPDFObjectHandle resources) {
    if (name == "/DeviceRGB") return true;
    if (!resources.isDictionary()) return false;
    QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
    if (!spaces.isDictionary()) return false;
    QPDFObjectHandle cs = spaces.getKey(name);
    if (cs.isName()) return cs.getName() == "/DeviceRGB";
    if (!cs.isArray() || cs.getArrayNItems() < 2 || !cs.getArrayItem(0).isName()) return false;
    const std::string family = cs.getArrayItem(0).getName();
    if (family == "/CalRGB") return true;
    if (family == "/ICCBased") {
        QPDFObjectHandle stream = cs.getArrayItem(1);
        return stream.isStream() && stream.getDict().getKey("/N").isInteger() &&
               stream.getDict().getKey("/N").getIntValue() == 3;
    }
    return false;
}

// One pass over a stream. Bytes are copied from `data` up to each replaced operator's first
// operand: the white space before the operands stays, so the replacement never runs into the
// previous operator ("q" + "0 0 0 1 k" must not become "q0 0 0 1 k").
class Rewriter {
public:
    Rewriter(std::string_view data, const PrintPalette& palette, QPDFObjectHandle resources, int page,
             RecolourLog& log)
        : data_(data), palette_(palette), resources_(resources), page_(page), log_(log) {}

    std::string run() {
        ContentLexer lex(data_);
        for (ContentToken t = lex.next(); t.kind != ContentToken::kEnd; t = lex.next()) {
            if (t.kind == ContentToken::kOperator) {
                operate(t);
                operands_.clear();
            } else {
                operands_.push_back(t);
            }
        }
        out_.append(data_.substr(copied_));
        return std::move(out_);
    }

private:
    struct Spaces {
        bool fill_rgb = false, stroke_rgb = false;
    };

    void replace(const ContentToken& op, const std::string& with) {
        const std::size_t from = operands_.empty() ? op.begin : operands_.front().begin;
        out_.append(data_.substr(copied_, from - copied_));
        out_ += with;
        copied_ = op.end;
    }

    void operate(const ContentToken& op) {
        const std::string_view v = op.text;
        if (v == "q") {
            stack_.push_back(stack_.back());
        } else if (v == "Q") {
            if (stack_.size() > 1) stack_.pop_back();
        } else if (v == "rg" || v == "RG") {
            recolour(op, v == "rg" ? "k" : "K");
        } else if (v == "sc" || v == "scn") {
            if (stack_.back().fill_rgb) recolour(op, std::string(v));
        } else if (v == "SC" || v == "SCN") {
            if (stack_.back().stroke_rgb) recolour(op, std::string(v));
        } else if (v == "cs" || v == "CS") {
            set_space(op, v == "CS");
        }
    }

    // `r g b <op>` → `c m y k <cmyk_op>` when the operands are exactly three numbers; anything
    // else (`/P0 scn` with a pattern) stays as it is.
    void recolour(const ContentToken& op, const std::string& cmyk_op) {
        if (operands_.size() != 3) return;
        for (const auto& t : operands_) {
            if (t.kind != ContentToken::kNumber) return;
        }
        const double r = operands_[0].number, g = operands_[1].number, b = operands_[2].number;
        const PaletteColour* p = palette_.find(r, g, b);
        if (!p) {
            const std::string key = pdf_number(r) + " " + pdf_number(g) + " " + pdf_number(b) + " " + std::string(op.text);
            log_.unmapped.emplace(key, page_);  // keeps the first page
            return;
        }
        const Cmyk& c = p->cmyk;
        replace(op, pdf_number(c.c) + " " + pdf_number(c.m) + " " + pdf_number(c.y) + " " + pdf_number(c.k) + " " + cmyk_op);
        ++log_.rewritten;
        ++log_.used[p->name];
    }

    void set_space(const ContentToken& op, bool stroke) {
        std::string name;
        for (const auto& t : operands_) {
            if (t.kind == ContentToken::kName) name = "/" + name_value(t.text);
        }
        const bool rgb = is_rgb_space(name, resources_);
        (stroke ? stack_.back().stroke_rgb : stack_.back().fill_rgb) = rgb;
        if (rgb) {
            replace(op, "/DeviceCMYK " + std::string(op.text));
            ++log_.rewritten;
            return;
        }
        if (name == "/Pattern" || name == "/Indexed") log_.unsupported.emplace(name + " " + std::string(op.text), page_);
    }

    std::string_view data_;
    const PrintPalette& palette_;
    QPDFObjectHandle resources_;
    int page_;
    RecolourLog& log_;
    std::vector<ContentToken> operands_;  // since the last operator
    std::vector<Spaces> stack_{Spaces{}};  // colour spaces are graphics state: q/Q
    std::string out_;
    std::size_t copied_ = 0;  // data_ up to here is in out_
};

}  // namespace

std::string recolour_content(std::string_view data, const PrintPalette& palette, QPDFObjectHandle resources,
                             int page, RecolourLog& log) {
    return Rewriter(data, palette, resources, page, log).run();
}

namespace {

void rewrite(QPDFObjectHandle owner, bool is_page, const PrintPalette& palette, int page_no,
             RecolourLog& log) {
    QPDFPageObjectHelper helper(owner);
    QPDFObjectHandle resources =
        is_page ? helper.getAttribute("/Resources", false) : owner.getDict().getKey("/Resources");
    std::string raw;
    Pl_String sink("recolour", nullptr, raw);
    helper.pipeContents(&sink);
    const std::string data = recolour_content(raw, palette, resources, page_no, log);
    if (is_page) {
        owner.replaceKey("/Contents", QPDFObjectHandle::newStream(owner.getOwningQPDF(), data));
    } else {
        owner.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
}

}  // namespace

void recolour_page(QPDFObjectHandle page, const PrintPalette& palette, int page_no,
                   RecolourLog& log, std::vector<QPDFObjGen>& done) {
    rewrite(page, true, palette, page_no, log);
    QPDFPageObjectHelper(page).forEachFormXObject(
        true, [&](QPDFObjectHandle& form, QPDFObjectHandle&, const std::string&) {
            if (std::find(done.begin(), done.end(), form.getObjGen()) != done.end()) return;
            done.push_back(form.getObjGen());
            rewrite(form, false, palette, page_no, log);
        });
}

}  // namespace shokuhon::finish
