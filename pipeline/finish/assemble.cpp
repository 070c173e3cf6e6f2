// finish/: the book from its rendered parts (see assemble.h).
//
// prepare_part: qpdf reads the part lazily from memory (the page tree and the dictionaries it
// reaches); the copier walks from each page through everything the page refers to, gives every
// object it meets a local number (in the order met: the same part gives the same bytes) and copies
// streams raw. The part's catalog, Info and structure tree are not reached, so not copied.
// assemble_pdf: each part's local numbers become the book's by adding the objects before it.
#include "finish/assemble.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstring>
#include <array>
#include <optional>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <stdexcept>

#include "core/sha256.h"
#include "finish/cairo_xref.h"

namespace shokuhon::finish {
namespace {

using Rect = QPDFObjectHandle::Rectangle;

std::string real(double v) { return QPDFObjectHandle::newReal(v, 4, true).unparse(); }

std::string box(const Rect& r) {
    return "[" + real(r.llx) + " " + real(r.lly) + " " + real(r.urx) + " " + real(r.ury) + "]";
}

std::string text(const std::string& utf8) { return QPDFObjectHandle::newUnicodeString(utf8).unparse(); }

std::string ref(int n) { return std::to_string(n) + " 0 R"; }

// Keys of the parts' structure tree: it is not copied, so neither are the links into it.
bool dropped_key(const std::string& key) { return key == "/StructParent" || key == "/StructParents"; }

// Writes the book into a sink as it goes (a part at a time: the book is never whole in memory),
// with the SHA-256 of everything written for the /ID.
class Writer {
public:
    explicit Writer(const PdfSink& sink) : sink_(sink) {
        out_ = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";
        offsets_.push_back(0);  // object 0: the head of the free list
    }
    int reserve() {
        offsets_.push_back(0);
        return static_cast<int>(offsets_.size() - 1);
    }
    void object(int n, const std::string& body) {
        begin(n);
        out_ += body;
        out_ += "\nendobj\n";
    }
    void begin(int n) {
        offsets_[static_cast<std::size_t>(n)] = written_ + out_.size();
        out_ += std::to_string(n) + " 0 obj\n";
    }
    std::string& bytes() { return out_; }
    // Hands what is buffered to the sink.
    void flush() {
        if (out_.empty()) return;
        if (!sink_(out_)) throw std::runtime_error("cannot write the PDF");
        written_ += out_.size();
        sha_.update(std::move(out_));  // hashed on the hashing thread while the next part is joined
        out_ = std::string();
    }

    // The cross-reference table, the trailer and the /ID (the first 16 bytes of the SHA-256 of
    // everything before the trailer).
    // Returns the SHA-256 of the whole file (hex).
    std::string finish(int root, int info) {
        for (std::size_t i = 1; i < offsets_.size(); ++i) {
            if (offsets_[i] == 0) throw std::runtime_error("object " + std::to_string(i) + " was never written");
        }
        const std::size_t xref_at = written_ + out_.size();
        out_ += "xref\n0 " + std::to_string(offsets_.size()) + "\n0000000000 65535 f \n";
        char entry[24];
        for (std::size_t i = 1; i < offsets_.size(); ++i) {
            std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets_[i]);
            out_ += entry;
        }
        flush();
        Sha256 whole = sha_.state();
        Sha256 before_trailer(whole);
        const auto digest = before_trailer.digest();
        if (!digest) throw std::runtime_error("SHA-256 failed");
        const std::string id = to_hex(digest->data(), 16);
        out_ += "trailer\n<< /Size " + std::to_string(offsets_.size()) + " /Root " + ref(root) + " /Info " +
                ref(info) + " /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" + std::to_string(xref_at) +
                "\n%%EOF\n";
        if (!sink_(out_)) throw std::runtime_error("cannot write the PDF");
        whole.update(out_);
        out_.clear();
        return whole.hex();
    }

private:
    const PdfSink& sink_;
    Sha256Thread sha_;
    std::string out_;
    std::size_t written_ = 0;
    std::vector<std::size_t> offsets_;
};

using Fixup = PreparedPart::Fixup;

// One part's objects, numbered locally into a PreparedPart.
class PartCopier {
public:
    // `bytes` and `xref`: the part as read (streams are copied straight from it where the xref
    // table locates them; elsewhere qpdf reads them).
    PartCopier(PreparedPart& out, std::string_view bytes, std::optional<ClassicXref> xref)
        : p_(out), bytes_(bytes), xref_(xref) {}

    // Gives the part's page a number before anything is copied, so that references to it
    // (annotations' /P) land on the page.
    std::uint32_t number_page(const QPDFObjectHandle& page) { return number(page); }

