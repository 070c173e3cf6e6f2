// app/: the load-time check of every photo the book names, so a broken, hostile or unprintable
// image is refused with its entry before anything is composed (render::check_jpeg decides what
// a usable JPEG is; the content loader has already refused paths that leave the folder).
#pragma once
#include <filesystem>

#include "content/model.h"
#include "core/diagnostics.h"

namespace shokuhon::app {

// Adds one E-IMAGE-* error per entry whose photo cannot go into the book. Missing files and
// paths outside the content folder are left to the loader's own diagnostics.
void check_photos(const content::Book& book, const std::filesystem::path& content_dir,
                  Diagnostics& diags);

}  // namespace shokuhon::app
