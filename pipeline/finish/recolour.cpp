// finish/: RGB → palette CMYK in content streams (see recolour.h).
#include "finish/recolour.h"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>

namespace shokuhon::finish {
namespace {

using Token = QPDFTokenizer::Token;

bool is_number(const Token& t) {
    return t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real;
}

bool is_blank(const Token& t) {
    return t.getType() == QPDFTokenizer::tt_space || t.getType() == QPDFTokenizer::tt_comment;
}

}  // namespace

Recolour::Recolour(const PrintPalette& palette, QPDFObjectHandle resources, int page, RecolourLog& log)
    : palette_(palette), resources_(resources), page_(page), log_(log) {}

void Recolour::handleToken(Token const& token) {
    if (token.getType() == QPDFTokenizer::tt_word) {
        operate(token);
    } else if (token.getType() == QPDFTokenizer::tt_eof) {
        flush();
    } else {
        pending_.push_back(token);
    }
}

void Recolour::handleEOF() { flush(); }

// Drops the operands but keeps the white space before them, so the replacement never runs
// into the previous operator ("q" + "0 0 0 1 k" must not become "q0 0 0 1 k").
void Recolour::drop_operands() {
    std::size_t i = 0;
    while (i < pending_.size() && is_blank(pending_[i])) writeToken(pending_[i++]);
    pending_.clear();
}

void Recolour::flush() {
    for (const Token& t : pending_) writeToken(t);
    pending_.clear();
}

void Recolour::operate(Token const& op) {
    const std::string& v = op.getValue();
    if (v == "q") {
        stack_.push_back(stack_.back());
    } else if (v == "Q") {
        if (stack_.size() > 1) stack_.pop_back();
    } else if (v == "rg" || v == "RG") {
        if (recolour(v, v == "rg" ? "k" : "K")) return;
    } else if (v == "sc" || v == "scn") {
        if (stack_.back().fill_rgb && recolour(v, v)) return;
    } else if (v == "SC" || v == "SCN") {
        if (stack_.back().stroke_rgb && recolour(v, v)) return;
    } else if (v == "cs" || v == "CS") {
        set_space(v, v == "CS");
        return;
    }
    flush();
    writeToken(op);
}

// Replaces `r g b <op>` by `c m y k <cmyk_op>` when the operands are exactly three numbers.
// Returns false (nothing written) when they are not, e.g. `/P0 scn` with a pattern.
bool Recolour::recolour(const std::string& op, const std::string& cmyk_op) {
    std::vector<double> rgb;
    for (const Token& t : pending_) {
        if (is_blank(t)) continue;
        if (!is_number(t)) return false;
        rgb.push_back(std::stod(t.getValue()));
    }
    if (rgb.size() != 3) return false;
    const PaletteColour* p = palette_.find(rgb[0], rgb[1], rgb[2]);
    if (!p) {
        const std::string key = pdf_number(rgb[0]) + " " + pdf_number(rgb[1]) + " " +
                                pdf_number(rgb[2]) + " " + op;
        log_.unmapped.emplace(key, page_);  // keeps the first page
        flush();
        write(op);
        return true;
    }
    drop_operands();
    const Cmyk& c = p->cmyk;
    write(pdf_number(c.c) + " " + pdf_number(c.m) + " " + pdf_number(c.y) + " " + pdf_number(c.k) +
          " " + cmyk_op);
    ++log_.rewritten;
    ++log_.used[p->name];
    return true;
}

void Recolour::set_space(const std::string& op, bool stroke) {
    std::string name;
    for (const Token& t : pending_) {
        if (t.getType() == QPDFTokenizer::tt_name) name = t.getValue();
    }
    const bool rgb = is_rgb_space(name);
    (stroke ? stack_.back().stroke_rgb : stack_.back().fill_rgb) = rgb;
    if (rgb) {
        drop_operands();
        write("/DeviceCMYK " + op);
        ++log_.rewritten;
        return;
    }
    if (name == "/Pattern" || name == "/Indexed") {
        log_.unsupported.emplace(name + " " + op, page_);
    }
    flush();
    write(op);
}

bool Recolour::is_rgb_space(const std::string& name) {
    if (name == "/DeviceRGB") return true;
    if (!resources_.isDictionary()) return false;
    QPDFObjectHandle spaces = resources_.getKey("/ColorSpace");
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

namespace {

void rewrite(QPDFObjectHandle owner, bool is_page, const PrintPalette& palette, int page_no,
             RecolourLog& log) {
    QPDFPageObjectHelper helper(owner);
    QPDFObjectHandle resources =
        is_page ? helper.getAttribute("/Resources", false) : owner.getDict().getKey("/Resources");
    Recolour filter(palette, resources, page_no, log);
    std::string data;
    Pl_String sink("recolour", nullptr, data);
    helper.filterContents(&filter, &sink);
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
