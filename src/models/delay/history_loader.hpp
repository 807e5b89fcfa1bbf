// models/delay/history_loader.hpp
//
// The delay model's history (models/delay/site_history.hpp) from every stored event: for the
// commands that train, evaluate and score, and for a server's start.
#pragma once

#include <cstdint>

#include "common/expected.hpp"
#include "models/delay/site_history.hpp"
#include "store/store.hpp"

namespace vigie::models {

struct LoadedHistory {
  CompanyHistory history;
  std::int64_t watermark_seq = 0;  // holds exactly the stored events with seq <= this
};

Expected<LoadedHistory> load_history(const store::Store& store);

}  // namespace vigie::models
