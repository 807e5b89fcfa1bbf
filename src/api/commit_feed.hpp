// api/commit_feed.hpp — keeps a server's live state behind the store: the KPI state
// (kpi/live_company.hpp) and the delay predictions (models/delay/live_predictions.hpp) fold every
// group commit's accepted events before the next request reads them.
#pragma once

#include "ingest/pipeline.hpp"

namespace vigie::api {

// `Live` has apply(batch, statuses), safe against its readers.
template <class Live>
class CommitFeed final : public ingest::IngestObserver {
 public:
  explicit CommitFeed(Live& live) : live_(live) {}
  void on_committed(std::span<const events::Event> batch,
                    std::span<const store::AppendStatus> statuses) override {
    live_.apply(batch, statuses);
  }
  void on_refused(std::string_view, std::string_view, const Error&) override {}

 private:
  Live& live_;
};

}  // namespace vigie::api
