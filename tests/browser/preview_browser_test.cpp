// The preview in a real browser: headless Chromium, driven through chromedriver (WebDriver).
// The mini book is previewed from a temporary copy of its content; the test checks that
// pages appear, that an edit to a shop file shows up in the open page by itself, in place
// (same spread, only that page's image replaced), that a broken edit shows its errors over
// the last good pages, and that the preview stops cleanly on SIGTERM. It prints how long the
// edit took to reach the browser and saves a screenshot to <build>/browser/preview.png.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <regex>

#include "browser/process.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace shokuhon;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path kSource = SHOKUHON_SOURCE_DIR;

// What the page shows, as the test reads it.
const char* const kProbe = R"js(
const imgs = [...document.querySelectorAll('#spread .page:not(.empty) img')];
return {
  version: +(document.body.dataset.version || 0),
  shown: imgs.length,
  // Loaded and showing its own page: on a page change the old image stays until the new one
  // has loaded (no blank flash), and must not count as the new page.
  loaded: imgs.filter(i => i.complete && i.naturalWidth > 0 && i.getAttribute('src') === i.closest('.page').dataset.src).length,
  srcs: imgs.map(i => i.getAttribute('src') || '').join(' '),
  captions: document.getElementById('captions').innerText,
  hash: location.hash,
  banner: document.getElementById('banner').innerText,
  errors: document.querySelectorAll('.diag.error').length
};)js";

Poco::JSON::Object::Ptr probe(test::WebDriver& wd) {
    return Poco::JSON::Parser().parse(wd.run(kProbe)).extract<Poco::JSON::Object::Ptr>();
}

// Polls the page until `ok` holds; returns the time it took, or throws with the last view.
Clock::duration wait_for(test::WebDriver& wd, std::chrono::seconds limit, const std::function<bool(const Poco::JSON::Object&)>& ok) {
    const auto t0 = Clock::now();
    Poco::JSON::Object::Ptr last;
    while (Clock::now() - t0 < limit) {
        last = probe(wd);
        if (ok(*last)) return Clock::now() - t0;
        std::this_thread::sleep_for(50ms);
    }
    std::ostringstream s;
    if (last) last->stringify(s);
    FAIL("the page did not get there in time; it shows " << s.str());
    return {};
}

// Saved the way editors save: a new file renamed over the old one.
void save(const fs::path& file, const std::string& text) {
    const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp");
    test::write_file(tmp, text);
    fs::rename(tmp, file);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

void save_screenshot(test::WebDriver& wd) {
    const fs::path dir = fs::path(SHOKUHON_BINARY_DIR) / "browser";
    fs::create_directories(dir);
    std::ostringstream png;
    std::istringstream b64(wd.screenshot_base64());
    Poco::Base64Decoder dec(b64);
    png << dec.rdbuf();
    test::write_file(dir / "preview.png", png.str());
}

}  // namespace

TEST_CASE("the preview in headless Chromium: pages appear and follow edits", "[browser]") {
    test::TempDir tmp;
    fs::copy(fs::path(SHOKUHON_TEST_DATA) / "mini", tmp.path() / "content", fs::copy_options::recursive);
    const fs::path shops = tmp.path() / "content" / "shops" / "main.xml";
    const std::string original = test::read_file(shops);

    test::Child preview({(fs::path(SHOKUHON_BINARY_DIR) / "shokuhon").string(), "preview", "--port", "0", "--content",
                         (tmp.path() / "content").string(), "--layouts", (kSource / "layouts").string(), "--fonts",
                         (kSource / "fonts/fonts.lock").string()});
    const std::string banner = preview.read_until("Ctrl-C", 60s);
    std::smatch m;
    REQUIRE(std::regex_search(banner, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
    const std::string url = m[0];

    const int wd_port = test::free_port();
    test::Child driver({SHOKUHON_CHROMEDRIVER, "--port=" + std::to_string(wd_port)});
    test::WebDriver wd(wd_port);
    for (int i = 0; i < 200 && !wd.ready(); ++i) std::this_thread::sleep_for(100ms);
    REQUIRE(wd.ready());
    wd.open_session({"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--user-data-dir=" + (tmp.path() / "profile").string(),
                     "--window-size=1400,900", "--hide-scrollbars"},
                    SHOKUHON_CHROMIUM);
    wd.go(url);

    SECTION("pages appear; an edit shows up in place; a broken edit keeps the last good pages") {
        wait_for(wd, 120s, [](const auto& s) { return s.template getValue<int>("loaded") >= 1; });
        wd.run("goToPage(1); return 0;");  // pages 2–3: the first shop cards
        const auto before = probe(wd);
        wait_for(wd, 60s, [](const auto& s) { return s.template getValue<int>("loaded") == 2; });
        const auto shown = probe(wd);
        REQUIRE(shown->getValue<std::string>("captions").find("みなと亭") != std::string::npos);
        const std::string srcs = shown->getValue<std::string>("srcs");
        const std::string page3 = srcs.substr(srcs.find(' ') + 1);

        save(shops, replace(original, "みなと亭", "みなと亭 新館"));
        const auto took = wait_for(wd, 120s, [&](const auto& s) {
            const std::string now = s.template getValue<std::string>("srcs");
            return s.template getValue<std::string>("captions").find("みなと亭 新館") != std::string::npos &&
                   now.substr(0, now.find(' ')) != srcs.substr(0, srcs.find(' ')) && s.template getValue<int>("loaded") == 2;
        });
        std::cout << "preview: the edit reached the browser in "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms" << std::endl;
        const auto after = probe(wd);
        CHECK(after->getValue<std::string>("hash") == before->getValue<std::string>("hash"));  // same spread in view
        const std::string now = after->getValue<std::string>("srcs");
        CHECK(now.substr(now.find(' ') + 1) == page3);  // the page that did not change kept its image
        save_screenshot(wd);

        save(shops, replace(original, "</phone>", "</phon>"));
        wait_for(wd, 120s, [](const auto& s) {
            return !s.template getValue<std::string>("banner").empty() && s.template getValue<int>("errors") >= 1;
        });
        const auto broken = probe(wd);
        CHECK(broken->getValue<int>("loaded") == 2);
        CHECK(broken->getValue<std::string>("captions").find("みなと亭 新館") != std::string::npos);

        save(shops, original);
        wait_for(wd, 120s, [](const auto& s) {
            return s.template getValue<std::string>("banner").empty() &&
                   s.template getValue<std::string>("captions").find("新館") == std::string::npos;
        });
    }
    wd.close_session();
    driver.stop();
    CHECK(preview.stop() == 0);  // SIGTERM: a clean exit
}
