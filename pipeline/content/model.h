// content/: the book's data as immutable values, loaded and validated from content/*.xml.
// Public fields only: private editorial data lives in EditorialNotes, which is a separate
// type that compose/ and render/ never receive.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace shokuhon::content {

struct ShopInfo {
    std::string address, phone, hours, closed, access, cards, smoking, parking;
    int seats = 0;  // 0: not given
    int budget_lunch = 0, budget_dinner = 0;
};

struct Shop {
    std::string id, section;
    std::string name, reading;
    std::string genre, area;
    std::string time, theme;  // time × theme section only
    std::string headline, description, short_description;
    std::string dish;
    int dish_price = 0;
    ShopInfo info;
    std::vector<std::string> icons;
    std::string photo;  // relative to the content folder
    double map_x = 0, map_y = 0;
    SourceLoc loc;
};

struct Product {
    std::string id, category, name, reading, producer, season, price, where, description, photo;
    SourceLoc loc;
};

struct Recommendation {
    std::string id, shop_id, person, reading, role, comment;
    int number = 0;
    SourceLoc loc;
};

struct Spot {
    std::string id, area, name, description, access, photo;
    SourceLoc loc;
};

struct BookMeta {
    std::string title, title_reading, subtitle, edition, issue_date, publisher, editor, printer;
    std::string isbn, c_code, author, cover_photo;
    int price = 0;  // before tax, yen
    std::vector<std::string> staff;
    std::vector<std::string> notices;
    SourceLoc loc;
};

// 台割: one row per page.
struct PlanSection {
    std::string id, title, short_title, colour, lead, photo;
    int number = 0;
    SourceLoc loc;
};

struct PlanPage {
    int folio = 0;
    std::string section;   // "" for front/back matter
    std::string tmpl;      // template id from layouts/
    std::vector<std::string> entries;  // fixed placements; empty = fill from section
    std::string label;     // "表1" … or "" for the folio
    std::string ad_advertiser, ad_headline, ad_body;  // advertisement pages (house ads)
    std::string ad_src;  // the advertiser's artwork, relative to the content folder
    SourceLoc loc;
};

struct PagePlan {
    int signature = 16;
    std::vector<PlanSection> sections;
    std::vector<PlanPage> pages;
    SourceLoc loc;
};

struct Book {
    BookMeta meta;
    PagePlan plan;
    std::vector<Shop> shops;  // in file order within each section file
    std::vector<Product> products;
    std::vector<Recommendation> recommendations;
    std::vector<Spot> spots;

    const Shop* find_shop(const std::string& id) const;
    const PlanSection* find_section(const std::string& id) const;
};

// Private, per shop id. Never passed to compose/ or render/.
struct EditorialNote {
    std::string contact, mobile, email, factcheck, remarks;
};
struct EditorialNotes {
    std::map<std::string, EditorialNote> by_shop;
};

}  // namespace shokuhon::content
