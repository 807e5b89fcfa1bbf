#include "ingest/site_directory.hpp"

#include <mutex>

namespace vigie::ingest {

void SiteDirectory::add(std::string_view site_id) {
  const std::unique_lock lock(mutex_);
  ids_.emplace(site_id);
}

void SiteDirectory::add_all(const std::vector<std::string>& site_ids) {
  const std::unique_lock lock(mutex_);
  ids_.insert(site_ids.begin(), site_ids.end());
}

bool SiteDirectory::contains(std::string_view site_id) const {
  const std::shared_lock lock(mutex_);
  return ids_.contains(std::string{site_id});
}

std::size_t SiteDirectory::size() const {
  const std::shared_lock lock(mutex_);
  return ids_.size();
}

}  // namespace vigie::ingest
