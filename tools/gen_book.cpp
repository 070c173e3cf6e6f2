// gen_book: writes a synthetic content folder for an N-page book (N a multiple of 16), built
// from the sample content, for the speed and scale benchmark (bench/). Deterministic: no clock,
// no rand(); one generator seeded with a fixed constant, so the same arguments write the same
// bytes.
//
//   gen_book [--from content] [--layouts layouts] [--pages 1008] OUT_DIR
//
// What it writes into OUT_DIR (which must not exist yet, or be empty):
//   book.xml, products.xml, recommendations.xml, spots.xml  copied from the sample;
//   shops/<section>.xml  the sample's shops unchanged, then generated ones: a sample shop's
//                        genre, dish, information and photo, a branch name and area of its own,
//                        a headline and short text taken from other shops of the section and a
//                        description recombined from the section's sentences to the same length;
//   plan.xml             the sample's sections, front and back matter and templates; each shop
//                        section's card templates repeat in the sample's order, the card pages
//                        shared in the sample's proportions, with index pages for every shop;
//   everything else      (photos/ …) hard-linked, or copied where a link is not possible, so
//                        that every photo path stays inside OUT_DIR.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "content/load.h"
#include "core/diagnostics.h"
#include "core/escape.h"
#include "style/load.h"

namespace {

namespace fs = std::filesystem;
using shokuhon::Diagnostics;
using shokuhon::content::Book;
using shokuhon::content::PlanPage;
using shokuhon::content::Shop;

constexpr int kExitOk = 0, kExitUsage = 64, kExitDataErr = 65, kExitCantCreate = 73;
constexpr std::uint64_t kSeed = 0x48'49'52'41'54'53'55'4Bull;  // "HIRATSUK"

// splitmix64: small, fast, and the same sequence on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t state_;
};

// Branch areas for generated shops (Hiratsuka town names with their readings).
struct Area {
    std::string_view name, reading;
};
constexpr std::array<Area, 40> kAreas = {{
    {"須賀", "すか"}, {"袖ケ浜", "そでがはま"}, {"八重咲町", "やえざきちょう"}, {"紅谷町", "べにやちょう"},
    {"明石町", "あかしちょう"}, {"宝町", "たからちょう"}, {"見附町", "みつけちょう"}, {"浅間町", "せんげんちょう"},
    {"代官町", "だいかんちょう"}, {"桃浜町", "ももはまちょう"}, {"龍城ケ丘", "りゅうじょうがおか"},
    {"高浜台", "たかはまだい"}, {"松風町", "まつかぜちょう"}, {"老松町", "おいまつちょう"}, {"天沼", "あまぬま"},
    {"中原", "なかはら"}, {"真土", "しんど"}, {"四之宮", "しのみや"}, {"田村", "たむら"}, {"大神", "おおかみ"},
    {"豊田", "とよだ"}, {"岡崎", "おかざき"}, {"金目", "かなめ"}, {"南原", "みなみはら"}, {"土屋", "つちや"},
    {"吉沢", "きさわ"}, {"万田", "まんだ"}, {"山下", "やました"}, {"撫子原", "なでしこはら"},
    {"唐ケ原", "とうがはら"}, {"徳延", "とくのぶ"}, {"河内", "こうち"}, {"城所", "きどころ"}, {"入野", "いりの"},
    {"寺田縄", "てらだなわ"}, {"根坂間", "ねざかま"}, {"纒", "まとい"}, {"公所", "ぐぞ"}, {"東八幡", "ひがしやわた"},
    {"西八幡", "にしやわた"},
}};

// Index pages: generated shops one page of each index kind holds (measured on the sample
// layout with the 1,008-page book: about 300, 178 and 178 a page, less a margin; a spare page
// only draws a note, an overfull index drops entries with a warning). Up to the sample's shop
// count the sample's pages stay.
struct IndexKind {
    std::string_view kind;
    std::size_t per_page;
};
constexpr std::array<IndexKind, 3> kIndexKinds = {{{"index", 280}, {"index-area", 160}, {"index-genre", 160}}};

struct Options {
    fs::path from = "content", layouts = "layouts", out;
    int pages = 1008;
};

// Ruby travels in the model as U+FFF9 base U+FFFA reading U+FFFB (content/rich_text.h); in the
// XML it is <ruby rt="reading">base</ruby>.
constexpr std::string_view kRubyBase = "\xEF\xBF\xB9", kRubyText = "\xEF\xBF\xBA", kRubyEnd = "\xEF\xBF\xBB";

