// `check --json` and `build --json`: one JSON document on stdout with every diagnostic (file,
// line, col, severity, code, message, hints), the fill report and the summary. No progress
// line when stdout is not a terminal.
#include <Poco/JSON/Parser.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;
const fs::path kProgram = fs::path(SHOKUHON_BINARY_DIR) / "shokuhon";

std::string command(const std::string& verb, const fs::path& content, const std::string& extra = "") {
    return test::quote(kProgram) + " " + verb + " --content " + test::quote(content) + " --layouts " +
           test::quote(kSource / "layouts") + " --fonts " + test::quote(kSource / "fonts/fonts.lock") + " " + extra;
}

// stdout only: the JSON must parse on its own.
Poco::JSON::Object::Ptr run_json(const std::string& cmd, int& exit_code) {
    const auto r = test::run(cmd + " 2>/dev/null");
    exit_code = r.exit_code;
    INFO(r.output);
    return Poco::JSON::Parser().parse(r.output).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("check --json: the summary and the fill report of the mini book", "[json]") {
    int code = -1;
    const auto o = run_json(command("check", fs::path(SHOKUHON_TEST_DATA) / "mini", "--json"), code);
    CHECK(code == 0);
    CHECK(o->getValue<std::string>("command") == "check");
    CHECK(o->getValue<bool>("ok"));
    CHECK(o->get("output").isEmpty());
    CHECK(o->getValue<int>("pages") == 16);
    CHECK(o->getValue<int>("entries_placed") == 10);
    CHECK(o->getValue<int>("errors") == 0);
    const auto sections = o->getArray("sections");
    REQUIRE(sections->size() == 1);
    CHECK(sections->getObject(0)->getValue<std::string>("id") == "main");
    CHECK(sections->getObject(0)->getValue<int>("pages_planned") == 4);
    const auto diags = o->getArray("diagnostics");
    CHECK(diags->size() == o->getValue<std::size_t>("warnings") + o->getValue<std::size_t>("notes"));
}

TEST_CASE("check --json: an error with file, line, column, code and hints, exit 65", "[json]") {
    test::TempDir tmp;
    fs::copy(fs::path(SHOKUHON_TEST_DATA) / "mini", tmp.path() / "mini", fs::copy_options::recursive);
    const fs::path shops = tmp.path() / "mini" / "shops" / "main.xml";
    std::string xml = test::read_file(shops);
    const auto at = xml.find("<phone>");
    REQUIRE(at != std::string::npos);
    xml.replace(at, xml.find("</phone>", at) + 8 - at, "");  // a shop without its phone
    test::write_file(shops, xml);
    int code = -1;
    const auto o = run_json(command("check", tmp.path() / "mini", "--json"), code);
    CHECK(code == 65);
    CHECK_FALSE(o->getValue<bool>("ok"));
    CHECK(o->getValue<int>("errors") >= 1);
    bool found = false;
    const auto diags = o->getArray("diagnostics");
    for (std::size_t i = 0; i < diags->size(); ++i) {
        const auto d = diags->getObject(static_cast<unsigned>(i));
        if (d->getValue<std::string>("severity") != "error") continue;
        found = true;
        CHECK(d->getValue<std::string>("file") == shops.string());
        CHECK(d->getValue<int>("line") > 0);
        CHECK(d->has("col"));
        CHECK(d->getValue<std::string>("code").rfind("E-", 0) == 0);
        CHECK_FALSE(d->getValue<std::string>("message").empty());
        CHECK(d->getArray("hints"));
    }
    CHECK(found);
}

TEST_CASE("build --json names the PDF written, without a terminal there is no progress line", "[json]") {
    test::TempDir tmp;
    const fs::path pdf = tmp.path() / "mini.pdf";
    int code = -1;
    const auto o = run_json(command("build", fs::path(SHOKUHON_TEST_DATA) / "mini", "--json -o " + test::quote(pdf)), code);
    CHECK(code == 0);
    CHECK(o->getValue<std::string>("output") == pdf.string());
    CHECK(o->getValue<double>("seconds") > 0);
    CHECK(fs::exists(pdf));
    // 16 pages: two parts, both rendered (a new output folder has no cache).
    CHECK(o->getValue<int>("pdf_parts") == 2);
    CHECK(o->getValue<int>("pdf_parts_rendered") == 2);
    const auto plain = test::run(command("build", fs::path(SHOKUHON_TEST_DATA) / "mini", "-o " + test::quote(pdf)));
    CHECK(plain.exit_code == 0);
    CHECK(plain.output.find('\r') == std::string::npos);
    CHECK(plain.output.find("built 16 pages (10 of 10 entries placed)") != std::string::npos);
    // The same pages again: both parts from the cache.
    CHECK(plain.output.find("(0 of 2 parts rendered, 2 from the cache)") != std::string::npos);
}