    void copy_page(QPDFObjectHandle page, double bleed_pt) {
        const std::uint32_t n = number(page);
        QPDFObjectHandle media_obj = page.getKey("/MediaBox");
        if (!media_obj.isRectangle()) throw std::runtime_error("a page has no /MediaBox");
        const Rect m = media_obj.getArrayAsRectangle();
        const Rect media(std::min(m.llx, m.urx), std::min(m.lly, m.ury), std::max(m.llx, m.urx),
                         std::max(m.lly, m.ury));
        const Rect trim(media.llx + bleed_pt, media.lly + bleed_pt, media.urx - bleed_pt, media.ury - bleed_pt);
        if (trim.urx <= trim.llx || trim.ury <= trim.lly) throw std::runtime_error("bleed is larger than half the MediaBox");
        begin(n);
        p_.text += "<< /Type /Page /Parent ";
        fixup(Fixup::kParent, 0);
        for (const auto& key : page.getKeys()) {
            if (key == "/Type" || key == "/Parent" || key == "/TrimBox" || key == "/BleedBox" || dropped_key(key)) continue;
            p_.text += " " + QPDFObjectHandle::newName(key).unparse() + " ";
            value(page.getKey(key));
        }
        p_.text += " /BleedBox " + box(media) + " /TrimBox " + box(trim) + " >>\nendobj\n";
        p_.pages.push_back(n);
        p_.heights.push_back(media.ury);
        drain();
    }

private:
    std::uint32_t number(const QPDFObjectHandle& h) {
        const auto [it, fresh] = numbers_.try_emplace(h.getObjGen(), 0);
        if (fresh) {
            it->second = ++p_.objects;
            pending_.push_back(h);
        }
        return it->second;
    }

    void fixup(Fixup::Kind kind, std::uint32_t local) { p_.fixups.push_back({kind, local, p_.text.size()}); }
    void begin(std::uint32_t n) { fixup(Fixup::kObject, n); }

    void value(QPDFObjectHandle h) {
        if (h.isIndirect()) {
            if (h.isNull()) {  // a reference to an object the part does not have
                p_.text += "null";
                return;
            }
            fixup(Fixup::kRef, number(h));
            return;
        }
        direct(h);
    }

    // The object itself, whether it is held directly or through a reference.
    void direct(QPDFObjectHandle h) {
        if (h.isArray()) {
            p_.text += "[";
            const int n = h.getArrayNItems();
            for (int i = 0; i < n; ++i) {
                if (i) p_.text += " ";
                value(h.getArrayItem(i));
            }
            p_.text += "]";
            return;
        }
        if (h.isDictionary()) {
            dictionary(h, false);
            return;
        }
        p_.text += h.unparseResolved();
    }

    void dictionary(QPDFObjectHandle h, bool stream) {
        p_.text += "<<";
        for (const auto& key : h.getKeys()) {
            if (dropped_key(key) || (stream && key == "/Length")) continue;
            p_.text += " " + QPDFObjectHandle::newName(key).unparse() + " ";
            value(h.getKey(key));
        }
        if (!stream) p_.text += " >>";  // a stream's dictionary ends after its /Length
    }

    // Copies every object met so far and not yet written (pages come through copy_page).
    void drain() {
        while (!pending_.empty()) {
            QPDFObjectHandle h = pending_.front();
            pending_.pop_front();
            const std::uint32_t n = numbers_.at(h.getObjGen());
            if (h.isPageObject()) continue;  // written by copy_page, in page order
            if (h.isStream()) {
                std::optional<std::string_view> raw = located(h);
                std::shared_ptr<Buffer> buffer;
                if (!raw) {
                    buffer = h.getRawStreamData();
                    raw = std::string_view(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
                }
                const std::size_t start = p_.text.size(), fixups = p_.fixups.size();
                begin(n);
                dictionary(h.getDict(), true);
                p_.text += " /Length " + std::to_string(raw->size()) + " >>\nstream\n";
                p_.text += *raw;
                p_.text += "\nendstream\nendobj\n";
                // A photo refers to nothing: the same bytes are the same object in any part.
                if (p_.fixups.size() == fixups + 1 && h.getDict().getKey("/Subtype").isNameAndEquals("/Image")) {
                    Sha256 sha;
                    sha.update(std::string_view(p_.text).substr(start));
                    if (const auto d = sha.digest()) p_.shared.push_back({n, *d});
                }
                continue;
            }
            begin(n);
            direct(h);
            p_.text += "\nendobj\n";
        }
    }

    // The stream's raw bytes in the part, when the xref table and the keywords agree with qpdf's
    // /Length; nullopt otherwise.
    std::optional<std::string_view> located(QPDFObjectHandle& h) {
        if (!xref_ || h.getGeneration() != 0) return std::nullopt;
        QPDFObjectHandle length = h.getDict().getKey("/Length");
        if (!length.isInteger() || length.getIntValue() < 0) return std::nullopt;
        const auto offset = object_offset(bytes_, *xref_, static_cast<std::size_t>(h.getObjectID()));
        if (!offset) return std::nullopt;
        return stream_data_at(bytes_, *offset, static_cast<std::size_t>(length.getIntValue()));
    }

    PreparedPart& p_;
    std::string_view bytes_;
    std::optional<ClassicXref> xref_;
    std::map<QPDFObjGen, std::uint32_t> numbers_;
    std::deque<QPDFObjectHandle> pending_;
};

// Little-endian fixed-width fields for the serialised form.
void put(std::string& s, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
bool get(std::string_view s, std::size_t& at, std::uint64_t& v) {
    if (at > s.size() || s.size() - at < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)])) << (8 * i);
    at += 8;
    return true;
}
constexpr std::string_view kMagic = "shokuhon prepared part 2\n";

