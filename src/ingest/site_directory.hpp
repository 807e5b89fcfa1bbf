// ingest/site_directory.hpp
//
// The set of known site ids, kept in memory so validation does not ask the store per event.
// Loaded from the store at start; a site becomes known once its site.upserted is committed.
// Thread-safe (readers share, the writer thread adds).
#pragma once

#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vigie::ingest {

class SiteDirectory {
 public:
  void add(std::string_view site_id);
  void add_all(const std::vector<std::string>& site_ids);
  bool contains(std::string_view site_id) const;
  std::size_t size() const;

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_set<std::string> ids_;
};

}  // namespace vigie::ingest
