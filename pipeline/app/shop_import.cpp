#include "app/shop_import.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>

#include "app/shop_sheet.h"
#include "core/escape.h"
#include "content/model.h"
#include "content/schemas.h"
#include "xmlio/xml.h"

namespace shokuhon::app {
namespace {

namespace fs = std::filesystem;

struct Sheet {
    const ImportOptions& opts;
    Diagnostics& diags;
    std::vector<const SheetField*> columns;  // per column; nullptr: not a field (already reported)

    SourceLoc at(int row, int col) const { return {opts.csv_name, row, col}; }
    std::string where(int row, int col) const {
        std::string w = "row " + std::to_string(row) + ", column " + csv::column_name(col);
        if (col >= 1 && static_cast<std::size_t>(col) <= columns.size() && columns[static_cast<std::size_t>(col - 1)]) {
            w += std::string(" (") + columns[static_cast<std::size_t>(col - 1)]->label + ")";
        }
        return w;
    }
};

struct Record {
    content::Shop shop;
    int row = 0;
};

std::string trim(std::string s) {
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && ws(s[i])) ++i;
    return s.substr(i);
}

// A cell's text as a message shows it: one line (control characters as \n, \r, \t or \xHH)
// and at most about 60 bytes (cut at a character boundary, with …): a message is one line of a
// terminal, whatever the sheet holds.
std::string shown(std::string_view v, std::size_t max = 60) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(v[i]);
        if (out.size() >= max && (c & 0xC0) != 0x80) return out + "…";
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xF];
        } else out += v[i];
    }
    return out;
}

std::string field_list() {
    std::string out;
    for (const auto& f : shop_fields()) out += (out.empty() ? "" : ", ") + std::string(f.key) + "/" + f.label;
    return out;
}

bool read_header(const csv::Row& header, Sheet& sheet) {
    std::set<const SheetField*> seen;
    bool ok = true;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const int col = static_cast<int>(c) + 1;
        const std::string name = trim(header.cells[c]);
        const SheetField* f = find_field(name);
        if (!f && !name.empty()) {
            sheet.diags.error("E-IMPORT-005", sheet.at(header.number, col),
                              "row " + std::to_string(header.number) + ", column " + csv::column_name(col) +
                                  ": \"" + shown(name) + "\" is not a shop field",
                              "rename or delete the column; the fields are " + field_list());
            ok = false;
        } else if (f && !seen.insert(f).second) {
            sheet.diags.error("E-IMPORT-006", sheet.at(header.number, col),
                              "row " + std::to_string(header.number) + ", column " + csv::column_name(col) + ": \"" +
                                  shown(name) + "\" names the field " + f->key + " a second time");
            ok = false;
        }
        sheet.columns.push_back(f);
    }
    for (const auto& f : shop_fields()) {
        if (!f.required || seen.count(&f)) continue;
        if (std::string(f.key) == "section" && !sheet.opts.section.empty()) continue;
        sheet.diags.error("E-IMPORT-007", sheet.at(header.number, 0),
                          std::string("the header row has no column for ") + f.key + " (" + f.label + ")",
                          std::string("add a column headed ") + f.label + " or " + f.key);
        ok = false;
    }
    return ok;
}

// "1650", "1,650" and full-width "１６５０" are the same whole number to an editor.
bool parse_count(const std::string& text, int& out) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= '0' && c <= '9') digits += text[i];
        else if (c == ',' && !digits.empty()) continue;
        else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
                 static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) {
            digits += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
            i += 2;
        } else return false;
    }
    if (digits.empty() || digits.size() > 9) return false;
    out = std::stoi(digits);
    return out > 0;
}

bool parse_decimal(const std::string& text, double& out) {
    const char* b = text.data();
    const char* e = b + text.size();
    if (b != e && *b == '+') ++b;
    const auto r = std::from_chars(b, e, out, std::chars_format::fixed);
    return b != e && r.ec == std::errc() && r.ptr == e;
}