std::string rich_xml(std::string_view s) {
    std::string out;
    for (std::size_t at = 0; at < s.size();) {
        const std::size_t b = s.find(kRubyBase, at);
        const std::size_t t = b == std::string_view::npos ? b : s.find(kRubyText, b);
        const std::size_t e = t == std::string_view::npos ? t : s.find(kRubyEnd, t);
        if (e == std::string_view::npos) {
            out += shokuhon::markup_escape(s.substr(at));
            break;
        }
        out += shokuhon::markup_escape(s.substr(at, b - at));
        out += "<ruby rt=\"" + shokuhon::markup_escape(s.substr(t + 3, e - t - 3)) + "\">" + shokuhon::markup_escape(s.substr(b + 3, t - b - 3)) + "</ruby>";
        at = e + 3;
    }
    return out;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
}

// Sentences ending in 。 outside brackets (a quoted 「…。」 stays inside its sentence).
std::vector<std::string> split_sentences(const std::string& text) {
    static constexpr std::string_view kOpen[] = {"「", "『", "（", "("};
    static constexpr std::string_view kClose[] = {"」", "』", "）", ")"};
    std::vector<std::string> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view rest(text.data() + i, text.size() - i);
        for (const auto o : kOpen) depth += rest.starts_with(o) ? 1 : 0;
        for (const auto c : kClose) depth -= rest.starts_with(c) && depth > 0 ? 1 : 0;
        if (depth == 0 && rest.starts_with("。")) {
            out.push_back(text.substr(start, i + 3 - start));
            start = i + 3;
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

// The sample shops of one section and the sentences of their descriptions.
struct SectionPool {
    std::string id;
    std::vector<const Shop*> shops;
    std::vector<std::string> sentences;
};

std::vector<SectionPool> section_pools(const Book& book) {
    std::vector<SectionPool> pools;
    for (const auto& sec : book.plan.sections) {
        SectionPool p{sec.id, {}, {}};
        for (const auto& s : book.shops) {
            if (s.section != sec.id) continue;
            p.shops.push_back(&s);
            // Not the first sentence: that one introduces its own shop.
            auto sentences = split_sentences(s.description);
            for (std::size_t i = 1; i < sentences.size(); ++i) p.sentences.push_back(std::move(sentences[i]));
        }
        if (!p.shops.empty()) pools.push_back(std::move(p));
    }
    return pools;
}

// The base shop's first sentence, then sentences of the section until about its length.
std::string recombined_description(const SectionPool& pool, const Shop& base, Rng& rng) {
    const auto first = split_sentences(base.description);
    std::string out = first.empty() ? base.description : first.front();
    const std::size_t target = code_points(base.description);
    std::set<std::size_t> used;
    for (int tries = 0; tries < 40 && code_points(out) < target; ++tries) {
        const std::size_t k = rng.below(pool.sentences.size());
        const std::string& s = pool.sentences[k];
        if (used.count(k) || s == out) continue;
        const std::size_t len = code_points(out) + code_points(s);
        if (len > target + target / 8 && code_points(out) > target / 2) continue;
        used.insert(k);
        out += s;
    }
    return out;
}

// Generated shop number `k` (0-based, beyond the sample's shops) of a section.
Shop generated_shop(const SectionPool& pool, std::size_t k, Rng& rng) {
    const std::size_t n = pool.shops.size();
    const Shop& base = *pool.shops[k % n];
    const std::size_t cycle = k / n;
    const Area& area = kAreas[cycle % kAreas.size()];
    const std::string branch = cycle < kAreas.size() ? "店" : std::to_string(cycle / kAreas.size() + 1) + "号店";
    const std::string branch_reading = cycle < kAreas.size() ? "てん" : "ごうてん";
    Shop s = base;
    char id[64];
    std::snprintf(id, sizeof id, "%s-g%05zu", pool.id.c_str(), k + 1);
    s.id = id;
    s.name = base.name + "　" + std::string(area.name) + branch;
    s.reading = base.reading + " " + std::string(area.reading) + branch_reading;
    s.area = std::string(area.name);
    s.headline = pool.shops[(k * 5 + 1) % n]->headline;
    s.short_description = pool.shops[(k * 7 + 3) % n]->short_description;
    s.description = recombined_description(pool, base, rng);
    s.info.address = "平塚市" + s.area + std::to_string(1 + k % 5) + "-" + std::to_string(1 + k % 29) + "-" +
                     std::to_string(1 + k % 17);
    char phone[32];
    std::snprintf(phone, sizeof phone, "0463-%02zu-%04zu", 50 + (k / 10000) % 50, k % 10000);
    s.info.phone = phone;
    const auto jitter = [&rng](double v) {
        const double j = (static_cast<double>(rng.below(601)) - 300.0) / 10000.0;
        return std::clamp(v + j, 0.02, 0.98);
    };
    s.map_x = jitter(base.map_x);
    s.map_y = jitter(base.map_y);
    return s;
}

void write_info(std::ostream& o, const shokuhon::content::ShopInfo& i) {
    o << "    <info>\n      <address>" << shokuhon::markup_escape(i.address) << "</address>\n      <phone>"
      << shokuhon::markup_escape(i.phone) << "</phone>\n      <hours>" << shokuhon::markup_escape(i.hours) << "</hours>\n      <closed>"
      << shokuhon::markup_escape(i.closed) << "</closed>\n";
    if (i.seats > 0) o << "      <seats>" << i.seats << "</seats>\n";
    o << "      <budget";
    if (i.budget_lunch > 0) o << " lunch=\"" << i.budget_lunch << '"';
    if (i.budget_dinner > 0) o << " dinner=\"" << i.budget_dinner << '"';
    o << "/>\n      <access>" << shokuhon::markup_escape(i.access) << "</access>\n      <cards>" << shokuhon::markup_escape(i.cards)
      << "</cards>\n      <smoking>" << shokuhon::markup_escape(i.smoking) << "</smoking>\n";
    if (!i.parking.empty()) o << "      <parking>" << shokuhon::markup_escape(i.parking) << "</parking>\n";
    o << "    </info>\n";
}

void write_shop(std::ostream& o, const Shop& s) {
    o << "  <shop id=\"" << s.id << "\" genre=\"" << shokuhon::markup_escape(s.genre) << "\" area=\"" << shokuhon::markup_escape(s.area) << '"';
    if (!s.time.empty()) o << " time=\"" << s.time << '"';
    if (!s.theme.empty()) o << " theme=\"" << shokuhon::markup_escape(s.theme) << '"';
    o << ">\n    <name reading=\"" << shokuhon::markup_escape(s.reading) << "\">" << shokuhon::markup_escape(s.name) << "</name>\n"
      << "    <headline>" << rich_xml(s.headline) << "</headline>\n"
      << "    <description>" << rich_xml(s.description) << "</description>\n";
    if (!s.short_description.empty()) o << "    <short>" << rich_xml(s.short_description) << "</short>\n";
    o << "    <dish price=\"" << s.dish_price << "\">" << shokuhon::markup_escape(s.dish) << "</dish>\n";
    write_info(o, s.info);
    if (!s.icons.empty()) {
        o << "    <icons>";
        for (std::size_t i = 0; i < s.icons.size(); ++i) o << (i ? " " : "") << s.icons[i];
        o << "</icons>\n";
    }
    char map[64];
    std::snprintf(map, sizeof map, "    <map x=\"%.3f\" y=\"%.3f\"/>\n", s.map_x, s.map_y);
    o << "    <photo src=\"" << shokuhon::markup_escape(s.photo) << "\"/>\n" << map << "  </shop>\n";
}

bool write_file(const fs::path& file, const std::string& text) {
    std::ofstream f(file, std::ios::binary);
    f << text;
    f.close();
    if (!f) std::cerr << "gen_book: cannot write " << file.string() << '\n';
    return static_cast<bool>(f);
}

// shops/<section>.xml with `count` shops: the sample's first, then generated ones.
bool write_shops(const fs::path& dir, const SectionPool& pool, std::size_t count, Rng& rng) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generated by tools/gen_book.cpp from the sample shops. -->\n"
      << "<shops section=\"" << pool.id << "\">\n";
    for (std::size_t i = 0; i < count; ++i) {
        if (i < pool.shops.size()) write_shop(o, *pool.shops[i]);
        else write_shop(o, generated_shop(pool, i - pool.shops.size(), rng));
    }
    o << "</shops>\n";
    return write_file(dir / "shops" / (pool.id + ".xml"), o.str());
}

// The sample plan cut into the parts the generated plan is made of.
struct PlanParts {
    std::vector<const PlanPage*> front, back;
    std::map<std::string, std::vector<const PlanPage*>> section_pages;
    std::vector<std::string> section_order;
    std::map<std::string, std::vector<std::string>> card_templates;  // shop sections only
};

PlanParts plan_parts(const Book& book) {
    PlanParts parts;
    std::size_t first = book.plan.pages.size(), last = 0;
    for (std::size_t i = 0; i < book.plan.pages.size(); ++i) {
        if (book.plan.pages[i].section.empty()) continue;
        first = std::min(first, i);
        last = i;
    }
    for (std::size_t i = 0; i < book.plan.pages.size(); ++i) {
        const PlanPage& pg = book.plan.pages[i];
        if (i < first) parts.front.push_back(&pg);
        else if (i > last) parts.back.push_back(&pg);
        else if (!pg.section.empty()) {
            if (!parts.section_pages.count(pg.section)) parts.section_order.push_back(pg.section);
            parts.section_pages[pg.section].push_back(&pg);
        }
        else parts.front.push_back(&pg);  // section-less page between sections: keep it up front
    }
    return parts;
}

struct Layout {
    std::map<std::string, std::string> kind;  // template id → kind
    std::map<std::string, std::size_t> cards;  // shop-card template id → cards per page
};

Layout read_layout(const fs::path& dir, Diagnostics& diags) {
    Layout l;
    const auto set = shokuhon::style::load_layout_set(dir, diags);
    for (const auto& [id, t] : set.templates) {
        l.kind[id] = t.kind;
        if (t.kind == "shop-cards") {
            l.cards[id] = static_cast<std::size_t>(std::max(1, t.get_int("columns", 1)) * std::max(1, t.get_int("rows", 1)));
        }
    }
    return l;
}

// How the N pages are shared: card pages and shops per shop section, pages per index kind.
struct Sizing {
    std::map<std::string, std::size_t> card_pages, shops, index_pages;
    std::size_t total_shops = 0;
};

std::size_t shops_on(const Layout& l, const std::vector<std::string>& seq, std::size_t pages) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < pages; ++i) n += l.cards.at(seq[i % seq.size()]);
    return n;
}