// "表1" → ("表", 1); "3" → ("", 3); "奥付" → ("奥付", none).
struct Label {
    std::string prefix;
    long number = -1;
};
Label split_label(const std::string& s) {
    std::size_t i = s.size();
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
    Label l{s.substr(0, i), -1};
    if (i < s.size() && s.size() - i < 9) l.number = std::stol(s.substr(i));
    return l;
}

// The /PageLabels number tree: one range per run of labels with the same prefix and numbers
// counting up by one.
std::string page_labels(const std::vector<std::string>& labels) {
    std::string nums;
    Label prev;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Label l = split_label(labels[i]);
        if (i > 0 && l.number >= 0 && prev.number >= 0 && l.prefix == prev.prefix && l.number == prev.number + 1) {
            prev = l;
            continue;
        }
        nums += " " + std::to_string(i) + " <<";
        if (!l.prefix.empty()) nums += " /P " + text(l.prefix);
        if (l.number >= 0) nums += " /S /D /St " + std::to_string(l.number);
        nums += " >>";
        prev = l;
    }
    return "<< /Nums [" + nums + " ] >>";
}

}  // namespace

std::string PreparedPart::serialize() const {
    std::string s = text;
    const std::size_t meta_at = s.size();
    put(s, objects);
    put(s, pages.size());
    for (const auto p : pages) put(s, p);
    for (const double h : heights) {
        std::uint64_t bits = 0;
        static_assert(sizeof bits == sizeof h);
        std::memcpy(&bits, &h, sizeof bits);
        put(s, bits);
    }
    put(s, fixups.size());
    for (const auto& f : fixups) put(s, static_cast<std::uint64_t>(f.kind) | (static_cast<std::uint64_t>(f.local) << 8)), put(s, f.at);
    put(s, shared.size());
    for (const auto& sh : shared) {
        put(s, sh.local);
        s.append(reinterpret_cast<const char*>(sh.digest.data()), sh.digest.size());
    }
    put(s, meta_at);
    s += kMagic;
    return s;
}

