#include "web/assets.hpp"

#include <algorithm>

namespace vigie::web {

const Asset* find_asset(std::string_view path) {
  const auto assets = embedded_assets();
  const auto found = std::lower_bound(assets.begin(), assets.end(), path,
                                      [](const Asset& asset, std::string_view p) { return asset.path < p; });
  return found != assets.end() && found->path == path ? &*found : nullptr;
}

}  // namespace vigie::web