bool valid_id(const std::string& s) {
    if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<std::string> split_icons(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}


// Checks one cell against its field; returns "" or what is wrong with it.
std::string check_cell(const SheetField& f, const std::string& v) {
    static const std::set<std::string> kTimes = {"morning", "lunch", "cafe", "dinner", "late"};
    static const std::set<std::string> kIcons = {"takeout", "parking", "cards", "private-room", "kids", "non-smoking"};
    int n = 0;
    double d = 0;
    switch (f.kind) {
        case FieldKind::kId:
            return valid_id(v) ? "" : "\"" + shown(v) + "\" is not a valid id: lower-case letters, digits and -, starting with a letter";
        case FieldKind::kCount:
            return parse_count(v, n) ? "" : "\"" + shown(v) + "\" is not a whole number above 0 (write 1650, without 円 or ¥)";
        case FieldKind::kDecimal:
            return parse_decimal(v, d) ? "" : "\"" + shown(v) + "\" is not a decimal number like 0.81";
        case FieldKind::kTime:
            return kTimes.count(v) ? "" : "\"" + shown(v) + "\" is not one of morning, lunch, cafe, dinner, late";
        case FieldKind::kIcons:
            for (const auto& icon : split_icons(v)) {
                if (!kIcons.count(icon)) return "icon \"" + shown(icon) + "\" is not one of takeout, parking, cards, private-room, kids, non-smoking";
            }
            return "";
        case FieldKind::kText:
            return "";
    }
    return "";
}

int count_of(const std::string& v) {
    int n = 0;
    return v.empty() || !parse_count(v, n) ? 0 : n;
}

double decimal_of(const std::string& v) {
    double d = 0;
    return parse_decimal(v, d) ? d : 0.0;
}

void assign(content::Shop& s, const std::string& key, const std::string& v) {
    static const std::map<std::string, std::string content::Shop::*> kText = {
        {"id", &content::Shop::id}, {"section", &content::Shop::section}, {"name", &content::Shop::name},
        {"reading", &content::Shop::reading}, {"genre", &content::Shop::genre}, {"area", &content::Shop::area},
        {"time", &content::Shop::time}, {"theme", &content::Shop::theme}, {"headline", &content::Shop::headline},
        {"description", &content::Shop::description}, {"short", &content::Shop::short_description},
        {"dish", &content::Shop::dish}, {"photo", &content::Shop::photo}};
    static const std::map<std::string, std::string content::ShopInfo::*> kInfo = {
        {"address", &content::ShopInfo::address}, {"phone", &content::ShopInfo::phone},
        {"hours", &content::ShopInfo::hours}, {"closed", &content::ShopInfo::closed},
        {"access", &content::ShopInfo::access}, {"cards", &content::ShopInfo::cards},
        {"smoking", &content::ShopInfo::smoking}, {"parking", &content::ShopInfo::parking}};
    if (auto it = kText.find(key); it != kText.end()) s.*(it->second) = v;
    else if (auto jt = kInfo.find(key); jt != kInfo.end()) s.info.*(jt->second) = v;
    else if (key == "dish_price") s.dish_price = count_of(v);
    else if (key == "seats") s.info.seats = count_of(v);
    else if (key == "budget_lunch") s.info.budget_lunch = count_of(v);
    else if (key == "budget_dinner") s.info.budget_dinner = count_of(v);
    else if (key == "icons") s.icons = split_icons(v);
    else if (key == "map_x") s.map_x = decimal_of(v);
    else if (key == "map_y") s.map_y = decimal_of(v);
}

// One shop row → a record; false when a cell is wrong (each problem reported).
bool read_row(const csv::Row& row, const Sheet& sheet, Record& rec) {
    bool ok = true;
    if (row.cells.size() > sheet.columns.size()) {
        const int col = static_cast<int>(sheet.columns.size()) + 1;
        sheet.diags.error("E-IMPORT-018", sheet.at(row.number, col),
                          "row " + std::to_string(row.number) + ": " + std::to_string(row.cells.size()) +
                              " cells, but the header names " + std::to_string(sheet.columns.size()) + " columns",
                          "a comma inside a value needs the value in double quotes");
        ok = false;
    }
    std::set<const SheetField*> filled;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        const SheetField* f = sheet.columns[c];
        const int col = static_cast<int>(c) + 1;
        const std::string v = c < row.cells.size() ? trim(row.cells[c]) : std::string();
        if (!f || v.empty()) continue;
        filled.insert(f);
        if (const std::string problem = check_cell(*f, v); !problem.empty()) {
            sheet.diags.error("E-IMPORT-010", sheet.at(row.number, col), sheet.where(row.number, col) + ": " + problem);
            ok = false;
        }
        assign(rec.shop, f->key, v);
    }
    if (rec.shop.section.empty()) rec.shop.section = sheet.opts.section;
    rec.row = row.number;
    if (!sheet.opts.section.empty() && rec.shop.section != sheet.opts.section) {
        sheet.diags.error("E-IMPORT-016", sheet.at(row.number, 0),
                          "row " + std::to_string(row.number) + ": section \"" + shown(rec.shop.section) +
                              "\" but --section " + sheet.opts.section + " was given",
                          "leave the section cell empty or import without --section");
        ok = false;
    }
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        const SheetField* f = sheet.columns[c];
        if (!f || !f->required || filled.count(f)) continue;
        if (std::string(f->key) == "section" && !rec.shop.section.empty()) continue;
        const int col = static_cast<int>(c) + 1;
        sheet.diags.error("E-IMPORT-011", sheet.at(row.number, col), sheet.where(row.number, col) + ": " + f->key + " is empty",
                          std::string("every shop needs ") + f->label);
        ok = false;
    }
    return ok;
}


