// finish/: photos for PDF/X-4 (ICC-tagged RGB) and PDF/X-1a (CMYK via lcms2) (see photos.h).
#include "finish/photos.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <lcms2.h>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "core/c_handle.h"
#include "finish/jpeg_io.h"

namespace shokuhon::finish {

namespace fs = std::filesystem;

// ------------------------------------------------------------------------------ CmykConverter

using ProfilePtr = CHandle<void, cmsCloseProfile>;
using TransformPtr = CHandle<void, cmsDeleteTransform>;

struct CmykConverter::Impl {
    ProfilePtr out;
    std::string default_rgb;
    int limit = 765;  // total ink in 0–255 units per channel sum (300 % = 765)
    std::map<std::string, TransformPtr> transforms;  // input profile bytes → transform

    cmsHTRANSFORM transform(const std::string& icc) {
        const std::string& in_bytes = icc.empty() ? default_rgb : icc;
        if (auto it = transforms.find(in_bytes); it != transforms.end()) return it->second.get();
        ProfilePtr in{cmsOpenProfileFromMem(in_bytes.data(), static_cast<cmsUInt32Number>(in_bytes.size()))};
        if (!in || cmsGetColorSpace(in.get()) != cmsSigRgbData) {
            throw std::runtime_error("the photo's RGB profile cannot be read");
        }
        // Relative colorimetric with black point compensation: what prepress tools default to
        // for photos; the shadows keep their detail on the press.
        TransformPtr t{cmsCreateTransform(in.get(), TYPE_RGB_8, out.get(), TYPE_CMYK_8,
                                          INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION)};
        if (!t) throw std::runtime_error("lcms2 cannot build an RGB → CMYK transform");
        return transforms.emplace(in_bytes, std::move(t)).first->second.get();
    }
};

CmykConverter::CmykConverter(const std::string& cmyk_profile, const std::string& default_rgb, int ink_limit)
    : impl_(std::make_unique<Impl>()) {
    impl_->out.reset(cmsOpenProfileFromMem(cmyk_profile.data(), static_cast<cmsUInt32Number>(cmyk_profile.size())));
    if (!impl_->out || cmsGetColorSpace(impl_->out.get()) != cmsSigCmykData) {
        throw std::runtime_error("the output profile is not a CMYK ICC profile");
    }
    impl_->default_rgb = default_rgb;
    impl_->limit = ink_limit * 255 / 100;
}

CmykConverter::~CmykConverter() = default;

std::vector<unsigned char> CmykConverter::convert(const std::vector<unsigned char>& rgb, std::size_t pixels,
                                                  const std::string& icc) {
    std::vector<unsigned char> cmyk(pixels * 4);
    cmsDoTransform(impl_->transform(icc), rgb.data(), cmyk.data(), static_cast<cmsUInt32Number>(pixels));
    // The profile's own limit can exceed the printer's (sRGB black → FOGRA39L is 316 %): take
    // the excess out of C, M and Y, keeping K, which holds the shadow detail.
    const int limit = impl_->limit;
    for (std::size_t i = 0; i < cmyk.size(); i += 4) {
        const int cmy = cmyk[i] + cmyk[i + 1] + cmyk[i + 2];
        const int k = cmyk[i + 3];
        if (cmy + k <= limit || cmy == 0) continue;
        const double f = static_cast<double>(std::max(0, limit - k)) / cmy;
        for (std::size_t j = 0; j < 3; ++j) {
            cmyk[i + j] = static_cast<unsigned char>(cmyk[i + j] * f);  // rounds down: stays under
        }
    }
    return cmyk;
}

// ------------------------------------------------------------------------------ the pass

namespace {

std::string sha256(const std::string& bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes beside the target and renames: a crash never leaves half a file in the cache.
void write_atomic(const fs::path& p, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    const fs::path tmp = p.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return;  // a cache that cannot be written only costs time
    }
    fs::rename(tmp, p, ec);
    if (ec) fs::remove(tmp, ec);
}

enum class Space { kRgb, kIccRgb, kOther };

Space space_of(QPDFObjectHandle cs) {
    if (cs.isName()) return cs.getName() == "/DeviceRGB" ? Space::kRgb : Space::kOther;
    if (cs.isArray() && cs.getArrayNItems() == 2 && cs.getArrayItem(0).isName() &&
        cs.getArrayItem(0).getName() == "/ICCBased") {
        QPDFObjectHandle n = cs.getArrayItem(1).getDict().getKey("/N");
        if (n.isInteger() && n.getIntValue() == 3) return Space::kIccRgb;
    }
    return Space::kOther;
}

bool is_dct(QPDFObjectHandle dict) {
    QPDFObjectHandle f = dict.getKey("/Filter");
    if (f.isArray() && f.getArrayNItems() == 1) f = f.getArrayItem(0);
    return f.isName() && f.getName() == "/DCTDecode";
}

class PhotoPass {
public:
    PhotoPass(QPDF& pdf, const PhotoOptions& o, PhotoStats& s, Diagnostics& d)
        : pdf_(pdf), opts_(o), stats_(s), diags_(d) {
        if (o.to_cmyk) conv_ = std::make_unique<CmykConverter>(o.cmyk_profile, o.rgb_profile, o.ink_limit);
        params_ = sha256(o.cmyk_profile) + " ink " + std::to_string(o.ink_limit) + " q " +
                  std::to_string(o.quality) + " relcol+bpc v1";
    }

