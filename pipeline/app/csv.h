// app/: CSV as editors' spreadsheets write it: RFC 4180 (quoted fields, "" for a quote, line
// breaks inside quotes, CRLF or LF), in UTF-8 (with or without BOM) or in the Shift_JIS/CP932
// that Excel writes in Japan. Text inside shokuhon is always UTF-8.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shokuhon::app::csv {

enum class Encoding { kUtf8, kCp932 };

struct Decoded {
    std::string utf8;
    Encoding encoding = Encoding::kUtf8;
    bool bom = false;       // a UTF-8 byte order mark was removed
    bool ok = true;         // false: neither valid UTF-8 nor CP932
    int bad_line = 0;       // 1-based physical line of the first bad byte, when !ok
    std::size_t bad_offset = 0;
};

// Valid UTF-8 (optional BOM) is taken as it is; anything else is read as CP932 (ICU's
// windows-31j). CP932's forms of 〜 ‖ − ¢ £ ¬ — become the JIS characters the book uses
// (U+301C …), and &#xHHHH; references, which export writes for characters CP932 lacks, are
// decoded, so that a CP932 round trip loses nothing.
Decoded decode(std::string_view bytes);

// UTF-8 → CP932, the inverse of decode(): characters CP932 lacks become &#xHHHH;.
// `missing` receives each such character once (as UTF-8), in order of appearance.
std::string encode_cp932(std::string_view utf8, std::vector<std::string>* missing = nullptr);

struct Row {
    int number = 0;  // 1-based record number: the row number a spreadsheet shows
    std::vector<std::string> cells;
};

struct Table {
    std::vector<Row> rows;  // blank lines are skipped; rows keep their numbers
    std::string error;      // "" when the file parsed
    int error_row = 0;
};

Table parse(std::string_view utf8);

// One record, fields quoted when they need it, ended by CRLF (what Excel writes).
std::string format_row(const std::vector<std::string>& cells);

// Spreadsheet column name of a 1-based column: 1 → A, 27 → AA.
std::string column_name(int col);

}  // namespace shokuhon::app::csv
