// app/: proofs. A shop's entry as it will print, on a one-page sheet with a confirmation note
// for the shop (確認用); proof marks (校正, round, time) on every page of a proof build; and
// where each shop's card landed, which the proof sheets and the proof report both need.
// Proofs are drawn from what the build composed (app::Composed): the private editorial
// notes are not part of it, so no proof can show them.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "app/build.h"
#include "compose/document.h"
#include "render/render.h"

namespace shokuhon::app {

// A shop's card: the page (0-based index into the document) and the card's cell on it.
struct CardPlace {
    std::size_t page_index = 0;
    Rect card;
};

// Finds the card by its photo or, with no photo, its name, on the shop-cards pages of the
// document; the cell is the template's grid cell (columns × rows over the 版面) holding it.
std::optional<CardPlace> find_card(const Composed& c, const content::Shop& shop);
std::map<std::string, CardPlace> find_all_cards(const Composed& c);

struct ShopProofNote {
    std::string reply_by;  // "2026年12月3日（木）"
    std::string made;      // when the proof was made: "2026-11-26 14:05"
};

// The sheet: heading, the whole page reduced with the card marked, the card at print size
// (reduced only when it does not fit), and the note asking the shop to check and reply.
render::Sheet shop_proof_sheet(const Composed& c, const content::Shop& shop, const CardPlace& where,
                               const ShopProofNote& note);

// Adds the proof mark (校正, round, time) in the top margin of every page, on its outer side.
void stamp_proof_marks(compose::Document& doc, const style::LayoutSet& layout, const shape::FontSet& fonts,
                       const std::string& round, const std::string& time);

// "2026-12-03" → "2026年12月3日（木）"; "" when the date is not valid.
std::string japanese_date(const std::string& iso);

}  // namespace shokuhon::app
