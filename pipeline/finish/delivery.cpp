// finish/: the delivery folder and zip for the printer (see delivery.h).
#include "finish/delivery.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/escape.h"
#include "core/sha256.h"

namespace shokuhon::finish {
namespace {

namespace fs = std::filesystem;

void json_entries(std::ostringstream& o, const std::vector<ManifestEntry>& entries) {
    o << "[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        o << (i ? ",\n    " : "\n    ") << "{\"role\": " << json_string(e.role) << ", \"path\": " << json_string(e.path)
          << ", \"sha256\": " << (e.sha256.empty() ? "null" : json_string(e.sha256)) << ", \"bytes\": " << e.bytes << "}";
    }
    o << "\n  ]";
}

bool write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

ManifestEntry output_entry(const fs::path& file, const std::string& known_sha256 = {}) {
    std::error_code ec;
    return {"output", file.filename().string(), known_sha256.empty() ? sha256_of_file(file) : known_sha256,
            fs::file_size(file, ec)};
}

// Noon of the issue date: a DOS timestamp has no time zone, noon keeps the date in any of them.
Poco::DateTime zip_date(const std::string& iso) {
    int y = 2000, m = 1, d = 1;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1980) return Poco::DateTime(1980, 1, 1);
    return Poco::DateTime(y, m, d, 12);
}

bool write_zip(const fs::path& folder, const std::vector<fs::path>& files, const fs::path& zip,
               const std::string& date) {
    const fs::path tmp = zip.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        Poco::Zip::Compress compress(out, true);
        for (const fs::path& f : files) {
            std::ifstream in(f, std::ios::binary);
            const Poco::Path entry(folder.filename().string() + "/" + f.filename().string(), Poco::Path::PATH_UNIX);
            // PDFs are compressed inside already: stored, they zip in no time.
            const bool pdf = f.extension() == ".pdf";
            compress.addFile(in, zip_date(date), entry,
                             pdf ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE,
                             Poco::Zip::ZipCommon::CL_NORMAL);
        }
        compress.close();
        out.flush();
        if (!out) return false;
    }
    std::error_code ec;
    fs::rename(tmp, zip, ec);
    if (ec) fs::remove(tmp, ec);
    return !ec;
}

}  // namespace

std::string sha256_of_file(const fs::path& p) { return sha256_file(p); }

std::string manifest_json(const DeliveryInfo& info, const std::vector<ManifestEntry>& outputs) {
    std::ostringstream o;
    o << "{\n  \"generator\": \"shokuhon\",\n  \"book\": {\"title\": " << json_string(info.title)
      << ", \"edition\": " << json_string(info.edition) << ", \"isbn\": " << json_string(info.isbn)
      << ", \"issue_date\": " << json_string(info.issue_date) << "},\n  \"pdfx\": " << json_string(info.pdfx)
      << ",\n  \"output_condition\": " << json_string(info.output_condition)
      << ",\n  \"output_profile\": " << json_string(info.profile) << ",\n  \"outputs\": ";
    json_entries(o, outputs);
    o << ",\n  \"inputs\": ";
    json_entries(o, info.inputs);
    o << "\n}\n";
    return o.str();
}

bool write_delivery(const fs::path& pdf, const fs::path& folder, const fs::path& zip, const DeliveryInfo& info,
                    const PreflightReport& report, Diagnostics& diags, DeliveryResult& result) {
    std::error_code ec;
    fs::remove_all(folder, ec);
    fs::create_directories(folder, ec);
    const fs::path pdf_copy = folder / pdf.filename();
    // A second name for the same bytes where the file system allows it (the PDF is replaced by
    // rename, never rewritten in place, so the folder's copy cannot change under it); else a copy.
    if (!ec) {
        fs::create_hard_link(pdf, pdf_copy, ec);
        if (ec) {
            ec.clear();
            fs::copy_file(pdf, pdf_copy, fs::copy_options::overwrite_existing, ec);
        }
    }
    const fs::path txt = folder / "preflight.txt", json = folder / "preflight.json";
    if (ec || !write_text(txt, preflight_text(report)) || !write_text(json, preflight_json(report))) {
        diags.error("E-DELIVERY-001", {folder.string(), 0, 0}, "cannot write the delivery folder" +
                    (ec ? ": " + ec.message() : std::string()));
        return false;
    }
    result.folder = folder;
    result.zip = zip;
    result.outputs = {output_entry(pdf_copy, info.pdf_sha256), output_entry(txt), output_entry(json)};
    const fs::path manifest = folder / "manifest.json";
    if (!write_text(manifest, manifest_json(info, result.outputs)) ||
        !write_zip(folder, {pdf_copy, txt, json, manifest}, zip, info.issue_date)) {
        diags.error("E-DELIVERY-002", {zip.string(), 0, 0}, "cannot write the delivery zip");
        return false;
    }
    return true;
}

}  // namespace shokuhon::finish