// `total` card pages shared in proportion to the sample's card pages (largest remainder).
void share_card_pages(const PlanParts& parts, std::size_t total, Sizing& z) {
    std::size_t weight = 0, given = 0;
    for (const auto& [id, seq] : parts.card_templates) weight += seq.size();
    std::vector<std::pair<std::size_t, std::string>> remainders;
    for (const auto& id : parts.section_order) {
        const auto it = parts.card_templates.find(id);
        if (it == parts.card_templates.end()) continue;
        const std::size_t w = it->second.size();
        z.card_pages[id] = std::max<std::size_t>(1, total * w / weight);
        given += z.card_pages[id];
        remainders.emplace_back(total * w % weight, id);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < total; i = (i + 1) % remainders.size(), ++given) z.card_pages[remainders[i].second]++;
}

// Index pages grow with the shops, and take pages from the cards: repeat until they agree.
bool size_plan(const PlanParts& parts, const Layout& l, std::size_t pages, std::size_t sample_shops, Sizing& z) {
    std::size_t fixed = parts.front.size(), fixed_shops = 0;
    for (const PlanPage* pg : parts.back) {
        const std::string& kind = l.kind.count(pg->tmpl) ? l.kind.at(pg->tmpl) : "";
        if (kind.starts_with("index")) z.index_pages[kind]++;
        else ++fixed;
    }
    for (const auto& [id, list] : parts.section_pages) {
        const bool grows = parts.card_templates.count(id) > 0;
        for (const PlanPage* pg : list) {
            const bool cards = l.cards.count(pg->tmpl) > 0;
            fixed += grows && cards ? 0 : 1;
            fixed_shops += !grows && cards ? l.cards.at(pg->tmpl) : 0;
        }
    }
    for (int round = 0; round < 64; ++round) {
        std::size_t index = 0;
        for (const auto& [kind, n] : z.index_pages) index += n;
        if (pages < fixed + index + parts.card_templates.size()) return false;
        share_card_pages(parts, pages - fixed - index, z);
        z.total_shops = fixed_shops;
        for (const auto& [id, n] : z.card_pages) {
            z.shops[id] = shops_on(l, parts.card_templates.at(id), n);
            z.total_shops += z.shops[id];
        }
        bool enough = true;
        for (const auto& k : kIndexKinds) {
            const std::size_t need = z.total_shops <= sample_shops ? 0 : (z.total_shops + k.per_page - 1) / k.per_page;
            auto& have = z.index_pages[std::string(k.kind)];
            if (have > 0 && need > have) {  // a kind the sample has no page for stays absent
                have = need;
                enough = false;
            }
        }
        if (enough) return true;
    }
    return false;
}