// Ruby as the Book carries it (｜base《reading》, which a Shift_JIS sheet keeps) goes back to
// the files' markup, <ruby rt="reading">base</ruby>; a ｜ without 《…》 is an ordinary character.
std::string rich(std::string_view s) {
    static constexpr std::string_view kAnchor = "｜", kOpen = "《", kClose = "》";
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t a = s.find(kAnchor, i);
        const std::size_t o = a == std::string_view::npos ? a : s.find(kOpen, a + kAnchor.size());
        const std::size_t c = o == std::string_view::npos ? o : s.find(kClose, o + kOpen.size());
        const std::string_view base = c == std::string_view::npos ? std::string_view() : s.substr(a + kAnchor.size(), o - a - kAnchor.size());
        if (c == std::string_view::npos || base.empty() || base.find(kAnchor) != std::string_view::npos) {
            const std::size_t stop = a == std::string_view::npos ? s.size() : a + kAnchor.size();
            out += markup_escape(s.substr(i, stop - i));
            i = stop;
            continue;
        }
        out += markup_escape(s.substr(i, a - i)) + "<ruby rt=\"" + markup_escape(s.substr(o + kOpen.size(), c - o - kOpen.size())) +
               "\">" + markup_escape(base) + "</ruby>";
        i = c + kClose.size();
    }
    return out;
}

std::string rich_elem(const char* indent, const char* name, const std::string& text) {
    return std::string(indent) + "<" + name + ">" + rich(text) + "</" + name + ">\n";
}

std::string elem(const char* indent, const char* name, const std::string& text) {
    return std::string(indent) + "<" + name + ">" + markup_escape(text) + "</" + name + ">\n";
}

std::string attr(const char* name, const std::string& v) {
    return v.empty() ? std::string() : std::string(" ") + name + "=\"" + markup_escape(v) + "\"";
}

std::string count_attr(const char* name, int v) { return v > 0 ? attr(name, std::to_string(v)) : std::string(); }

// Same element order and indentation as the hand-written files in content/shops/.
std::string shop_xml(const content::Shop& s, const content::EditorialNote* note) {
    const auto& i = s.info;
    std::string x = "  <shop" + attr("id", s.id) + attr("genre", s.genre) + attr("area", s.area) +
                    attr("time", s.time) + attr("theme", s.theme) + ">\n";
    x += "    <name" + attr("reading", s.reading) + ">" + markup_escape(s.name) + "</name>\n";
    x += rich_elem("    ", "headline", s.headline) + rich_elem("    ", "description", s.description);
    if (!s.short_description.empty()) x += rich_elem("    ", "short", s.short_description);
    x += "    <dish" + count_attr("price", s.dish_price) + ">" + markup_escape(s.dish) + "</dish>\n";
    x += "    <info>\n" + elem("      ", "address", i.address) + elem("      ", "phone", i.phone) +
         elem("      ", "hours", i.hours) + elem("      ", "closed", i.closed);
    if (i.seats > 0) x += elem("      ", "seats", std::to_string(i.seats));
    x += "      <budget" + count_attr("lunch", i.budget_lunch) + count_attr("dinner", i.budget_dinner) + "/>\n";
    x += elem("      ", "access", i.access) + elem("      ", "cards", i.cards) + elem("      ", "smoking", i.smoking);
    if (!i.parking.empty()) x += elem("      ", "parking", i.parking);
    x += "    </info>\n";
    std::string icons;
    for (const auto& icon : s.icons) icons += (icons.empty() ? "" : " ") + icon;
    if (!icons.empty()) x += elem("    ", "icons", icons);
    x += "    <photo" + attr("src", s.photo) + "/>\n";
    x += "    <map" + attr("x", format_decimal(s.map_x)) + attr("y", format_decimal(s.map_y)) + "/>\n";
    if (note) {
        x += "    <editorial>\n";
        const std::pair<const char*, const std::string*> parts[] = {
            {"contact", &note->contact}, {"mobile", &note->mobile}, {"email", &note->email},
            {"factcheck", &note->factcheck}, {"remarks", &note->remarks}};
        for (const auto& [name, text] : parts) {
            if (!text->empty()) x += elem("      ", name, *text);
        }
        x += "    </editorial>\n";
    }
    return x + "  </shop>\n";
}

