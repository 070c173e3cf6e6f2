// compose/: the page plan (台割) drives pagination. Every planned page is built from its
// template; section pages fill with the section's entries in order; the result has exactly
// the planned page count. What did not fit is reported, never dropped or clipped silently.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "compose/document.h"
#include "compose/store.h"
#include "compose/text.h"
#include "content/model.h"
#include "core/diagnostics.h"
#include "linebreak/break.h"
#include "shape/font_set.h"
#include "style/layout_set.h"

namespace shokuhon::compose {

struct SectionFill {
    std::string id, title;
    int pages_planned = 0, pages_used = 0;
    int entries = 0, entries_placed = 0;
    std::vector<std::string> not_placed;  // entry ids with no page
    std::vector<std::string> shortened;   // entries set with their short description to fit
    std::vector<std::string> overflowing; // entries whose text still did not fit (reported)
    double white_space_cm2 = 0;            // empty text area left in cards, in cm² (mm × mm / 100)
};

struct FillReport {
    std::vector<SectionFill> sections;
    int entries() const;         // over all sections
    int entries_placed() const;
};

struct PaginateOptions {
    std::filesystem::path content_dir;  // photo paths are relative to it
    linebreak::Mode mode = linebreak::Mode::kOptimal;
    const ParagraphObserver* observer = nullptr;  // sees every paragraph set (compose/text.h)
    // Threads building pages (1: this one only). The document, diagnostics and fill report are
    // the same for any number. With an observer, pages are always built on this thread.
    int threads = 1;
    // Compositions kept between builds (compose/store.h), shared by the threads; none: none kept.
    CompositionStore* store = nullptr;
};

Document paginate(const content::Book& book, const style::LayoutSet& layout,
                  const shape::FontSet& fonts, const PaginateOptions& opts, Diagnostics& diags,
                  FillReport* report = nullptr);

}  // namespace shokuhon::compose
