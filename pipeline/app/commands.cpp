#include "app/command.h"

namespace shokuhon::app {

int run_build_command(const CommandContext& ctx);  // commands/build.cpp
int run_check_command(const CommandContext& ctx);  // commands/build.cpp
int run_log_command(const CommandContext& ctx);    // commands/log.cpp
int run_import_command(const CommandContext& ctx);  // commands/import.cpp
int run_export_command(const CommandContext& ctx);  // commands/export.cpp
int run_proof_command(const CommandContext& ctx);   // commands/proof.cpp
int run_preview_command(const CommandContext& ctx); // commands/preview.cpp
int run_preflight_command(const CommandContext& ctx);  // commands/preflight.cpp
int run_compose_dump_command(const CommandContext& ctx);  // commands/compose_dump.cpp

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"build", "compose and render the book to PDF",
         "usage: shokuhon build [--content DIR] [--layouts DIR] [--fonts FILE] [-o FILE] [-q]\n\n"
         "Loads and validates content/ and layouts/, composes the book to its page plan\n"
         "and writes the PDF (default out/hiratsuka-food-book.pdf). The PDF is written to a\n"
         "temporary file and renamed into place only when complete: a failed build leaves\n"
         "the previous PDF as it was.\n\n"
         "  --content DIR    content folder (default content)\n"
         "  --layouts DIR    layouts folder (default layouts)\n"
         "  --fonts FILE     font lock (default fonts/fonts.lock)\n"
         "  -o, --output F   output PDF\n"
         "  --strict-fonts   a font whose hash differs from the lock is an error\n"
         "  --build-log F    build log to append to (default build-log.jsonl beside the PDF)\n"
         "  --json           print one JSON document: diagnostics, fill report, summary\n"
         "  -q, --quiet      print diagnostics only (no progress line, no summary)\n"
         "  --proof          mark every page (校正, round, time), write the PDF to out/proof/\n"
         "                   (unless -o) and beside it report.html: the page plan as\n"
         "                   thumbnails with fill and warnings, the diagnostics, and the\n"
         "                   pages changed since the previous proof\n"
         "  --round NAME     the proof round printed in the marks: 初校, 再校, 念校\n"
         "  --print          write the print PDF instead: PDF/X with the palette's exact CMYK,\n"
         "                   preflighted, plus a delivery folder and zip for the printer\n"
         "                   (default out/hiratsuka-food-book-pdfx4.pdf)\n"
         "  --pdfx X-4|X-1a  the PDF/X standard (implies --print; default: layout <print pdfx>)\n"
         "  --marks          Japanese crop marks (トンボ) on an enlarged page (implies --print)\n"
         "  --edition C:F    build the content folder C to the PDF F; repeat it to build several\n"
         "                   editions in one run, in parallel, with the same layouts and fonts\n"
         "                   (fonts opened once) and one summary at the end (not with -o,\n"
         "                   --content, --proof or --json)\n"
         "  --no-cache       neither read nor write the build cache (.shokuhon-cache beside the\n"
         "                   PDF: photo verdicts and rendered parts by content hash; safe to\n"
         "                   delete)\n"
         "  --jobs N         processes rendering the PDF's parts (default 0: one per core); the\n"
         "                   PDF is the same byte for byte whatever N\n\n"
         "exit codes: 0 done, 64 bad usage, 65 content or layout errors (or a print PDF that\n"
         "fails preflight), 70 internal error, 73 output could not be written, 75 another build\n"
         "is writing the same output\n",
         run_build_command},
        {"check", "validate content and layouts without rendering",
         "usage: shokuhon check [--content DIR] [--layouts DIR] [--fonts FILE] [-q]\n\n"
         "Validates content and layouts and composes the book without writing anything;\n"
         "prints every diagnostic as file:line:col: error|warning: message.\n\n"
         "  --json           print one JSON document: diagnostics, fill report, summary\n"
         "  -q, --quiet      print diagnostics only\n\n"
         "exit codes: 0 valid, 64 bad usage, 65 content or layout errors, 70 internal error\n",
         run_check_command},
        {"log", "show the build log: who built what, when, from which sources",
         "usage: shokuhon log [-o FILE | --build-log FILE] [--json]\n\n"
         "Every build, also a failed one, appends one record to the build log (default\n"
         "build-log.jsonl beside the output, so out/build-log.jsonl): user, time (UTC), host,\n"
         "source revision, SHA-256 of every input file and of the output, result and\n"
         "diagnostic counts. Prints one line per build, newest last.\n\n"
         "  -o, --output F       the output whose log to show (default out/hiratsuka-food-book.pdf)\n"
         "  --build-log FILE     the log file itself\n"
         "  --json               print the records as stored (JSON lines)\n",
         run_log_command},
        {"import", "turn an editor's spreadsheet (CSV) into shop XML",
         "usage: shokuhon import FILE.csv [--section ID] [--out DIR] [--dry-run] [--force]\n\n"
         "Reads a spreadsheet saved as CSV, in UTF-8 or in the Shift_JIS (CP932) that Excel\n"
         "writes in Japan, and writes one shop file per section, <out>/<section>.xml, in the\n"
         "format of content/shops/*.xml. The first row names the fields (see README.md, \"The\n"
         "shop sheet\"); each message names the row and column. An existing file is replaced\n"
         "only with --force, keeping the private editorial notes of the shops it still holds.\n"
         "Nothing is written when any row has an error.\n\n"
         "  --section ID     section of rows whose section cell is empty\n"
         "  --out DIR        folder for the shop files (default <content>/shops)\n"
         "  --dry-run        check the sheet and say what would be written\n"
         "  --force          replace existing shop files\n\n"
         "exit codes: 0 done, 64 bad usage, 65 errors in the sheet, 73 a file could not be written\n",
         run_import_command},
        {"export", "write the fact-check sheet (CSV, one row per shop)",
         "usage: shokuhon export --csv [-o FILE] [--encoding utf-8|cp932] [--content DIR]\n\n"
         "Writes every shop's printed fields as one CSV row per shop, in book order, with the\n"
         "shop sheet's header row, to FILE or to standard output. Never the private editorial\n"
         "fields. UTF-8 is written with a byte order mark so that Excel opens it as UTF-8;\n"
         "with --encoding cp932, characters Shift_JIS lacks are written as &#xHHHH; (import\n"
         "reads them back) and named in a warning.\n",
         run_export_command},
        {"proof", "one-page proofs of shops' entries for the shops to check (確認用)",
         "usage: shokuhon proof --shop ID [-o FILE] [--reply-by YYYY-MM-DD]\n"
         "       shokuhon proof --all [-o DIR] [--reply-by YYYY-MM-DD]\n\n"
         "Composes the book and writes, for one shop or for every shop, a one-page PDF: the\n"
         "shop's card as it will print (at print size when it fits), the whole page with the\n"
         "card marked, and a note asking the shop to check name, address, phone, hours, prices\n"
         "and to reply by a date. Never shows the private editorial fields.\n\n"
         "  --shop ID        the shop (default file out/proofs/ID.pdf)\n"
         "  --all            every shop, one file each (default folder out/proofs)\n"
         "  --reply-by DATE  reply date in the note (default: a week from today)\n"
         "  --content, --layouts, --fonts as for build\n",
         run_proof_command},
        {"preview", "a live preview in the browser, rebuilt on every save",
         "usage: shokuhon preview [--port N] [--host ADDRESS] [--content DIR] [--layouts DIR]\n\n"
         "Serves the book at http://127.0.0.1:8080/ as spreads (見開き) or single pages, with\n"
         "zoom, a 版面/grid overlay and the diagnostics beside the pages. Watches content/,\n"
         "layouts/ and fonts/ and rebuilds on every change; the open page follows by itself\n"
         "and keeps its spread in view. A broken edit shows its errors and keeps the last\n"
         "good pages. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.\n\n"
         "  --port N         port (default 8080; 0: any free port, printed at start)\n"
         "  --host ADDRESS   address to listen on (default 127.0.0.1: this machine only)\n"
         "  --content, --layouts, --fonts as for build\n",
         run_preview_command},
        {"preflight", "check a PDF as a printer would (PDF/X, colour, boxes, fonts, images)",
         "usage: shokuhon preflight FILE.pdf [--json] [--layouts DIR] [--signature N]\n\n"
         "Checks any PDF the way a printer's prepress does and prints a report: page count and\n"
         "signature multiple, page boxes, fonts and their embedding, colour operators and spaces\n"
         "(DeviceRGB fails), total ink, rich black in text and thin lines, transparency, the\n"
         "output intent and PDF/X keys (Info and XMP must agree), images and their effective\n"
         "resolution at placed size, and text that is not single-ink black.\n\n"
         "  --json           print the report as JSON\n"
         "  --layouts DIR    take the ppi, ink and rich-black thresholds from DIR/layout.xml <print>\n"
         "                   (default 300/200 ppi, 300 %, 10 mm)\n"
         "  --signature N    pages per signature (default 16)\n\n"
         "exit codes: 0 ready for the printer (warnings allowed), 64 bad usage, 65 the printer\n"
         "would reject the file, 66 not readable as a PDF\n",
         run_preflight_command},
        {"compose-dump", "show how one paragraph is set: lines, widths, rules (JLREQ)",
         "usage: shokuhon compose-dump (--shop ID [--field F] | --text TEXT) [--style NAME]\n"
         "                             [--width LEN] [--mode greedy|optimal] [--items]\n\n"
         "Composes one paragraph as the book would and prints one row per line:\n"
         "  L2 w=200.00 nat=205.00 r=-0.33 push_in |店は「なぎさ」、朝どれのしらす丼が人気だ。|\n"
         "w: set width, nat: natural width (pt); r: adjustment ratio (<0 shrunk, >0 stretched,\n"
         "as a share of what the JLREQ stages allow); then the rule that fired: none, push_in\n"
         "(追い込み), push_out (追い出し), hang (ぶら下げ), last, overfull; then the line's text,\n"
         "ruby as base《ruby》.\n\n"
         "  --shop ID        a shop's description (--field headline|description|short)\n"
         "  --text TEXT      any text; ruby as <ruby rt=\"かん じ\">漢字</ruby>\n"
         "  --style NAME     text style from layouts/layout.xml (default body; headline for\n"
         "                   --field headline)\n"
         "  --width LEN      measure, e.g. 80mm (default: the text column of a card4 card)\n"
         "  --mode M         optimal (default, as the book) or greedy\n"
         "  --items          every cluster on its own row: pen x, advance, the space set after\n"
         "                   it, and the break decision (break, token-break, unbreakable,\n"
         "                   start-prohibited, end-prohibited, in-space) with the gap's natural\n"
         "                   aki, shrink and stretch\n"
         "  --content, --layouts, --fonts as for build\n\n"
         "exit codes: 0 done, 64 bad usage, 65 content or layout errors\n",
         run_compose_dump_command},
    };
    return kCommands;
}