std::optional<PreparedPart> PreparedPart::parse(std::string&& bytes) {
    const std::string_view all(bytes);
    if (all.size() < kMagic.size() + 8 || !all.ends_with(kMagic)) return std::nullopt;
    std::size_t tail = all.size() - kMagic.size() - 8;
    std::uint64_t text_size = 0;
    if (!get(all, tail, text_size) || text_size > all.size() - kMagic.size() - 8) return std::nullopt;
    const std::string_view meta = all.substr(0, all.size() - kMagic.size() - 8);
    std::size_t at = static_cast<std::size_t>(text_size);
    PreparedPart p;
    std::uint64_t v = 0, n = 0;
    if (!get(meta, at, v) || v > 0xFFFFFFFFu) return std::nullopt;
    p.objects = static_cast<std::uint32_t>(v);
    if (!get(meta, at, n) || n > p.objects) return std::nullopt;
    for (std::uint64_t i = 0; i < n; ++i) {
        if (!get(meta, at, v) || v == 0 || v > p.objects) return std::nullopt;
        p.pages.push_back(static_cast<std::uint32_t>(v));
    }
    for (std::uint64_t i = 0; i < n; ++i) {
        if (!get(meta, at, v)) return std::nullopt;
        double h = 0;
        std::memcpy(&h, &v, sizeof h);
        if (!(h > 0 && h < 1e6)) return std::nullopt;
        p.heights.push_back(h);
    }
    if (!get(meta, at, n) || n > meta.size()) return std::nullopt;
    std::uint64_t last = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t kl = 0, where = 0;
        if (!get(meta, at, kl) || !get(meta, at, where) || where < last || where > text_size) return std::nullopt;
        const auto kind = kl & 0xFF;
        const auto local = kl >> 8;
        if (kind > Fixup::kParent || local > p.objects || (kind != Fixup::kParent && local == 0)) return std::nullopt;
        p.fixups.push_back({static_cast<Fixup::Kind>(kind), static_cast<std::uint32_t>(local), where});
        last = where;
    }
    if (!get(meta, at, n) || n > p.objects) return std::nullopt;
    for (std::uint64_t i = 0; i < n; ++i) {
        Shared sh{};
        if (!get(meta, at, v) || v == 0 || v > p.objects || meta.size() - at < sh.digest.size()) return std::nullopt;
        sh.local = static_cast<std::uint32_t>(v);
        std::memcpy(sh.digest.data(), meta.data() + at, sh.digest.size());
        at += sh.digest.size();
        p.shared.push_back(sh);
    }
    if (at != meta.size()) return std::nullopt;
    // Every object is written exactly once.
    std::vector<bool> seen(p.objects + 1, false);
    for (const auto& f : p.fixups) {
        if (f.kind != Fixup::kObject) continue;
        if (seen[f.local]) return std::nullopt;
        seen[f.local] = true;
    }
    for (std::uint32_t i = 1; i <= p.objects; ++i) {
        if (!seen[i]) return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(text_size));
    p.text = std::move(bytes);
    return p;
}

bool prepare_part(std::string& bytes, Length bleed, PreparedPart& out, Diagnostics& diags) {
    try {
        out = PreparedPart{};
        const auto xref = find_classic_xref(bytes);
        if (xref) free_unwritten_objects(bytes, *xref);
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("part", bytes.data(), bytes.size());
        out.text.reserve(bytes.size() + 4096);
        PartCopier copier(out, bytes, xref);
        const auto& pages = pdf.getAllPages();
        for (const auto& p : pages) copier.number_page(p);
        for (const auto& p : pages) copier.copy_page(p, bleed.pt());
        if (out.pages.empty()) throw std::runtime_error("the part has no pages");
        return true;
    } catch (const std::exception& e) {
        diags.error("E-FINISH-002", {"", 0, 0}, std::string("cannot read a rendered part: ") + e.what());
        return false;
    }
}

