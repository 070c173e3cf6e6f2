// app/: the shop sheet: the printed fields of content/shops/*.xml as spreadsheet columns, for
// the fact-check sheet (`shokuhon export --csv`) and for the editors' spreadsheets that
// `shokuhon import` turns into shop XML. The private editorial fields are not columns: they
// never leave the XML.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/csv.h"
#include "content/model.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

enum class FieldKind { kText, kId, kCount, kDecimal, kTime, kIcons };

struct SheetField {
    const char* key;    // header as written by tools: "dish_price"
    const char* label;  // header as the sheet prints it: "おすすめ価格"
    bool required;
    FieldKind kind;
};

// Every column, in the order the sheet prints them. import accepts the key or the label.
const std::vector<SheetField>& shop_fields();
// The field a header names (key, case-insensitive, or label), or nullptr.
const SheetField* find_field(std::string_view header);

// One shop's cells, in shop_fields() order. Empty optional fields are empty cells.
std::vector<std::string> shop_cells(const content::Shop& s);

struct ExportOptions {
    csv::Encoding encoding = csv::Encoding::kUtf8;
};

// The fact-check sheet: the header row (labels), then one row per shop in book order.
// UTF-8 is written with a BOM so that Excel opens it as UTF-8. For CP932, characters it lacks
// are written as &#xHHHH; (import reads them back) with a warning naming the shop and column.
std::string export_shops_csv(const content::Book& book, const ExportOptions& opts, Diagnostics& diags);

// Numbers as the XML writes them: 0.81 stays "0.81" (shortest form that reads back exactly).
std::string format_decimal(double v);

}  // namespace shokuhon::app
