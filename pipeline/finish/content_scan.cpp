// finish/: the content stream walker behind preflight (see content_scan.h).
#include "finish/content_scan.h"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>

#include "finish/content_lexer.h"

namespace shokuhon::finish {
namespace {

struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    // this × m: `cm` with this matrix applied under the current one.
    Matrix times(const Matrix& m) const {
        return {a * m.a + b * m.c, a * m.b + b * m.d, c * m.a + d * m.c,
                c * m.b + d * m.d, e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
    }
    std::array<double, 2> apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
};

struct GState {
    Matrix ctm;
    Paint fill{"DeviceGray", "", {0}}, stroke{"DeviceGray", "", {0}};
    double line = 1;
    int render_mode = 0;
};

constexpr int kMaxDepth = 12;

std::string strip(const std::string& name) { return name.empty() || name[0] != '/' ? name : name.substr(1); }

Paint initial_paint(const std::string& space, const std::string& separation) {
    if (space == "DeviceCMYK" || space == "ICCBased-4") return {space, separation, {0, 0, 0, 1}};
    if (space == "DeviceRGB" || space == "ICCBased-3" || space == "CalRGB" || space == "Lab") {
        return {space, separation, {0, 0, 0}};
    }
    if (space == "Separation" || space == "DeviceN") return {space, separation, {1}};
    return {space, separation, {0}};
}

std::string separation_name(QPDFObjectHandle cs, QPDFObjectHandle resources) {
    if (cs.isName() && resources.isDictionary() && resources.getKey("/ColorSpace").isDictionary()) {
        cs = resources.getKey("/ColorSpace").getKey(cs.getName());
    }
    if (cs.isArray() && cs.getArrayNItems() >= 2 && cs.getArrayItem(1).isName()) {
        return strip(cs.getArrayItem(1).getName());
    }
    return {};
}

// An operand as a qpdf object, for the few that resources are looked up with (colour spaces);
// null when it cannot be one.
QPDFObjectHandle as_object(const ContentToken& t) {
    if (t.kind == ContentToken::kName) return QPDFObjectHandle::newName("/" + name_value(t.text));
    if (t.kind == ContentToken::kNumber) return QPDFObjectHandle::newReal(t.number, 6);
    if (t.kind == ContentToken::kArray || t.kind == ContentToken::kDict) {
        try {
            return QPDFObjectHandle::parse(std::string(t.text));
        } catch (const std::exception&) {
            return QPDFObjectHandle::newNull();
        }
    }
    return QPDFObjectHandle::newNull();
}

bool is_integer(const ContentToken& t) {
    return t.kind == ContentToken::kNumber && t.text.find('.') == std::string_view::npos;
}

class Scanner {
public:
    Scanner(ContentSink& sink, int page, QPDFObjectHandle resources, const Matrix& ctm, int depth)
        : sink_(sink), page_(page), resources_(resources), depth_(depth) {
        stack_.back().ctm = ctm;
    }

    void scan(std::string_view data) {
        ContentLexer lex(data);
        for (ContentToken t = lex.next(); t.kind != ContentToken::kEnd; t = lex.next()) {
            if (t.kind == ContentToken::kOperator) {
                op(t.text);
                operands_.clear();
            } else {
                operands_.push_back(t);
            }
        }
    }

private:
    double num(std::size_t i) {
        return i < operands_.size() && operands_[i].kind == ContentToken::kNumber ? operands_[i].number : 0.0;
    }
    bool is_name(std::size_t i) const { return i < operands_.size() && operands_[i].kind == ContentToken::kName; }
    std::string name(std::size_t i) const { return "/" + name_value(operands_[i].text); }
    GState& gs() { return stack_.back(); }

    void op(std::string_view o) {
        if (state_op(o) || colour_op(o) || path_op(o) || paint_op(o) || text_op(o)) return;
        if (o == "Do" && is_name(0)) xobject(name(0));
        else if (o == "sh" && is_name(0)) shading(name(0));
        else if (o == "ID") inline_image();
    }

    bool state_op(std::string_view o) {
        if (o == "q") stack_.push_back(gs());
        else if (o == "Q") { if (stack_.size() > 1) stack_.pop_back(); }
        else if (o == "cm") gs().ctm = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.times(gs().ctm);
        else if (o == "w") gs().line = num(0);
        else if (o == "gs" && is_name(0)) ext_gstate(name(0));
        else return false;
        return true;
    }