bool assemble_pdf(std::size_t count, const PartLoader& load, const AssembleOptions& opts, const PdfSink& sink,
                  Diagnostics& diags, std::string* file_sha256) {
    try {
        Writer w(sink);
        const int catalog = w.reserve(), pages_root = w.reserve(), info = w.reserve();
        std::vector<int> page_numbers;
        std::vector<double> heights;
        const std::string parent = ref(pages_root);
        std::map<std::array<unsigned char, 32>, int> written_once;  // shared objects already in the book
        for (std::size_t i = 0; i < count; ++i) {
            PreparedPart p;
            if (!load(i, p)) throw std::runtime_error("part " + std::to_string(i + 1) + " cannot be read");
            w.bytes().reserve(w.bytes().size() + p.text.size() + p.fixups.size() * 8);
            // The book's number of each local object, in local order; a shared object the book
            // already holds takes that one and its text is left out.
            std::vector<int> number(p.objects + 1, 0);
            std::vector<bool> skip(p.objects + 1, false);
            for (const auto& sh : p.shared) {
                if (const auto it = written_once.find(sh.digest); it != written_once.end()) {
                    number[sh.local] = it->second;
                    skip[sh.local] = true;
                }
            }
            for (std::uint32_t n = 1; n <= p.objects; ++n) {
                if (!skip[n]) number[n] = w.reserve();
            }
            for (const auto& sh : p.shared) written_once.emplace(sh.digest, number[sh.local]);
            std::string& o = w.bytes();
            std::size_t from = 0;
            bool skipping = false;
            for (const auto& f : p.fixups) {
                if (!skipping) o.append(p.text, from, f.at - from);
                from = f.at;
                if (f.kind == Fixup::kObject) {
                    skipping = skip[f.local];
                    if (!skipping) w.begin(number[f.local]);
                } else if (skipping) {
                    throw std::runtime_error("a shared object refers to another");
                } else if (f.kind == Fixup::kRef) {
                    o += ref(number[f.local]);
                } else {
                    o += parent;
                }
            }
            if (!skipping) o.append(p.text, from);
            for (const auto n : p.pages) page_numbers.push_back(number[n]);
            heights.insert(heights.end(), p.heights.begin(), p.heights.end());
            w.flush();
        }
        if (page_numbers.size() != opts.labels.size()) {
            throw std::runtime_error("the parts have " + std::to_string(page_numbers.size()) + " pages, the book " +
                                     std::to_string(opts.labels.size()));
        }
        const auto dest = [&](int page) {  // 1-based
            const auto k = static_cast<std::size_t>(page - 1);
            return "[" + ref(page_numbers[k]) + " /XYZ 0 " + real(heights[k]) + " 0]";
        };
        std::string kids;
        for (const int n : page_numbers) kids += " " + ref(n);
        w.object(pages_root, "<< /Type /Pages /Kids [" + kids + " ] /Count " + std::to_string(page_numbers.size()) + " >>");

        // Named destinations "p1" … "pN", sorted as byte strings (the name tree's order).
        std::vector<std::pair<std::string, int>> names;
        for (std::size_t k = 0; k < page_numbers.size(); ++k) names.emplace_back("p" + std::to_string(k + 1), static_cast<int>(k + 1));
        std::sort(names.begin(), names.end());
        std::string dests = "<< /Names [";
        for (const auto& [name, page] : names) dests += " (" + name + ") " + dest(page);
        dests += " ] >>";
        const int dest_tree = w.reserve();
        w.object(dest_tree, dests);
        const int labels = w.reserve();
        w.object(labels, page_labels(opts.labels));

        std::string catalog_body = "<< /Type /Catalog /Pages " + ref(pages_root) + " /PageLabels " + ref(labels) +
                                   " /Names << /Dests " + ref(dest_tree) + " >>";
        std::vector<AssembleOptions::Bookmark> marks;
        for (const auto& b : opts.outline) {
            if (b.page >= 1 && static_cast<std::size_t>(b.page) <= page_numbers.size()) marks.push_back(b);
        }
        if (!marks.empty()) {
            const int root = w.reserve();
            std::vector<int> items;
            for (std::size_t k = 0; k < marks.size(); ++k) items.push_back(w.reserve());
            w.object(root, "<< /Type /Outlines /First " + ref(items.front()) + " /Last " + ref(items.back()) +
                               " /Count -" + std::to_string(items.size()) + " >>");
            for (std::size_t k = 0; k < marks.size(); ++k) {
                std::string item = "<< /Title " + text(marks[k].title) + " /Parent " + ref(root) + " /Dest " + dest(marks[k].page);
                if (k > 0) item += " /Prev " + ref(items[k - 1]);
                if (k + 1 < items.size()) item += " /Next " + ref(items[k + 1]);
                w.object(items[k], item + " >>");
            }
            catalog_body += " /Outlines " + ref(root);
        }
        w.object(catalog, catalog_body + " >>");

        std::string info_body = "<<";
        const auto put = [&](const char* key, const std::string& v) {
            if (!v.empty()) info_body += std::string(" ") + key + " " + text(v);
        };
        put("/Title", opts.title);
        put("/Author", opts.author);
        put("/Subject", opts.subject);
        put("/Keywords", opts.keywords);
        put("/Creator", opts.creator);
        info_body += " /Producer (shokuhon)";
        if (!opts.creation_date.empty()) {
            const std::string d = QPDFObjectHandle::newString(opts.creation_date).unparse();
            info_body += " /CreationDate " + d + " /ModDate " + d;
        }
        w.object(info, info_body + " >>");
        const std::string whole = w.finish(catalog, info);
        if (file_sha256) *file_sha256 = whole;
        return true;
    } catch (const std::exception& e) {
        diags.error("E-FINISH-002", {"", 0, 0}, std::string("cannot assemble the PDF: ") + e.what());
        return false;
    }
}

bool assemble_pdf(const std::vector<PreparedPart>& parts, const AssembleOptions& opts, std::string& out,
                  Diagnostics& diags) {
    out.clear();
    return assemble_pdf(
        parts.size(), [&](std::size_t i, PreparedPart& p) { p = parts[i]; return true; }, opts,
        [&](std::string_view bytes) { out.append(bytes); return true; }, diags);
}

bool assemble_pdf(std::vector<std::string>& parts, const AssembleOptions& opts, std::string& out,
                  Diagnostics& diags) {
    std::vector<PreparedPart> prepared(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!prepare_part(parts[i], opts.bleed, prepared[i], diags)) return false;
    }
    return assemble_pdf(prepared, opts, out, diags);
}

}  // namespace shokuhon::finish
