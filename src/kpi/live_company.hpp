// kpi/live_company.hpp
//
// The server's KPI state: a Company that the pipeline's commits update while requests read it.
// Commits take the write lock for the few microseconds a batch's fold takes; reads share the
// lock, so an accepted event shows in the next request (kpis.md: within one second).
#pragma once

#include <shared_mutex>
#include <span>

#include "kpi/company.hpp"
#include "store/store.hpp"

namespace vigie::kpi {

class LiveCompany {
 public:
  explicit LiveCompany(Company company) : company_(std::move(company)) {}

  // Folds the events the store accepted (duplicates changed nothing and are skipped).
  void apply(std::span<const events::Event> batch, std::span<const store::AppendStatus> statuses) {
    const std::unique_lock lock(mutex_);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (statuses[i] == store::AppendStatus::accepted) company_.apply(batch[i]);
    }
    company_.refresh();
  }

  // Runs `read` on the state under the shared lock and returns what it returns.
  template <class Read>
  auto read(Read&& read) const {
    const std::shared_lock lock(mutex_);
    return read(static_cast<const Company&>(company_));
  }

 private:
  mutable std::shared_mutex mutex_;
  Company company_;
};

}  // namespace vigie::kpi
