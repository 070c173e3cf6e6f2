// content/: text elements that may carry ruby (furigana): <ruby rt="かん じ">漢字</ruby> inside
// a shop's headline, description or short description. The ruby travels with the text in the
// notation editors know from Aozora Bunko, ｜漢字《かん じ》, which compose/ruby.h sets and a
// Shift_JIS spreadsheet keeps; a reading with spaces is mono-ruby (one reading per base
// character), else group-ruby.
#pragma once
#include <libxml/tree.h>

#include <string>

namespace shokuhon::content {

// The element's text as xmlio::text() gives it (line breaks and their indentation dropped,
// other white space runs as one space), each <ruby> child as ｜base《reading》.
std::string rich_text(const xmlNode* n);

}  // namespace shokuhon::content
