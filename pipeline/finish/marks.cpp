// finish/: Japanese crop marks (see marks.h).
//
// Corner mark at the top-left trim corner (L, T), bleed b, reach r (PDF y grows upwards):
//   trim line, horizontal   y = T       from x = L - b      out to L - b - r
//   bleed line, horizontal  y = T + b   from x = L          out to L - b - r
//   trim line, vertical     x = L       from y = T + b      up to  T + b + r
//   bleed line, vertical    x = L - b   from y = T          up to  T + b + r
// so the two L-shapes nest 3 mm apart, as pLaTeX's tombow and InDesign's Japanese marks draw them.
#include "finish/marks.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <stdexcept>

namespace shokuhon::finish {
namespace {

using Rect = QPDFObjectHandle::Rectangle;

void line(std::string& s, double ax, double ay, double bx, double by) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%.3f %.3f m %.3f %.3f l\n", ax, ay, bx, by);
    s += buf;
}

// One corner; sx, sy = -1 or +1: the outward direction from the trim corner (cx, cy).
void corner(std::string& s, double cx, double cy, double sx, double sy, const MarkGeometry& g) {
    const double b = g.bleed, far = g.bleed + g.length;
    line(s, cx + sx * b, cy, cx + sx * far, cy);           // trim, horizontal
    line(s, cx, cy + sy * b, cx + sx * far, cy + sy * b);  // bleed, horizontal
    line(s, cx, cy + sy * b, cx, cy + sy * far);           // trim, vertical
    line(s, cx + sx * b, cy, cx + sx * b, cy + sy * far);  // bleed, vertical
}

// A cross centred `bleed + length / 2` outside the edge: one arm on the centre line, reaching
// from the bleed line outwards, one arm along the edge, as long.
void centre(std::string& s, double x, double y, double nx, double ny, const MarkGeometry& g) {
    const double b = g.bleed, r = g.length, mid = b + r / 2;
    line(s, x + nx * b, y + ny * b, x + nx * (b + r), y + ny * (b + r));
    const double cx = x + nx * mid, cy = y + ny * mid;
    line(s, cx - ny * r / 2, cy - nx * r / 2, cx + ny * r / 2, cy + nx * r / 2);
}

QPDFObjectHandle box(const Rect& r) {
    return QPDFObjectHandle::newArray({QPDFObjectHandle::newReal(r.llx, 4, true), QPDFObjectHandle::newReal(r.lly, 4, true),
                                       QPDFObjectHandle::newReal(r.urx, 4, true), QPDFObjectHandle::newReal(r.ury, 4, true)});
}

Rect moved(const Rect& r, double dx, double dy) { return Rect(r.llx + dx, r.lly + dy, r.urx + dx, r.ury + dy); }

// /Separation /All: the registration colour, 100 % on every plate of the press.
QPDFObjectHandle registration_space() {
    QPDFObjectHandle fn = QPDFObjectHandle::newDictionary();
    fn.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(2));
    fn.replaceKey("/Domain", QPDFObjectHandle::newArray({QPDFObjectHandle::newInteger(0), QPDFObjectHandle::newInteger(1)}));
    auto zeros = QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>(4, QPDFObjectHandle::newInteger(0)));
    auto ones = QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>(4, QPDFObjectHandle::newInteger(1)));
    fn.replaceKey("/C0", zeros);
    fn.replaceKey("/C1", ones);
    fn.replaceKey("/N", QPDFObjectHandle::newInteger(1));
    return QPDFObjectHandle::newArray({QPDFObjectHandle::newName("/Separation"), QPDFObjectHandle::newName("/All"),
                                       QPDFObjectHandle::newName("/DeviceCMYK"), fn});
}

}  // namespace

std::string crop_marks_content(double x0, double y0, double x1, double y1, const MarkGeometry& g,
                               const std::string& cs_name) {
    char head[96];
    std::snprintf(head, sizeof head, "q\n%s CS 1 SCN %.2f w 0 J [] 0 d\n", cs_name.c_str(), g.line);
    std::string s = head;
    corner(s, x0, y1, -1, +1, g);  // top left
    corner(s, x1, y1, +1, +1, g);  // top right
    corner(s, x0, y0, -1, -1, g);  // bottom left
    corner(s, x1, y0, +1, -1, g);  // bottom right
    const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
    centre(s, mx, y1, 0, +1, g);
    centre(s, mx, y0, 0, -1, g);
    centre(s, x0, my, -1, 0, g);
    centre(s, x1, my, +1, 0, g);
    s += "S\nQ\n";
    return s;
}

void add_crop_marks(QPDFPageObjectHelper& page, const MarkGeometry& g) {
    QPDFObjectHandle dict = page.getObjectHandle();
    if (!dict.getKey("/TrimBox").isRectangle() || !dict.getKey("/BleedBox").isRectangle()) {
        throw std::runtime_error("crop marks need a TrimBox and a BleedBox on every page");
    }
    const Rect trim = dict.getKey("/TrimBox").getArrayAsRectangle();
    const Rect bleed = dict.getKey("/BleedBox").getArrayAsRectangle();
    // Move everything so the new MediaBox starts at 0 0 (some RIPs mishandle other origins).
    const double dx = g.margin - bleed.llx, dy = g.margin - bleed.lly;
    QPDF* pdf = dict.getOwningQPDF();
    page.addPageContents(QPDFObjectHandle::newStream(pdf, "q 1 0 0 1 " + std::to_string(dx) + " " +
                                                               std::to_string(dy) + " cm\n"), true);
    const Rect t = moved(trim, dx, dy);
    QPDFObjectHandle resources = page.getAttribute("/Resources", true);
    if (!resources.getKey("/ColorSpace").isDictionary()) {
        resources.replaceKey("/ColorSpace", QPDFObjectHandle::newDictionary());
    }
    resources.getKey("/ColorSpace").replaceKey("/ShokuhonRegistration", registration_space());
    page.addPageContents(QPDFObjectHandle::newStream(
                             pdf, "Q\n" + crop_marks_content(t.llx, t.lly, t.urx, t.ury, g, "/ShokuhonRegistration")),
                         false);
    const Rect b = moved(bleed, dx, dy);
    dict.replaceKey("/MediaBox", box(Rect(0, 0, b.urx + g.margin, b.ury + g.margin)));
    dict.replaceKey("/BleedBox", box(b));
    dict.replaceKey("/TrimBox", box(t));
    if (dict.hasKey("/CropBox")) dict.removeKey("/CropBox");
}

}  // namespace shokuhon::finish