void write_page(std::ostream& o, const PlanPage& pg, int folio, bool keep_entries) {
    o << "  <page folio=\"" << folio << "\" template=\"" << pg.tmpl << '"';
    if (!pg.section.empty()) o << " section=\"" << pg.section << '"';
    if (!pg.label.empty()) o << " label=\"" << shokuhon::markup_escape(pg.label) << '"';
    if (keep_entries && !pg.entries.empty()) {
        o << " entries=\"";
        for (std::size_t i = 0; i < pg.entries.size(); ++i) o << (i ? " " : "") << pg.entries[i];
        o << '"';
    }
    if (pg.ad_advertiser.empty()) {
        o << "/>\n";
        return;
    }
    o << ">\n    <ad advertiser=\"" << shokuhon::markup_escape(pg.ad_advertiser) << '"';
    if (!pg.ad_src.empty()) o << " src=\"" << shokuhon::markup_escape(pg.ad_src) << "\"/>\n";
    else o << ">\n      <headline>" << shokuhon::markup_escape(pg.ad_headline) << "</headline>\n      <body>"
           << shokuhon::markup_escape(pg.ad_body) << "</body>\n    </ad>\n";
    o << "  </page>\n";
}

void write_sections(std::ostream& o, const Book& book) {
    o << "  <sections>\n";
    for (const auto& s : book.plan.sections) {
        o << "    <section id=\"" << s.id << "\" number=\"" << s.number << "\" colour=\"" << s.colour << "\">\n"
          << "      <name>" << shokuhon::markup_escape(s.title) << "</name>\n"
          << "      <short>" << shokuhon::markup_escape(s.short_title) << "</short>\n";
        if (!s.lead.empty()) o << "      <lead>" << shokuhon::markup_escape(s.lead) << "</lead>\n";
        if (!s.photo.empty()) o << "      <photo src=\"" << shokuhon::markup_escape(s.photo) << "\"/>\n";
        o << "    </section>\n";
    }
    o << "  </sections>\n";
}

