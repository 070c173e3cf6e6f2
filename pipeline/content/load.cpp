#include "content/load.h"

#include <algorithm>
#include <map>
#include <set>

#include "content/schemas.h"
#include "content/rich_text.h"
#include "xmlio/xml.h"

namespace shokuhon::content {
namespace {

namespace fs = std::filesystem;
using xmlio::attr;
using xmlio::child;
using xmlio::children;
using xmlio::text;

int to_int(const std::string& s) {
    try {
        return s.empty() ? 0 : std::stoi(s);
    } catch (...) {
        return 0;  // the schema has already rejected what is not an integer
    }
}

double to_double(const std::string& s) {
    try {
        return s.empty() ? 0.0 : std::stod(s);
    } catch (...) {
        return 0.0;
    }
}

// Parses and validates one file. A file that parses but does not validate is still loaded
// (the accessors tolerate missing parts), so one bad shop does not cascade into false
// "does not exist" errors elsewhere; its errors are already recorded.
xmlio::Document open_valid(const fs::path& file, const char* schema, Diagnostics& diags) {
    auto doc = xmlio::Document::parse(file, diags);
    if (doc) doc.validate(schema_text(schema), std::string("content/schema/") + schema + ".rng", diags);
    return doc;
}

// Like open_valid, but a file that a symbolic link leads outside the content folder is refused
// unread (its errors could echo another folder's data).
xmlio::Document open_confined(const fs::path& dir, const fs::path& file, const char* schema, Diagnostics& diags) {
    if (!confined_path(dir, file.lexically_relative(dir).string())) {
        diags.error("E-CONTENT-033", {file.string(), 0, 0},
                    "this file is a symbolic link that leads outside the content folder; it was not read",
                    "copy the file into the content folder instead of linking to it");
        return {};
    }
    return open_valid(file, schema, diags);
}

// The schema's own message for a missing element ("Did not expect element hours there") does
// not say what is missing; editors get a plain sentence for the fields a shop must have.
void require_fields(const xmlio::Document& doc, const xmlNode* shop, Diagnostics& diags) {
    static constexpr std::pair<const char*, const char*> kRequired[] = {
        {nullptr, "name"}, {nullptr, "headline"}, {nullptr, "description"}, {nullptr, "dish"},
        {nullptr, "info"}, {"info", "address"}, {"info", "phone"}, {"info", "hours"},
        {"info", "closed"}, {"info", "budget"}, {"info", "access"}, {"info", "cards"},
        {"info", "smoking"}, {nullptr, "photo"}, {nullptr, "map"}};
    for (const auto& [parent, name] : kRequired) {
        const xmlNode* p = parent ? child(shop, parent) : shop;
        if (!p || child(p, name)) continue;
        diags.error("E-CONTENT-004", doc.loc(p),
                    doc.entry_of(shop) + ": <" + name + "> is missing" +
                        (parent ? std::string(" from <") + parent + ">" : std::string()),
                    std::string("every shop needs <") + name + ">; see content/schema/shops.rng");
    }
}

void load_meta(const xmlio::Document& doc, BookMeta& m) {
    const xmlNode* r = doc.root();
    m.loc = doc.loc(r);
    m.title = text(child(r, "title"));
    m.title_reading = attr(child(r, "title"), "reading");
    m.subtitle = text(child(r, "subtitle"));
    m.edition = text(child(r, "edition"));
    m.issue_date = text(child(r, "issue-date"));
    m.publisher = text(child(r, "publisher"));
    m.author = text(child(r, "author"));
    m.editor = text(child(r, "editor"));
    m.printer = text(child(r, "printer"));
    m.isbn = text(child(r, "isbn"));
    m.c_code = text(child(r, "c-code"));
    m.price = to_int(text(child(r, "price")));
    for (const xmlNode* s : children(r, "staff")) m.staff.push_back(attr(s, "role") + "：" + text(s));
    for (const xmlNode* n : children(r, "notice")) m.notices.push_back(text(n));
    m.cover_photo = attr(child(r, "photo"), "src");
}

// ISBN-13 check digit (weights 1,3,1,3,…): a mistyped ISBN must never reach the barcode.
void check_isbn(const xmlio::Document& doc, const BookMeta& m, Diagnostics& diags) {
    std::string digits;
    for (char c : m.isbn) {
        if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() != 13) {
        diags.error("E-CONTENT-020", doc.loc(child(doc.root(), "isbn")),
                    "book: ISBN \"" + m.isbn + "\" does not have 13 digits");
        return;
    }
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    const int check = (10 - sum % 10) % 10;
    if (check != digits[12] - '0') {
        diags.error("E-CONTENT-021", doc.loc(child(doc.root(), "isbn")),
                    "book: ISBN \"" + m.isbn + "\" has a wrong check digit",
                    "the check digit for these first 12 digits is " + std::to_string(check));
    }
}

void load_plan(const xmlio::Document& doc, PagePlan& plan) {
    const xmlNode* r = doc.root();
    plan.loc = doc.loc(r);
    plan.signature = to_int(attr(r, "signature"));
    for (const xmlNode* s : children(child(r, "sections"), "section")) {
        PlanSection sec;
        sec.id = attr(s, "id");
        sec.number = to_int(attr(s, "number"));
        sec.colour = attr(s, "colour");
        sec.title = text(child(s, "name"));
        sec.short_title = child(s, "short") ? text(child(s, "short")) : sec.title;
        sec.lead = text(child(s, "lead"));
        sec.photo = attr(child(s, "photo"), "src");
        sec.loc = doc.loc(s);
        plan.sections.push_back(std::move(sec));
    }
    for (const xmlNode* p : children(r, "page")) {
        PlanPage pg;
        pg.folio = to_int(attr(p, "folio"));
        pg.tmpl = attr(p, "template");
        pg.section = attr(p, "section");
        pg.label = attr(p, "label");
        const std::string entries = attr(p, "entries");
        for (std::size_t i = 0; i < entries.size();) {
            const std::size_t j = std::min(entries.find(' ', i), entries.size());
            if (j > i) pg.entries.push_back(entries.substr(i, j - i));
            i = j + 1;
        }
        if (const xmlNode* ad = child(p, "ad")) {
            pg.ad_advertiser = attr(ad, "advertiser");
            pg.ad_headline = text(child(ad, "headline"));
            pg.ad_body = text(child(ad, "body"));
            pg.ad_src = attr(ad, "src");
        }
        pg.loc = doc.loc(p);
        plan.pages.push_back(std::move(pg));
    }
}

void load_shops(const xmlio::Document& doc, Loaded& out, Diagnostics& diags) {
    const xmlNode* r = doc.root();
    const std::string section = attr(r, "section");
    for (const xmlNode* s : children(r, "shop")) {
        require_fields(doc, s, diags);
        Shop shop;
        shop.id = attr(s, "id");
        shop.section = section;
        shop.genre = attr(s, "genre");
        shop.area = attr(s, "area");
        shop.time = attr(s, "time");
        shop.theme = attr(s, "theme");
        shop.name = text(child(s, "name"));
        shop.reading = attr(child(s, "name"), "reading");
        shop.headline = rich_text(child(s, "headline"));
        shop.description = rich_text(child(s, "description"));
        shop.short_description = rich_text(child(s, "short"));
        shop.dish = text(child(s, "dish"));
        shop.dish_price = to_int(attr(child(s, "dish"), "price"));
        const xmlNode* info = child(s, "info");
        shop.info.address = text(child(info, "address"));
        shop.info.phone = text(child(info, "phone"));
        shop.info.hours = text(child(info, "hours"));
        shop.info.closed = text(child(info, "closed"));
        shop.info.seats = to_int(text(child(info, "seats")));
        shop.info.budget_lunch = to_int(attr(child(info, "budget"), "lunch"));
        shop.info.budget_dinner = to_int(attr(child(info, "budget"), "dinner"));
        shop.info.access = text(child(info, "access"));
        shop.info.cards = text(child(info, "cards"));
        shop.info.smoking = text(child(info, "smoking"));
        shop.info.parking = text(child(info, "parking"));
        const std::string icons = text(child(s, "icons"));
        for (std::size_t i = 0; i < icons.size();) {
            const std::size_t j = std::min(icons.find(' ', i), icons.size());
            if (j > i) shop.icons.push_back(icons.substr(i, j - i));
            i = j + 1;
        }
        shop.photo = attr(child(s, "photo"), "src");
        shop.map_x = to_double(attr(child(s, "map"), "x"));
        shop.map_y = to_double(attr(child(s, "map"), "y"));
        shop.loc = doc.loc(s);
        // Private fields go to their own type and nowhere else.
        if (const xmlNode* e = child(s, "editorial")) {
            EditorialNote note{text(child(e, "contact")), text(child(e, "mobile")),
                               text(child(e, "email")), text(child(e, "factcheck")),
                               text(child(e, "remarks"))};
            out.notes.by_shop.emplace(shop.id, std::move(note));
        }
        out.book.shops.push_back(std::move(shop));
    }
}

void load_products(const xmlio::Document& doc, Book& book) {
    for (const xmlNode* p : children(doc.root(), "product")) {
        Product pr;
        pr.id = attr(p, "id");
        pr.category = attr(p, "category");
        pr.name = text(child(p, "name"));
        pr.reading = attr(child(p, "name"), "reading");
        pr.producer = text(child(p, "producer"));
        pr.season = text(child(p, "season"));
        pr.price = text(child(p, "price"));
        pr.where = text(child(p, "where"));
        pr.description = text(child(p, "description"));
        pr.photo = attr(child(p, "photo"), "src");
        pr.loc = doc.loc(p);
        book.products.push_back(std::move(pr));
    }
}

void load_recommendations(const xmlio::Document& doc, Book& book) {
    for (const xmlNode* r : children(doc.root(), "recommendation")) {
        Recommendation rec;
        rec.id = attr(r, "id");
        rec.shop_id = attr(r, "shop");
        const xmlNode* person = child(r, "person");
        rec.person = text(person);
        rec.reading = attr(person, "reading");
        rec.role = attr(person, "role");
        rec.number = to_int(attr(person, "number"));
        rec.comment = text(child(r, "comment"));
        rec.loc = doc.loc(r);
        book.recommendations.push_back(std::move(rec));
    }
}

void load_spots(const xmlio::Document& doc, Book& book) {
    for (const xmlNode* s : children(doc.root(), "spot")) {
        Spot sp;
        sp.id = attr(s, "id");
        sp.area = attr(s, "area");
        sp.name = text(child(s, "name"));
        sp.description = text(child(s, "description"));
        sp.access = text(child(s, "access"));
        sp.photo = attr(child(s, "photo"), "src");
        sp.loc = doc.loc(s);
        book.spots.push_back(std::move(sp));
    }
}

// Photo paths stay inside the content folder; a missing photo is a warning (the card shows
// a marked placeholder), an escaping path an error.
void check_photo(const fs::path& dir, const std::string& src, const SourceLoc& loc,
                 const std::string& entry, Diagnostics& diags) {
    const fs::path p(src);
    if (p.is_absolute() || src.find("..") != std::string::npos) {
        diags.error("E-CONTENT-030", loc, entry + ": photo path \"" + src + "\" leaves the content folder",
                    "write it relative to the content folder, e.g. photos/name.jpg");
        return;
    }
    if (!src.empty() && !confined_path(dir, src)) {
        diags.error("E-CONTENT-032", loc, entry + ": photo path \"" + src + "\" leads outside the content folder through a symbolic link",
                    "copy the photo into the content folder instead of linking to it");
        return;
    }
    std::error_code ec;
    if (!fs::is_regular_file(dir / p, ec)) {
        diags.warning("W-CONTENT-031", loc, entry + ": photo \"" + src + "\" not found; a placeholder is printed",
                      "run scripts/make-photos.sh or add the file");
    }
}

void cross_check(const fs::path& dir, const Book& book, Diagnostics& diags) {
    std::map<std::string, SourceLoc> seen;
    auto unique = [&](const std::string& id, const SourceLoc& loc, const std::string& what) {
        auto [it, fresh] = seen.emplace(id, loc);
        if (!fresh) {
            diags.error("E-CONTENT-010", loc, what + " id \"" + id + "\" is used twice",
                        "first used at " + it->second.file + ":" + std::to_string(it->second.line));
        }
    };
    for (const auto& s : book.shops) {
        const std::string entry = "shop \"" + s.name + "\" (" + s.id + ")";
        unique(s.id, s.loc, "shop");
        if (!book.find_section(s.section)) {
            diags.error("E-CONTENT-011", s.loc, entry + ": section \"" + s.section + "\" is not in the page plan");
        }
        if (s.section == "timetheme" && (s.time.empty() || s.theme.empty())) {
            diags.error("E-CONTENT-012", s.loc, entry + ": shops in the time × theme section need time and theme");
        }
        check_photo(dir, s.photo, s.loc, entry, diags);
    }
    for (const auto& p : book.products) {
        unique(p.id, p.loc, "product");
        check_photo(dir, p.photo, p.loc, "product \"" + p.name + "\" (" + p.id + ")", diags);
    }
    for (const auto& r : book.recommendations) {
        unique(r.id, r.loc, "recommendation");
        if (!book.find_shop(r.shop_id)) {
            diags.error("E-CONTENT-013", r.loc,
                        "recommendation (" + r.id + ") by " + r.person + ": shop \"" + r.shop_id + "\" does not exist");
        }
    }
    for (const auto& s : book.spots) {
        unique(s.id, s.loc, "spot");
        check_photo(dir, s.photo, s.loc, "spot \"" + s.name + "\" (" + s.id + ")", diags);
    }
}

void check_plan(const Book& book, Diagnostics& diags) {
    const auto& plan = book.plan;
    for (const auto& pg : plan.pages) {
        if (!pg.ad_src.empty() && (fs::path(pg.ad_src).is_absolute() || pg.ad_src.find("..") != std::string::npos)) {
            diags.error("E-PLAN-006", pg.loc, "page " + std::to_string(pg.folio) + ": advertisement \"" + pg.ad_src +
                        "\" leaves the content folder", "write it relative to the content folder, e.g. ads/name.jpg");
        }
    }
    if (plan.pages.empty()) return;
    if (plan.signature <= 0 || plan.pages.size() % static_cast<std::size_t>(plan.signature) != 0) {
        diags.error("E-PLAN-001", plan.loc,
                    "the plan has " + std::to_string(plan.pages.size()) +
                        " pages, not a multiple of the signature of " + std::to_string(plan.signature),
                    "add or remove pages so that the count is a multiple of the signature");
    }
    int expected = 1;
    for (const auto& pg : plan.pages) {
        if (pg.folio != expected) {
            diags.error("E-PLAN-002", pg.loc,
                        "page " + std::to_string(pg.folio) + " is out of order; expected page " +
                            std::to_string(expected));
            expected = pg.folio;
        }
        ++expected;
        if (!pg.section.empty() && !book.find_section(pg.section)) {
            diags.error("E-PLAN-003", pg.loc,
                        "page " + std::to_string(pg.folio) + ": unknown section \"" + pg.section + "\"");
        }
    }
}

}  // namespace

Loaded load_book(const fs::path& dir, Diagnostics& diags) {
    Loaded out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error("E-CONTENT-002", {dir.string(), 0, 0}, "content folder not found");
        return out;
    }
    if (auto doc = open_confined(dir, dir / "book.xml", "book", diags)) {
        load_meta(doc, out.book.meta);
        check_isbn(doc, out.book.meta, diags);
    }
    if (auto doc = open_confined(dir, dir / "plan.xml", "plan", diags)) load_plan(doc, out.book.plan);

