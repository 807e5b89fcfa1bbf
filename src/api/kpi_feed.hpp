// api/kpi_feed.hpp — keeps the server's KPI state (kpi/live_company.hpp) behind the store:
// every group commit's accepted events are folded in before the next request reads them.
#pragma once

#include "ingest/pipeline.hpp"
#include "kpi/live_company.hpp"

namespace vigie::api {

class KpiFeed final : public ingest::IngestObserver {
 public:
  explicit KpiFeed(kpi::LiveCompany& kpis) : kpis_(kpis) {}
  void on_committed(std::span<const events::Event> batch,
                    std::span<const store::AppendStatus> statuses) override {
    kpis_.apply(batch, statuses);
  }
  void on_refused(std::string_view, std::string_view, const Error&) override {}

 private:
  kpi::LiveCompany& kpis_;
};

}  // namespace vigie::api
