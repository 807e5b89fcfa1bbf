// ingest/pipeline.hpp
//
// The one way events enter the store, whatever door they came through (API, webhook, import,
// replay, demo). It checks what the parser cannot (that the site exists), then hands the batch
// to the group committer and returns only once the batch is durable.
//
//   caller thread:  parse → check sites → enqueue ──wait──▶ result
//   writer thread:            dequeue all pending → one Store::append (one fsync) → notify
//
// Thread-safe: any number of threads may call submit(); one writer thread commits.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/expected.hpp"
#include "events/parse.hpp"
#include "ingest/site_directory.hpp"
#include "store/store.hpp"

namespace vigie::ingest {

struct SubmitResult {
  std::size_t accepted = 0;
  std::size_t duplicates = 0;
  std::vector<events::Refusal> refused;  // by the sender's index
};

// Told about every outcome, for metrics and for what reacts to new events (the archive).
// Called on the writer thread (committed) or the caller's thread (refused): keep it quick.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  virtual void on_committed(std::span<const events::Event> batch,
                            std::span<const store::AppendStatus> statuses) = 0;
  // `type` and `source` are names; "unknown" when the event was refused before they were read.
  virtual void on_refused(std::string_view type, std::string_view source, const Error& error) = 0;
};

struct PipelineOptions {
  std::size_t max_events_per_commit = 50'000;  // a larger backlog is committed in several steps
};

class Pipeline {
 public:
  Pipeline(store::Store& store, PipelineOptions options);
  ~Pipeline();  // commits what is queued, then stops the writer
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void add_observer(IngestObserver* observer);  // before the first submit; not owned

  // Stores the valid events of a parsed body; refusals keep the sender's indexes.
  // Fails as a whole only if the store fails (nothing of the batch is then acknowledged).
  Expected<SubmitResult> submit(events::ParsedBody parsed);

  // Stores already-validated events (sites still checked). `first_index` numbers refusals.
  Expected<SubmitResult> submit_events(std::vector<events::Event> batch, std::size_t first_index = 0);

  // Stops accepting; queued batches are committed first. Idempotent.
  void shutdown();

  // Runs `between` while no commit is under way: every commit before it has been stored and
  // told to the observers, none after it has begun. For reading a state the observers keep
  // together with the store's last sequence number (the KPI snapshot). Keep it short: commits
  // wait meanwhile.
  void between_commits(const std::function<void()>& between);

  std::size_t queue_depth() const;
  const SiteDirectory& sites() const { return sites_; }

 private:
  struct Job;
  void writer_loop();
  void commit_jobs(std::vector<std::shared_ptr<Job>>& jobs);

  store::Store& store_;
  PipelineOptions options_;
  SiteDirectory sites_;
  std::vector<IngestObserver*> observers_;

  mutable std::mutex mutex_;
  std::mutex commit_mutex_;  // held by the writer through a commit and its observers
  std::condition_variable wake_writer_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::size_t queued_events_ = 0;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace vigie::ingest