    bool colour_op(std::string_view o) {
        static const std::pair<const char*, const char*> kDevice[] = {
            {"g", "DeviceGray"}, {"G", "DeviceGray"}, {"rg", "DeviceRGB"},
            {"RG", "DeviceRGB"}, {"k", "DeviceCMYK"}, {"K", "DeviceCMYK"}};
        const bool stroke = !o.empty() && std::isupper(static_cast<unsigned char>(o[0]));
        Paint& p = stroke ? gs().stroke : gs().fill;
        for (const auto& [name, space] : kDevice) {
            if (o != name) continue;
            p = {space, "", values()};
            sink_.colour_operator(page_, std::string(o), space);
            return true;
        }
        if (o == "cs" || o == "CS") {
            if (operands_.empty()) return true;
            const QPDFObjectHandle cs = as_object(operands_[0]);
            const std::string space = colour_space_family(cs, resources_);
            p = initial_paint(space, space == "Separation" ? separation_name(cs, resources_) : "");
            sink_.colour_operator(page_, std::string(o), space);
        } else if (o == "sc" || o == "scn" || o == "SC" || o == "SCN") {
            if (!values().empty()) p.values = values();
            sink_.colour_operator(page_, std::string(o), p.space);
        } else {
            return false;
        }
        return true;
    }

    std::vector<double> values() {
        std::vector<double> v;
        for (const auto& o : operands_) {
            if (o.kind == ContentToken::kNumber) v.push_back(o.number);
        }
        return v;
    }

    void point(double x, double y) {
        const auto p = gs().ctm.apply(x, y);
        box_[0] = std::min(box_[0], p[0]);
        box_[1] = std::min(box_[1], p[1]);
        box_[2] = std::max(box_[2], p[0]);
        box_[3] = std::max(box_[3], p[1]);
    }

    bool path_op(std::string_view o) {
        if (o == "m" || o == "l") point(num(0), num(1));
        else if (o == "c") { point(num(0), num(1)); point(num(2), num(3)); point(num(4), num(5)); }
        else if (o == "v" || o == "y") { point(num(0), num(1)); point(num(2), num(3)); }
        else if (o == "re") {
            point(num(0), num(1));
            point(num(0) + num(2), num(1) + num(3));
            point(num(0), num(1) + num(3));
            point(num(0) + num(2), num(1));
        } else if (o == "h") {
        } else {
            return false;
        }
        return true;
    }

    bool paint_op(std::string_view o) {
        static const char* kFill[] = {"f", "F", "f*", "B", "B*", "b", "b*"};
        static const char* kStroke[] = {"S", "s", "B", "B*", "b", "b*"};
        const bool fill = std::find(std::begin(kFill), std::end(kFill), o) != std::end(kFill);
        const bool stroke = std::find(std::begin(kStroke), std::end(kStroke), o) != std::end(kStroke);
        if (!fill && !stroke && o != "n") return false;
        if (box_[0] <= box_[2]) {
            const Matrix& m = gs().ctm;
            const double scale = std::sqrt(std::fabs(m.a * m.d - m.b * m.c));
            const double w = box_[2] - box_[0], h = box_[3] - box_[1];
            if (fill) sink_.path({page_, false, gs().fill, w, h, 0});
            if (stroke) sink_.path({page_, true, gs().stroke, w, h, gs().line * scale});
        }
        box_ = kEmpty;
        return true;
    }

    bool text_op(std::string_view o) {
        if (o == "Tr") {
            gs().render_mode = static_cast<int>(num(0));
        } else if (o == "Tj" || o == "TJ" || o == "'" || o == "\"") {
            const int mode = gs().render_mode;
            if (mode == 3 || mode == 7) return true;  // invisible (searchable OCR layers, clips)
            if (mode == 1 || mode == 5) sink_.text(page_, gs().stroke);
            else sink_.text(page_, gs().fill);
        } else {
            return false;
        }
        return true;
    }

    void ext_gstate(const std::string& name) {
        QPDFObjectHandle all = resources_.isDictionary() ? resources_.getKey("/ExtGState") : QPDFObjectHandle();
        QPDFObjectHandle s = all.isDictionary() ? all.getKey(name) : QPDFObjectHandle();
        if (!s.isDictionary()) return;
        for (const char* key : {"/CA", "/ca"}) {
            if (s.getKey(key).isNumber() && s.getKey(key).getNumericValue() < 1.0) {
                sink_.transparency(page_, std::string("constant alpha ") + key);
            }
        }
        if (s.hasKey("/SMask") && !(s.getKey("/SMask").isName() && s.getKey("/SMask").getName() == "/None")) {
            sink_.transparency(page_, "soft mask");
        }
        QPDFObjectHandle bm = s.getKey("/BM");
        if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible") {
            sink_.transparency(page_, "blend mode " + strip(bm.getName()));
        }
    }

    void xobject(const std::string& name) {
        QPDFObjectHandle all = resources_.isDictionary() ? resources_.getKey("/XObject") : QPDFObjectHandle();
        QPDFObjectHandle x = all.isDictionary() ? all.getKey(name) : QPDFObjectHandle();
        if (!x.isStream()) return;
        QPDFObjectHandle dict = x.getDict();
        if (x.isImage()) {
            image(x, dict);
        } else if (x.isFormXObject() && depth_ < kMaxDepth) {
            Matrix m;
            if (QPDFObjectHandle fm = dict.getKey("/Matrix"); fm.isArray() && fm.getArrayNItems() == 6) {
                auto at = [&](int i) { return fm.getArrayItem(i).isNumber() ? fm.getArrayItem(i).getNumericValue() : 0.0; };
                m = {at(0), at(1), at(2), at(3), at(4), at(5)};
            }
            QPDFObjectHandle res = dict.getKey("/Resources");
            Scanner inner(sink_, page_, res.isDictionary() ? res : resources_, m.times(gs().ctm), depth_ + 1);
            inner.stack_.back().fill = gs().fill;
            inner.stack_.back().stroke = gs().stroke;
            std::string data;
            Pl_String pipe("form", nullptr, data);
            x.pipeStreamData(&pipe, 0, qpdf_dl_generalized);
            inner.scan(data);
        }
    }

