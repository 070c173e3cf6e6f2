#include "style/layout_set.h"

#include <charconv>
#include <stdexcept>

namespace shokuhon::style {

Colour::Rgb Colour::rgb() const {
    // Screen approximation only; print output uses the CMYK values themselves.
    Rgb v{(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)};
    if (rgb_alias > 0) {
        const double d = 0.002 * rgb_alias;
        v.r = v.r < 0.5 ? v.r + d : v.r - d;
    }
    return v;
}

std::string Template::get(const std::string& key, const std::string& fallback) const {
    auto it = params.find(key);
    return it == params.end() ? fallback : it->second;
}

int Template::get_int(const std::string& key, int fallback) const {
    auto it = params.find(key);
    if (it == params.end()) return fallback;
    int v = fallback;
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    return v;
}

double Template::get_double(const std::string& key, double fallback) const {
    auto it = params.find(key);
    if (it == params.end()) return fallback;
    try {
        return std::stod(it->second);
    } catch (...) {
        return fallback;
    }
}

const TextStyle& LayoutSet::style(const std::string& name) const {
    auto it = styles.find(name);
    if (it == styles.end()) throw std::logic_error("unknown style " + name);
    return it->second;
}

const Colour& LayoutSet::colour(const std::string& name) const {
    auto it = colours.find(name);
    if (it == colours.end()) throw std::logic_error("unknown colour " + name);
    return it->second;
}

const Template* LayoutSet::find_template(const std::string& id) const {
    auto it = templates.find(id);
    return it == templates.end() ? nullptr : &it->second;
}

std::optional<Length> parse_length(const std::string& s, Length em) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    if (i == 0 || (i == 1 && s[0] == '-')) return std::nullopt;
    double v = 0;
    try {
        v = std::stod(s.substr(0, i));
    } catch (...) {
        return std::nullopt;
    }
    const std::string unit = s.substr(i);
    if (unit == "mm") return Length::from_mm(v);
    if (unit == "pt") return Length::from_pt(v);
    if (unit == "Q" || unit == "H") return Length::from_q(v);
    if (unit == "zw") return em.scaled(v);
    return std::nullopt;
}

}  // namespace shokuhon::style
