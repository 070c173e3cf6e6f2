#include "app/shop_sheet.h"

#include <charconv>

namespace shokuhon::app {
namespace {

bool same_ascii_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string count(int v) { return v > 0 ? std::to_string(v) : std::string(); }

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
}

}  // namespace

const std::vector<SheetField>& shop_fields() {
    using K = FieldKind;
    static const std::vector<SheetField> kFields = {
        {"id", "ID", true, K::kId},
        {"section", "セクション", true, K::kId},
        {"name", "店名", true, K::kText},
        {"reading", "よみ", true, K::kText},
        {"genre", "ジャンル", true, K::kText},
        {"area", "エリア", true, K::kText},
        {"time", "時間帯", false, K::kTime},
        {"theme", "テーマ", false, K::kText},
        {"headline", "見出し", true, K::kText},
        {"description", "本文", true, K::kText},
        {"short", "短い本文", false, K::kText},
        {"dish", "おすすめ", true, K::kText},
        {"dish_price", "おすすめ価格", true, K::kCount},
        {"address", "住所", true, K::kText},
        {"phone", "電話", true, K::kText},
        {"hours", "営業時間", true, K::kText},
        {"closed", "定休日", true, K::kText},
        {"seats", "席数", false, K::kCount},
        {"budget_lunch", "予算昼", false, K::kCount},
        {"budget_dinner", "予算夜", false, K::kCount},
        {"access", "交通", true, K::kText},
        {"cards", "カード", true, K::kText},
        {"smoking", "喫煙", true, K::kText},
        {"parking", "駐車場", false, K::kText},
        {"icons", "アイコン", false, K::kIcons},
        {"photo", "写真", true, K::kText},
        {"map_x", "地図X", true, K::kDecimal},
        {"map_y", "地図Y", true, K::kDecimal},
    };
    return kFields;
}

const SheetField* find_field(std::string_view header) {
    for (const auto& f : shop_fields()) {
        if (same_ascii_nocase(header, f.key) || header == f.label) return &f;
    }
    return nullptr;
}

std::string format_decimal(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::vector<std::string> shop_cells(const content::Shop& s) {
    const auto& i = s.info;
    return {s.id, s.section, s.name, s.reading, s.genre, s.area, s.time, s.theme, s.headline,
            s.description, s.short_description, s.dish, count(s.dish_price), i.address, i.phone,
            i.hours, i.closed, count(i.seats), count(i.budget_lunch), count(i.budget_dinner),
            i.access, i.cards, i.smoking, i.parking, join(s.icons), s.photo,
            format_decimal(s.map_x), format_decimal(s.map_y)};
}

std::string export_shops_csv(const content::Book& book, const ExportOptions& opts, Diagnostics& diags) {
    std::vector<std::string> header;
    for (const auto& f : shop_fields()) header.push_back(f.label);
    std::string utf8 = csv::format_row(header);
    std::string out = opts.encoding == csv::Encoding::kUtf8 ? "\xEF\xBB\xBF" + utf8 : csv::encode_cp932(utf8);
    for (const auto& s : book.shops) {
        const auto cells = shop_cells(s);
        const std::string row = csv::format_row(cells);
        if (opts.encoding == csv::Encoding::kUtf8) {
            out += row;
            continue;
        }
        out += csv::encode_cp932(row);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::vector<std::string> missing;
            csv::encode_cp932(cells[c], &missing);
            for (const auto& ch : missing) {
                diags.warning("W-EXPORT-001", s.loc,
                              "shop \"" + s.name + "\" (" + s.id + "): " + shop_fields()[c].key + ": \"" + ch +
                                  "\" is not in Shift_JIS (CP932); written as a &#x…; reference",
                              "shokuhon import reads it back; export as UTF-8 (the default) to keep it as it is");
            }
        }
    }
    return out;
}

}  // namespace shokuhon::app
