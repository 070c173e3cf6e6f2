#include "content/model.h"

namespace shokuhon::content {

const Shop* Book::find_shop(const std::string& id) const {
    for (const auto& s : shops) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

const PlanSection* Book::find_section(const std::string& id) const {
    for (const auto& s : plan.sections) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

}  // namespace shokuhon::content