// One section's pages: its own pages as in the sample, the card block repeated to size.
void write_section_pages(std::ostream& o, const PlanParts& parts, const Layout& l, const Sizing& z,
                         const std::string& id, int& folio) {
    bool cards_done = false;
    const bool grows = parts.card_templates.count(id) > 0;
    for (const PlanPage* pg : parts.section_pages.at(id)) {
        if (!grows || !l.cards.count(pg->tmpl)) {
            write_page(o, *pg, folio++, true);
            continue;
        }
        if (cards_done) continue;
        cards_done = true;
        const auto& seq = parts.card_templates.at(id);
        PlanPage card = *pg;
        for (std::size_t i = 0; i < z.card_pages.at(id); ++i) {
            card.tmpl = seq[i % seq.size()];
            write_page(o, card, folio++, false);
        }
    }
}

std::string plan_xml(const Book& book, const PlanParts& parts, const Layout& l, const Sizing& z) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generated by tools/gen_book.cpp: the sample's "
         "page plan, its card pages repeated to size. -->\n<plan signature=\"" << book.plan.signature << "\">\n";
    write_sections(o, book);
    int folio = 1;
    for (const PlanPage* pg : parts.front) write_page(o, *pg, folio++, true);
    for (const auto& id : parts.section_order) write_section_pages(o, parts, l, z, id, folio);
    std::set<std::string> index_done;
    for (const PlanPage* pg : parts.back) {
        const std::string kind = l.kind.count(pg->tmpl) ? l.kind.at(pg->tmpl) : "";
        if (!z.index_pages.count(kind)) {
            write_page(o, *pg, folio++, true);
            continue;
        }
        if (!index_done.insert(kind).second) continue;
        for (std::size_t i = 0; i < z.index_pages.at(kind); ++i) write_page(o, *pg, folio++, false);
    }
    o << "</plan>\n";
    return o.str();
}

