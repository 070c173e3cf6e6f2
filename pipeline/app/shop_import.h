// app/: an editor's spreadsheet → shop XML in the format of content/shops/*.xml, one file per
// section, checked cell by cell (every message names the row and column as the spreadsheet
// shows them) and then against the same schema the loader uses. Nothing is written here: the
// plan says which files to write, and the command writes them only when there is no error.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "app/csv.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

struct ImportOptions {
    std::string csv_name = "shops.csv";            // names the sheet in diagnostics
    std::string section;                           // --section: for rows that name none
    std::filesystem::path out_dir = "content/shops";
    bool force = false;                            // replace existing files
};

struct ImportedFile {
    std::filesystem::path path;  // out_dir/<section>.xml
    std::string section;
    std::string xml;
    int shops = 0;
    bool replaces = false;       // the file exists (planned only with force)
    int notes_kept = 0;          // private editorial notes carried over from the replaced file
};

struct ImportPlan {
    csv::Encoding encoding = csv::Encoding::kUtf8;
    int rows = 0;  // shop rows read
    std::vector<ImportedFile> files;
};

// Reads the sheet (UTF-8 or CP932, see csv::decode) and plans the files. With any error the
// plan must not be written. A replaced file keeps the private <editorial> notes of the shops
// it still holds: the sheet never carries them, so they would otherwise be lost.
ImportPlan plan_import(std::string_view bytes, const ImportOptions& opts, Diagnostics& diags);

}  // namespace shokuhon::app
