// core/: RAII for C library handles. Every hb_*, cairo_*, xml* and FT_* handle the pipeline
// creates is owned by one of these, so no path (early return, exception) leaks or double-frees.
#pragma once
#include <memory>

namespace shokuhon {

template <auto F>
struct CFree {
    template <class T>
    void operator()(T* p) const noexcept {
        if (p) F(p);
    }
};

template <class T, auto F>
using CHandle = std::unique_ptr<T, CFree<F>>;

}  // namespace shokuhon
