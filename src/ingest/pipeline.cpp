#include "ingest/pipeline.hpp"

#include <future>
#include <unordered_set>

namespace vigie::ingest {

// A batch waiting for the writer; the caller blocks on `done` until it is durable.
struct Pipeline::Job {
  std::vector<events::Event> events;
  std::promise<Expected<store::AppendResult>> done;
};

Pipeline::Pipeline(store::Store& store, PipelineOptions options)
    : store_(store), options_(options) {
  auto ids = store_.site_ids();
  if (!ids) throw StartupError{"cannot read sites: " + ids.error().describe()};
  sites_.add_all(*ids);
  writer_ = std::thread([this] { writer_loop(); });
}

Pipeline::~Pipeline() { shutdown(); }

void Pipeline::add_observer(IngestObserver* observer) { observers_.push_back(observer); }

void Pipeline::shutdown() {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  wake_writer_.notify_all();
  if (writer_.joinable()) writer_.join();
}

std::size_t Pipeline::queue_depth() const {
  const std::lock_guard lock(mutex_);
  return queued_events_;
}

Expected<SubmitResult> Pipeline::submit(events::ParsedBody parsed) {
  for (const auto& refusal : parsed.refused) {
    for (IngestObserver* observer : observers_) {
      observer->on_refused("unknown", "unknown", refusal.error);
    }
  }
  // Site checks need the sender's positions, so map them back after submit_events.
  std::vector<std::size_t> positions = std::move(parsed.positions);
  auto result = submit_events(std::move(parsed.events), 0);
  if (!result) return result;
  for (auto& refusal : result->refused) refusal.index = positions[refusal.index];
  result->refused.insert(result->refused.end(), parsed.refused.begin(), parsed.refused.end());
  std::sort(result->refused.begin(), result->refused.end(),
            [](const events::Refusal& a, const events::Refusal& b) { return a.index < b.index; });
  return result;
}

Expected<SubmitResult> Pipeline::submit_events(std::vector<events::Event> batch,
                                               std::size_t first_index) {
  SubmitResult result;
  // A site is known if stored, or upserted earlier in this same batch.
  std::unordered_set<std::string> batch_sites;
  std::vector<events::Event> valid;
  valid.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    events::Event& event = batch[i];
    if (event.type == events::EventType::site_upserted) {
      batch_sites.insert(event.site_id);
    } else if (!events::is_siteless(event.type) && !batch_sites.contains(event.site_id) &&
               !sites_.contains(event.site_id)) {
      Error error = Error::invalid("site_id", "unknown site \"" + event.site_id + "\"");
      for (IngestObserver* observer : observers_) {
        observer->on_refused(events::type_name(event.type), events::source_name(event.source), error);
      }
      result.refused.push_back({first_index + i, std::move(error)});
      continue;
    }
    valid.push_back(std::move(event));
  }
  if (valid.empty()) return result;

  auto job = std::make_shared<Job>();
  job->events = std::move(valid);
  auto done = job->done.get_future();
  {
    const std::lock_guard lock(mutex_);
    if (stopping_) return Error::make(ErrorCode::unavailable, "the server is shutting down");
    queued_events_ += job->events.size();
    queue_.push_back(std::move(job));
  }
  wake_writer_.notify_one();
  auto appended = done.get();
  if (!appended) return appended.error();
  result.accepted = appended->accepted;
  result.duplicates = appended->duplicates;
  return result;
}

void Pipeline::writer_loop() {
  for (;;) {
    std::vector<std::shared_ptr<Job>> jobs;
    {
      std::unique_lock lock(mutex_);
      wake_writer_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      std::size_t taken = 0;
      while (!queue_.empty() && (jobs.empty() || taken < options_.max_events_per_commit)) {
        taken += queue_.front()->events.size();
        jobs.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      queued_events_ -= taken;
    }
    const std::lock_guard commit(commit_mutex_);
    commit_jobs(jobs);
  }
}

void Pipeline::between_commits(const std::function<void()>& between) {
  const std::lock_guard commit(commit_mutex_);
  between();
}

// All the jobs in one append: one transaction, one fsync for many requests.
void Pipeline::commit_jobs(std::vector<std::shared_ptr<Job>>& jobs) {
  std::vector<events::Event> all;
  std::vector<std::size_t> sizes;
  for (auto& job : jobs) {
    sizes.push_back(job->events.size());
    for (auto& event : job->events) all.push_back(std::move(event));
  }
  auto appended = store_.append(all);
  if (!appended) {
    for (auto& job : jobs) job->done.set_value(appended.error());
    return;
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].type == events::EventType::site_upserted &&
        appended->statuses[i] == store::AppendStatus::accepted) {
      sites_.add(all[i].site_id);
    }
  }
  for (IngestObserver* observer : observers_) observer->on_committed(all, appended->statuses);
  std::size_t offset = 0;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    store::AppendResult part;
    part.statuses.assign(appended->statuses.begin() + static_cast<std::ptrdiff_t>(offset),
                         appended->statuses.begin() + static_cast<std::ptrdiff_t>(offset + sizes[j]));
    for (const auto status : part.statuses) {
      (status == store::AppendStatus::accepted ? part.accepted : part.duplicates) += 1;
    }
    offset += sizes[j];
    jobs[j]->done.set_value(std::move(part));
  }
}

}  // namespace vigie::ingest