struct Existing {
    std::map<std::string, content::EditorialNote> notes;  // by shop id
    std::vector<std::string> ids;
};

// Shop ids and private notes of an existing shop file (problems in it are not the sheet's).
Existing read_existing(const fs::path& file) {
    Existing e;
    Diagnostics scratch;
    auto doc = xmlio::Document::parse(file, scratch);
    if (!doc) return e;
    for (const xmlNode* s : xmlio::children(doc.root(), "shop")) {
        const std::string id = xmlio::attr(s, "id");
        e.ids.push_back(id);
        if (const xmlNode* n = xmlio::child(s, "editorial")) {
            e.notes[id] = {xmlio::text(xmlio::child(n, "contact")), xmlio::text(xmlio::child(n, "mobile")),
                           xmlio::text(xmlio::child(n, "email")), xmlio::text(xmlio::child(n, "factcheck")),
                           xmlio::text(xmlio::child(n, "remarks"))};
        }
    }
    return e;
}


// A temporary file for the schema check, removed when it goes out of scope.
class ScratchFile {
public:
    explicit ScratchFile(const std::string& text) {
        static_assert(sizeof(pid_t) <= sizeof(long));
        path_ = fs::temp_directory_path() / ("shokuhon-import-" + std::to_string(static_cast<long>(::getpid())) + "-" +
                                             std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".xml");
        std::ofstream(path_, std::ios::binary) << text;
    }
    ~ScratchFile() {
        std::error_code ec;
        fs::remove(path_, ec);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The loader's schema, applied to the XML as it will be written; its messages point back at
// the sheet's row (the shop element's line tells which).
void validate(const std::string& xml, const std::vector<int>& shop_lines, const std::vector<const Record*>& recs,
              const Sheet& sheet) {
    ScratchFile tmp(xml);
    Diagnostics found;
    if (auto doc = xmlio::Document::parse(tmp.path(), found)) doc.validate(content::schema_text("shops"), "content/schema/shops.rng", found);
    for (const auto& d : found.all()) {
        if (d.severity != Severity::kError) continue;
        std::size_t k = 0;
        while (k + 1 < shop_lines.size() && shop_lines[k + 1] <= d.loc.line) ++k;
        const int row = recs.empty() ? 0 : recs[k]->row;
        sheet.diags.error("E-IMPORT-021", sheet.at(row, 0),
                          "row " + std::to_string(row) + " (" + (recs.empty() ? std::string() : recs[k]->shop.id) +
                              "): the shop XML does not pass content/schema/shops.rng: " + shown(d.message, 400));
    }
}

ImportedFile make_file(const std::string& section, const std::vector<const Record*>& recs, const Existing* old,
                       const Sheet& sheet) {
    ImportedFile f;
    f.section = section;
    f.path = sheet.opts.out_dir / (section + ".xml");
    f.shops = static_cast<int>(recs.size());
    f.xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Shops of one section, written by shokuhon import -->\n"
            "<shops section=\"" + markup_escape(section) + "\">\n";
    std::vector<int> lines;
    for (const Record* r : recs) {
        lines.push_back(1 + static_cast<int>(std::count(f.xml.begin(), f.xml.end(), '\n')));
        const content::EditorialNote* note = nullptr;
        if (old) {
            auto it = old->notes.find(r->shop.id);
            if (it != old->notes.end()) note = &it->second;
        }
        f.notes_kept += note ? 1 : 0;
        f.xml += shop_xml(r->shop, note);
    }
    f.xml += "</shops>\n";
    validate(f.xml, lines, recs, sheet);
    return f;
}

}  // namespace
}  // namespace shokuhon::app