    void image(QPDFObjectHandle img, int page) {
        if (!seen_.insert(img.getObjGen()).second) return;
        QPDFObjectHandle dict = img.getDict();
        if (dict.hasKey("/Interpolate")) dict.removeKey("/Interpolate");
        if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) return;
        if (opts_.to_cmyk && dict.hasKey("/SMask")) {
            diags_.error("E-PRINT-031", {"page " + std::to_string(page), 0, 0},
                         "an image with a soft mask (transparency) cannot go into PDF/X-1a",
                         "build PDF/X-4 (--pdfx X-4), or use a photo without an alpha channel");
        }
        const Space space = space_of(dict.getKey("/ColorSpace"));
        if (space == Space::kOther) {
            ++stats_.kept;
        } else if (!opts_.to_cmyk) {
            tag(img, space);
        } else {
            convert(img, space, page);
        }
    }

private:
    void tag(QPDFObjectHandle img, Space space) {
        if (space == Space::kIccRgb) {
            ++stats_.kept;
            return;
        }
        std::string icc;
        if (is_dct(img.getDict())) icc = jpeg_icc(raw(img));
        img.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newArray(
            {QPDFObjectHandle::newName("/ICCBased"), icc_stream(icc.empty() ? opts_.rgb_profile : icc)}));
        ++stats_.tagged;
    }

    static std::string raw(QPDFObjectHandle img) {
        auto buf = img.getRawStreamData();
        return {reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize()};
    }

    static std::string decoded(QPDFObjectHandle stream) {
        auto buf = stream.getStreamData(qpdf_dl_generalized);
        return {reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize()};
    }

    QPDFObjectHandle icc_stream(const std::string& bytes) {
        if (auto it = icc_.find(bytes); it != icc_.end()) return it->second;
        QPDFObjectHandle s = QPDFObjectHandle::newStream(&pdf_, bytes);
        s.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
        s.getDict().replaceKey("/Alternate", QPDFObjectHandle::newName("/DeviceRGB"));
        return icc_.emplace(bytes, s).first->second;
    }

    // The image's RGB pixels, decoded by libjpeg (DCT) or by qpdf (8-bit Flate and the like).
    bool pixels(QPDFObjectHandle img, const std::string& bytes, DecodedImage& out) {
        QPDFObjectHandle dict = img.getDict();
        if (is_dct(dict)) return jpeg_decode(bytes, out, 100'000'000ull) && out.components == 3;
        if (!dict.getKey("/BitsPerComponent").isInteger() || dict.getKey("/BitsPerComponent").getIntValue() != 8) {
            return false;
        }
        auto data = img.getStreamData(qpdf_dl_all);
        out.width = static_cast<int>(dict.getKey("/Width").getIntValueAsInt());
        out.height = static_cast<int>(dict.getKey("/Height").getIntValueAsInt());
        out.components = 3;
        out.pixels.assign(data->getBuffer(), data->getBuffer() + data->getSize());
        return out.pixels.size() == static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3;
    }

    void convert(QPDFObjectHandle img, Space space, int page) {
        const std::string bytes = raw(img);
        QPDFObjectHandle dict = img.getDict();
        std::string icc;  // the input profile: the image's own, else sRGB
        if (space == Space::kIccRgb) icc = decoded(dict.getKey("/ColorSpace").getArrayItem(1));
        else if (is_dct(dict)) icc = jpeg_icc(bytes);
        const fs::path cached = opts_.cache_dir.empty() ? fs::path()
            : opts_.cache_dir / (sha256(bytes + '\0' + icc + '\0' + params_) + ".jpg");
        std::string jpeg;
        std::error_code ec;
        if (!cached.empty() && fs::is_regular_file(cached, ec)) {
            jpeg = read_all(cached);
            ++stats_.from_cache;
        } else if (!fresh(img, bytes, icc, page, jpeg)) {
            return;
        } else if (!cached.empty()) {
            write_atomic(cached, jpeg);
        }
        img.replaceStreamData(jpeg, QPDFObjectHandle::newName("/DCTDecode"), QPDFObjectHandle::newNull());
        dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceCMYK"));
        dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
        if (dict.hasKey("/Decode")) dict.removeKey("/Decode");
    }

    bool fresh(QPDFObjectHandle img, const std::string& bytes, const std::string& icc, int page,
               std::string& jpeg) {
        const auto t0 = std::chrono::steady_clock::now();
        DecodedImage rgb;
        const SourceLoc loc{"page " + std::to_string(page), 0, 0};
        if (!pixels(img, bytes, rgb)) {
            diags_.error("E-PRINT-030", loc, "an RGB image cannot be decoded for conversion to CMYK",
                         "use 8-bit RGB JPEG photos");
            return false;
        }
        const auto n = static_cast<std::size_t>(rgb.width) * static_cast<std::size_t>(rgb.height);
        const auto cmyk = conv_->convert(rgb.pixels, n, icc);
        if (!jpeg_encode_cmyk(cmyk, rgb.width, rgb.height, opts_.quality, jpeg)) {
            diags_.error("E-PRINT-030", loc, "a photo converted to CMYK cannot be encoded as JPEG");
            return false;
        }
        ++stats_.converted;
        stats_.convert_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return true;
    }

    QPDF& pdf_;
    const PhotoOptions& opts_;
    PhotoStats& stats_;
    Diagnostics& diags_;
    std::unique_ptr<CmykConverter> conv_;
    std::string params_;
    std::set<QPDFObjGen> seen_;
    std::map<std::string, QPDFObjectHandle> icc_;
};

}  // namespace

void prepare_photos(QPDF& pdf, const PhotoOptions& opts, PhotoStats& stats, Diagnostics& diags) {
    PhotoPass pass(pdf, opts, stats, diags);
    int page_no = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        ++page_no;
        page.forEachImage(true, [&](QPDFObjectHandle& img, QPDFObjectHandle&, const std::string&) {
            pass.image(img, page_no);
        });
    }
}

}  // namespace shokuhon::finish