    void image(QPDFObjectHandle x, QPDFObjectHandle dict) {
        ImagePaint img;
        img.page = page_;
        img.image = x;
        const bool mask = dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue();
        img.space = mask ? "" : colour_space_family(dict.getKey("/ColorSpace"), resources_);
        if (dict.getKey("/Width").isInteger()) img.width = dict.getKey("/Width").getIntValue();
        if (dict.getKey("/Height").isInteger()) img.height = dict.getKey("/Height").getIntValue();
        placed(img);
        if (dict.hasKey("/SMask") || dict.hasKey("/SMaskInData")) sink_.transparency(page_, "image soft mask");
        sink_.image(img);
    }

    void placed(ImagePaint& img) {
        const Matrix& m = gs().ctm;
        img.placed_w_pt = std::hypot(m.a, m.b);
        img.placed_h_pt = std::hypot(m.c, m.d);
    }

    // BI /W 10 /H 10 /CS /RGB ... ID: the dictionary arrives as operands of ID.
    void inline_image() {
        ImagePaint img;
        img.page = page_;
        img.inline_image = true;
        for (std::size_t i = 0; i + 1 < operands_.size(); i += 2) {
            if (!is_name(i)) continue;
            const std::string key = name(i);
            const ContentToken& v = operands_[i + 1];
            if ((key == "/W" || key == "/Width") && is_integer(v)) img.width = static_cast<long long>(v.number);
            if ((key == "/H" || key == "/Height") && is_integer(v)) img.height = static_cast<long long>(v.number);
            if (key == "/CS" || key == "/ColorSpace") img.space = colour_space_family(as_object(v), resources_);
        }
        placed(img);
        sink_.image(img);
    }

    void shading(const std::string& name) {
        QPDFObjectHandle all = resources_.isDictionary() ? resources_.getKey("/Shading") : QPDFObjectHandle();
        QPDFObjectHandle s = all.isDictionary() ? all.getKey(name) : QPDFObjectHandle();
        if (s.isStream()) s = s.getDict();
        sink_.shading(page_, s.isDictionary() ? colour_space_family(s.getKey("/ColorSpace"), resources_) : "?");
    }

    static constexpr std::array<double, 4> kEmpty{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                                                  std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    ContentSink& sink_;
    int page_;
    QPDFObjectHandle resources_;
    int depth_;
    std::vector<ContentToken> operands_;
    std::vector<GState> stack_{GState{}};
    std::array<double, 4> box_ = kEmpty;
};

}  // namespace

std::string colour_space_family(QPDFObjectHandle cs, QPDFObjectHandle resources) {
    if (cs.isName()) {
        const std::string n = cs.getName();
        if (n == "/G" || n == "/DeviceGray") return "DeviceGray";
        if (n == "/RGB" || n == "/DeviceRGB") return "DeviceRGB";
        if (n == "/CMYK" || n == "/DeviceCMYK") return "DeviceCMYK";
        if (n == "/Pattern") return "Pattern";
        if (resources.isDictionary() && resources.getKey("/ColorSpace").isDictionary()) {
            QPDFObjectHandle named = resources.getKey("/ColorSpace").getKey(n);
            if (!named.isNull() && !(named.isName() && named.getName() == n)) {
                return colour_space_family(named, QPDFObjectHandle());
            }
        }
        return "?";
    }
    if (!cs.isArray() || cs.getArrayNItems() < 1 || !cs.getArrayItem(0).isName()) return "?";
    const std::string family = strip(cs.getArrayItem(0).getName());
    if (family == "ICCBased" && cs.getArrayNItems() >= 2 && cs.getArrayItem(1).isStream()) {
        QPDFObjectHandle n = cs.getArrayItem(1).getDict().getKey("/N");
        return "ICCBased-" + (n.isInteger() ? std::to_string(n.getIntValue()) : std::string("?"));
    }
    if (family == "I" || family == "Indexed") return "Indexed";
    return family;
}

void scan_page(QPDFObjectHandle page, int page_no, ContentSink& sink) {
    QPDFPageObjectHelper helper(page);
    Scanner scanner(sink, page_no, helper.getAttribute("/Resources", false), Matrix{}, 0);
    std::string data;
    Pl_String pipe("page", nullptr, data);
    helper.pipeContents(&pipe);
    scanner.scan(data);
}

}  // namespace shokuhon::finish