const std::vector<OptionSpec>& options() {
    static const std::vector<OptionSpec> kOptions = {
        {"content", "c", "DIR", "content folder"},
        {"layouts", "l", "DIR", "layouts folder"},
        {"fonts", "f", "FILE", "font lock file"},
        {"output", "o", "FILE", "output file"},
        {"strict-fonts", "", "", "a font hash mismatch is an error"},
        {"quiet", "q", "", "print only diagnostics"},
        {"build-log", "", "FILE", "build log file (default build-log.jsonl beside the output)"},
        {"json", "", "", "print JSON"},
        {"section", "", "ID", "section of imported rows"},
        {"out", "", "DIR", "folder to write into"},
        {"dry-run", "", "", "check and report, write nothing"},
        {"force", "", "", "replace existing files"},
        {"csv", "", "", "write CSV"},
        {"shop", "", "ID", "shop id"},
        {"all", "", "", "every shop"},
        {"reply-by", "", "DATE", "reply date for shop proofs"},
        {"proof", "", "", "proof marks and the proof report"},
        {"round", "", "NAME", "proof round: 初校, 再校, 念校"},
        {"port", "", "N", "preview port"},
        {"host", "", "ADDRESS", "preview address"},
        {"encoding", "", "NAME", "text encoding: utf-8 or cp932"},
        {"print", "", "", "build the print PDF (PDF/X) and its delivery folder"},
        {"pdfx", "", "STANDARD", "PDF/X standard of the print PDF: X-4 or X-1a"},
        {"marks", "", "", "add Japanese crop marks to the print PDF"},
        {"signature", "", "N", "pages per signature (preflight)"},
        {"text", "", "TEXT", "text to compose (compose-dump)"},
        {"style", "", "NAME", "text style (compose-dump)"},
        {"width", "", "LEN", "measure with its unit, e.g. 80mm (compose-dump)"},
        {"mode", "", "MODE", "line breaking: greedy or optimal (compose-dump)"},
        {"items", "", "", "print every inter-character decision (compose-dump)"},
        {"field", "", "NAME", "shop field: headline, description or short (compose-dump)"},
        {"edition", "", "CONTENT:PDF", "an edition to build (repeatable)"},
        {"no-cache", "", "", "neither read nor write the build cache"},
        {"jobs", "", "N", "processes rendering the PDF (0 = one per core)"},
    };
    return kOptions;
}

bool repeatable(const std::string& option) { return option == "edition"; }

}  // namespace shokuhon::app