    std::vector<fs::path> shop_files;
    for (const auto& e : fs::directory_iterator(dir / "shops", ec)) {
        if (e.path().extension() == ".xml") shop_files.push_back(e.path());
    }
    std::sort(shop_files.begin(), shop_files.end());  // deterministic, whatever the file system
    if (shop_files.empty()) {
        diags.error("E-CONTENT-003", {(dir / "shops").string(), 0, 0}, "no shop files (*.xml) found");
    }
    for (const auto& f : shop_files) {
        if (auto doc = open_confined(dir, f, "shops", diags)) load_shops(doc, out, diags);
    }
    if (auto doc = open_confined(dir, dir / "products.xml", "products", diags)) load_products(doc, out.book);
    if (auto doc = open_confined(dir, dir / "recommendations.xml", "recommendations", diags)) {
        load_recommendations(doc, out.book);
    }
    if (auto doc = open_confined(dir, dir / "spots.xml", "spots", diags)) load_spots(doc, out.book);

    check_plan(out.book, diags);
    cross_check(dir, out.book, diags);
    // Section openers and the cover name photos too: the same confinement applies to them.
    for (const auto& s : out.book.plan.sections) {
        if (!s.photo.empty()) check_photo(dir, s.photo, s.loc, "section \"" + s.title + "\" (" + s.id + ")", diags);
    }
    if (!out.book.meta.cover_photo.empty()) check_photo(dir, out.book.meta.cover_photo, out.book.meta.loc, "book cover", diags);
    return out;
}

std::optional<fs::path> confined_path(const fs::path& dir, const std::string& src) {
    const fs::path p(src);
    if (src.empty() || p.is_absolute() || src.find("..") != std::string::npos) return std::nullopt;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(dir, ec);
    if (ec) return std::nullopt;
    // Resolves every symbolic link on the way (a missing tail is kept as written).
    fs::path full = fs::weakly_canonical(dir / p, ec);
    if (ec) return std::nullopt;
    const auto [r, f] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (r != root.end() || f == full.end()) return std::nullopt;
    return full;
}

}  // namespace shokuhon::content
