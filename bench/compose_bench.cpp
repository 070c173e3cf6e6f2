// compose_bench: composition throughput of the whole sample book, optimal and greedy (issue 3).
// Run from the repository root:  build/compose_bench [--runs N] [CONTENT LAYOUTS FONTS]
// Three figures per mode, each the best of N runs (default 5), in characters per second:
//   paragraphs  every paragraph of the book's text (shop headlines, descriptions and short
//               descriptions, products, spots, recommendations, section leads) shaped and
//               broken at a card's measure with compose::Typesetter::compose;
//   breaking    the same paragraphs, shaped once, broken only (linebreak::break_paragraph);
//   book        compose::paginate of the whole book, every page built (no PDF written),
//               characters counted from the Document's glyph runs.
// It prints numbers and never fails on them.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "compose/paginate.h"
#include "compose/text.h"
#include "content/load.h"
#include "shape/font_set.h"
#include "style/load.h"

namespace {

using namespace shokuhon;
using Clock = std::chrono::steady_clock;

std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Every paragraph the book sets from its content, with the style it is set in.
std::vector<std::pair<std::string, std::string>> paragraphs(const content::Book& b) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& s : b.shops) {
        out.emplace_back(s.headline, "headline");
        out.emplace_back(s.description, "body");
        if (!s.short_description.empty()) out.emplace_back(s.short_description, "body");
    }
    for (const auto& p : b.products) out.emplace_back(p.description, "body");
    for (const auto& s : b.spots) out.emplace_back(s.description, "body");
    for (const auto& r : b.recommendations) out.emplace_back(r.comment, "body");
    for (const auto& s : b.plan.sections) out.emplace_back(s.lead, "opener-lead");
    return out;
}

// Runs f() `runs` times; returns the best wall time in seconds.
template <typename F>
double best_of(int runs, F f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

struct Inputs {
    content::Book book;
    style::LayoutSet layout;
    shape::FontSet fonts;
    std::string content_dir;
};

void bench_mode(const Inputs& in, linebreak::Mode mode, int runs) {
    const compose::Typesetter ts(in.fonts, in.layout, mode);
    const Length measure = Length::from_mm(85.5);  // a card4 text column
    const auto paras = paragraphs(in.book);
    std::size_t n = 0;
    for (const auto& [text, style] : paras) n += chars(text);
    const double t_para = best_of(runs, [&] {
        for (const auto& [text, style] : paras) ts.compose(text, in.layout.style(style), measure);
    });
    std::vector<compose::Composition> shaped;
    for (const auto& [text, style] : paras) shaped.push_back(ts.compose(text, in.layout.style(style), measure));
    const double t_break = best_of(runs, [&] {
        for (const auto& c : shaped) linebreak::break_paragraph(c.shaped.clusters, c.params);
    });
    compose::PaginateOptions po;
    po.content_dir = in.content_dir;
    po.mode = mode;
    std::size_t book_chars = 0;
    const double t_book = best_of(runs, [&] {
        Diagnostics d;
        const compose::Document doc = compose::paginate(in.book, in.layout, in.fonts, po, d);
        book_chars = 0;
        for (const auto& page : doc.pages) {
            for (const auto& item : page.items) {
                if (const auto* r = std::get_if<compose::GlyphRun>(&item)) book_chars += chars(r->utf8);
            }
        }
    });
    const char* name = mode == linebreak::Mode::kOptimal ? "optimal" : "greedy";
    std::printf("%-8s paragraphs %4zu (%6zu chars) %8.1f ms %12.0f chars/s\n", name, paras.size(), n,
                t_para * 1e3, static_cast<double>(n) / t_para);
    std::printf("%-8s breaking   %4zu (%6zu chars) %8.1f ms %12.0f chars/s\n", name, paras.size(), n,
                t_break * 1e3, static_cast<double>(n) / t_break);
    std::printf("%-8s book       %4zu pages (%6zu chars) %5.1f ms %12.0f chars/s\n", name,
                in.book.plan.pages.size(), book_chars, t_book * 1e3, static_cast<double>(book_chars) / t_book);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else paths.emplace_back(argv[i]);
    }
    paths.resize(3);
    Diagnostics diags;
    Inputs in;
    in.content_dir = paths[0].empty() ? "content" : paths[0];
    in.book = content::load_book(in.content_dir, diags).book;
    in.layout = style::load_layout_set(paths[1].empty() ? "layouts" : paths[1], diags);
    in.fonts = shape::FontSet::open(shape::read_font_lock(paths[2].empty() ? "fonts/fonts.lock" : paths[2], diags), diags);
    if (diags.has_errors()) {
        print_all(diags, std::cerr);
        return 65;
    }
    std::printf("composition throughput, best of %d runs (%s)\n", runs, in.content_dir.c_str());
    bench_mode(in, linebreak::Mode::kOptimal, runs);
    bench_mode(in, linebreak::Mode::kGreedy, runs);
    return 0;
}
