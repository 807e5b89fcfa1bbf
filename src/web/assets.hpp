// web/assets.hpp
//
// The dashboards' files (issue 10): built by Vite from web/ at compile time and embedded in the
// binary by cmake/embed_assets.cpp, so that `vigie serve` alone serves pages, scripts and styles.
// Paths are the URLs' ("/direction.html", "/assets/direction-3f2a….js"); scripts and styles
// have a content hash in their name, so they may be cached for ever.
#pragma once

#include <span>
#include <string_view>

namespace vigie::web {

struct Asset {
  std::string_view path;
  std::string_view content_type;
  std::string_view body;
  std::string_view etag;  // quoted, from the bytes
};

// Every embedded file, sorted by path (generated).
std::span<const Asset> embedded_assets();

// The file at `path`, or nullptr.
const Asset* find_asset(std::string_view path);

}  // namespace vigie::web
