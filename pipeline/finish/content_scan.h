// finish/: walks the content streams of any PDF page with the graphics state a printer's RIP
// would track (CTM, colour spaces and colours, line width, text render mode, nested form
// XObjects) and tells a ContentSink what is painted with what. Preflight builds on it.
// Read-only.
#pragma once
#include <qpdf/QPDFObjectHandle.hh>

#include <array>
#include <string>
#include <vector>

namespace shokuhon::finish {

struct Paint {
    // DeviceGray, DeviceRGB, DeviceCMYK, ICCBased-1/3/4, CalRGB, CalGray, Lab, Separation,
    // DeviceN, Indexed, Pattern, or "?" when unresolvable.
    std::string space;
    std::string separation;     // colorant name for Separation ("All" = registration)
    std::vector<double> values;
};

// A filled or stroked path: its bounding box in default user space (pt) and the paint.
struct PathPaint {
    int page = 0;
    bool stroke = false;
    Paint paint;
    double width_pt = 0, height_pt = 0;  // bounding box of the path
    double line_pt = 0;                  // stroke width in default user space
};

struct ImagePaint {
    int page = 0;
    QPDFObjectHandle image;  // null for inline images
    std::string space;       // colour space family (as in Paint::space); "" for image masks
    long long width = 0, height = 0;
    double placed_w_pt = 0, placed_h_pt = 0;  // the image's unit square through the CTM
    bool inline_image = false;
};

class ContentSink {
public:
    virtual ~ContentSink() = default;
    virtual void colour_operator(int page, const std::string& op, const std::string& space) = 0;
    virtual void text(int page, const Paint& fill) = 0;  // one text-showing operator
    virtual void path(const PathPaint& p) = 0;
    virtual void image(const ImagePaint& img) = 0;
    virtual void shading(int page, const std::string& space) = 0;
    virtual void transparency(int page, const std::string& what) = 0;
};

// Scans one page (1-based `page_no` for the sink), following form XObjects (depth ≤ 12).
void scan_page(QPDFObjectHandle page, int page_no, ContentSink& sink);

// The family name of a colour space object (a name or an array), resolving named resources.
std::string colour_space_family(QPDFObjectHandle cs, QPDFObjectHandle resources);

}  // namespace shokuhon::finish