namespace shokuhon::app {
namespace {

// Reads the rows after the header; ids must be unique within the sheet.
std::vector<Record> read_records(const csv::Table& table, const Sheet& sheet) {
    std::vector<Record> recs;
    std::map<std::string, int> first_row;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const bool empty = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
        if (empty) continue;  // spreadsheets write ",,,," for rows that were only formatted
        Record rec;
        if (!read_row(row, sheet, rec)) continue;
        auto [it, fresh] = first_row.emplace(rec.shop.id, row.number);
        if (!fresh) {
            sheet.diags.error("E-IMPORT-017", sheet.at(row.number, 0),
                              "row " + std::to_string(row.number) + ": shop id \"" + rec.shop.id + "\" is used twice",
                              "first used in row " + std::to_string(it->second));
            continue;
        }
        recs.push_back(std::move(rec));
    }
    return recs;
}

// Files of out_dir that the import leaves alone must not already hold the sheet's ids.
void check_other_files(const std::vector<Record>& recs, const std::set<std::string>& sections, const Sheet& sheet) {
    std::error_code ec;
    std::map<std::string, std::string> owner;  // id → file
    for (const auto& e : fs::directory_iterator(sheet.opts.out_dir, ec)) {
        if (e.path().extension() != ".xml" || sections.count(e.path().stem().string())) continue;
        for (const auto& id : read_existing(e.path()).ids) owner.emplace(id, e.path().string());
    }
    for (const auto& r : recs) {
        if (auto it = owner.find(r.shop.id); it != owner.end()) {
            sheet.diags.error("E-IMPORT-022", sheet.at(r.row, 0),
                              "row " + std::to_string(r.row) + ": shop id \"" + r.shop.id + "\" is already used in " + it->second,
                              "give the shop a new id, or move it by deleting it from " + it->second);
        }
    }
}

// One file per section, in the order the sections first appear in the sheet.
std::vector<ImportedFile> plan_files(const std::vector<Record>& recs, const Sheet& sheet) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Record*>> by_section;
    for (const auto& r : recs) {
        if (!by_section.count(r.shop.section)) order.push_back(r.shop.section);
        by_section[r.shop.section].push_back(&r);
    }
    check_other_files(recs, {order.begin(), order.end()}, sheet);
    std::vector<ImportedFile> files;
    for (const auto& section : order) {
        const fs::path target = sheet.opts.out_dir / (section + ".xml");
        std::error_code ec;
        const bool exists = fs::exists(target, ec);
        if (exists && !sheet.opts.force) {
            sheet.diags.error("E-IMPORT-020", sheet.at(by_section[section].front()->row, 0),
                              target.string() + " exists; it is not replaced without --force",
                              "run with --dry-run to check the sheet, --force to replace the file");
        }
        const Existing old = exists ? read_existing(target) : Existing{};
        files.push_back(make_file(section, by_section[section], exists ? &old : nullptr, sheet));
        files.back().replaces = exists;
    }
    return files;
}

}  // namespace

ImportPlan plan_import(std::string_view bytes, const ImportOptions& opts, Diagnostics& diags) {
    ImportPlan plan;
    const csv::Decoded text = csv::decode(bytes);
    plan.encoding = text.encoding;
    if (!text.ok) {
        diags.error("E-IMPORT-002", {opts.csv_name, text.bad_line, 0},
                    "line " + std::to_string(text.bad_line) + ": byte " + std::to_string(text.bad_offset) +
                        " is neither UTF-8 nor Shift_JIS (CP932)",
                    "save the sheet as \"CSV UTF-8\" or as \"CSV (comma delimited)\"");
        return plan;
    }
    const csv::Table table = csv::parse(text.utf8);
    if (!table.error.empty()) {
        diags.error("E-IMPORT-003", {opts.csv_name, table.error_row, 0},
                    "row " + std::to_string(table.error_row) + ": " + table.error,
                    "a double quote inside a value is written twice: \"\"");
        return plan;
    }
    if (table.rows.size() < 2) {
        diags.error("E-IMPORT-004", {opts.csv_name, 1, 0}, "the sheet needs a header row and at least one shop row");
        return plan;
    }
    Sheet sheet{opts, diags, {}};
    if (!read_header(table.rows[0], sheet)) return plan;
    const std::vector<Record> recs = read_records(table, sheet);
    plan.rows = static_cast<int>(recs.size());
    plan.files = plan_files(recs, sheet);
    return plan;
}

}  // namespace shokuhon::app