// Everything but the XML this tool writes: XML files copied (they may be edited), the rest
// (photos) hard-linked, or copied when the folders are on different file systems.
bool mirror_files(const fs::path& from, const fs::path& out) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path rel = fs::relative(it->path(), from, ec);
        const fs::path dst = out / rel;
        if (it->is_directory()) {
            if (rel != "shops") fs::create_directories(dst, ec);
            else it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file() || rel == "plan.xml") continue;
        if (rel.extension() == ".xml") fs::copy_file(it->path(), dst, ec);
        else {
            fs::create_hard_link(it->path(), dst, ec);
            if (ec) fs::copy_file(it->path(), dst, ec = {});
        }
        if (ec) break;
    }
    if (ec) std::cerr << "gen_book: cannot copy " << from.string() << " to " << out.string() << ": " << ec.message() << '\n';
    return !ec;
}

bool prepare_out(const fs::path& out) {
    std::error_code ec;
    if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
        std::cerr << "gen_book: " << out.string() << " exists and is not an empty folder\n";
        return false;
    }
    fs::create_directories(out / "shops", ec);
    if (ec) std::cerr << "gen_book: cannot create " << out.string() << ": " << ec.message() << '\n';
    return !ec;
}

int usage(const char* msg) {
    std::cerr << "gen_book: " << msg << "\nusage: gen_book [--from DIR] [--layouts DIR] [--pages N] OUT_DIR\n"
                 "  N: a multiple of the plan's signature (16), e.g. 1008; default 1008\n";
    return kExitUsage;
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--from" && has_value) o.from = argv[++i];
        else if (a == "--layouts" && has_value) o.layouts = argv[++i];
        else if (a == "--pages" && has_value) o.pages = std::atoi(argv[++i]);
        else if (!a.starts_with("-") && o.out.empty()) o.out = a;
        else return false;
    }
    return !o.out.empty() && o.pages > 0;
}

int generate(const Options& opt, const Book& book, const Layout& layout) {
    PlanParts parts = plan_parts(book);
    for (const auto& [id, list] : parts.section_pages) {
        // A section with a matrix page lists all its shops on that one page: it keeps its size.
        const bool fixed = std::any_of(list.begin(), list.end(), [&](const PlanPage* pg) {
            return layout.kind.count(pg->tmpl) && layout.kind.at(pg->tmpl) == "matrix";
        });
        for (const PlanPage* pg : list) {
            if (!fixed && layout.cards.count(pg->tmpl)) parts.card_templates[id].push_back(pg->tmpl);
        }
    }
    Sizing z;
    if (!size_plan(parts, layout, static_cast<std::size_t>(opt.pages), book.shops.size(), z)) return usage("too few pages for the sample's plan");
    if (!prepare_out(opt.out) || !mirror_files(opt.from, opt.out)) return kExitCantCreate;
    Rng rng(kSeed);
    for (const auto& pool : section_pools(book)) {
        const std::size_t count = z.shops.count(pool.id) ? z.shops.at(pool.id) : pool.shops.size();
        if (!write_shops(opt.out, pool, std::max(count, pool.shops.size()), rng)) return kExitCantCreate;
    }
    if (!write_file(opt.out / "plan.xml", plan_xml(book, parts, layout, z))) return kExitCantCreate;
    std::size_t index = 0;
    for (const auto& [kind, n] : z.index_pages) index += n;
    std::cout << "gen_book: " << opt.pages << " pages, " << z.total_shops << " shops on cards, " << index
              << " index pages → " << opt.out.string() << '\n';
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse_args(argc, argv, opt)) return usage("bad arguments");
    Diagnostics diags;
    const auto loaded = shokuhon::content::load_book(opt.from, diags);
    const Layout layout = read_layout(opt.layouts, diags);
    if (diags.has_errors()) {
        shokuhon::print_all(diags, std::cerr);
        std::cerr << "gen_book: the sample content or layouts have errors\n";
        return kExitDataErr;
    }
    const int signature = std::max(1, loaded.book.plan.signature);
    if (opt.pages % signature != 0) return usage("the page count must be a multiple of the plan's signature");
    return generate(opt, loaded.book, layout);
}
