#include "common/job_scheduler.hpp"

#include <cmath>
#include <cstdio>
#include <exception>

#include "common/paris_time.hpp"

namespace vigie {

JobTiming JobTiming::every_seconds(std::int64_t seconds) {
  JobTiming t;
  t.kind = Kind::every;
  t.period = std::chrono::seconds{seconds};
  return t;
}

JobTiming JobTiming::daily_at(int hour, int minute) {
  JobTiming t;
  t.kind = Kind::daily;
  t.hour = hour;
  t.minute = minute;
  return t;
}

JobTiming JobTiming::weekly_at(unsigned iso_weekday, int hour, int minute) {
  JobTiming t = daily_at(hour, minute);
  t.kind = Kind::weekly;
  t.weekday = iso_weekday;
  return t;
}

Instant JobTiming::next_after(Instant t) const {
  if (kind == Kind::every) return t + period;
  // Paris days from t's: the first at hh:mm after t (on the weekday, for weekly). Eight days
  // always hold one; a day the clocks change still has its hh:mm (paris_instant resolves it).
  std::chrono::sys_days day{paris_date(t)};
  for (int i = 0; i < 8; ++i, day += std::chrono::days{1}) {
    if (kind == Kind::weekly && std::chrono::weekday{day}.iso_encoding() != weekday) continue;
    const Instant at = paris_instant(LocalDate{day}, hour, minute);
    if (at > t) return at;
  }
  return t + std::chrono::days{7};  // not reached
}

std::string JobTiming::describe() const {
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
  switch (kind) {
    case Kind::every: return "every " + std::to_string(period.count()) + " s";
    case Kind::daily: return std::string{"daily "} + clock;
    case Kind::weekly: return "weekly " + std::to_string(weekday) + " " + clock;
  }
  return "";
}

struct JobScheduler::Slot {
  Job job;
  JobState state;
  Instant next_due{};
  bool requested = false;
  int failed_in_a_row = 0;  // runs since the last success or the last given-up retry
  bool failing = false;     // since the last failure, until a success
};

JobScheduler::JobScheduler(std::vector<Job> jobs, Retry retry, OnFailure on_failure,
                           OnRecovery on_recovery, const Logger& log)
    : retry_(retry), on_failure_(std::move(on_failure)), on_recovery_(std::move(on_recovery)), log_(log) {
  const Instant now = instant_now();
  for (Job& job : jobs) {
    auto slot = std::make_unique<Slot>();
    slot->state.name = job.name;
    slot->state.label = job.label;
    slot->state.timing = job.timing.describe();
    slot->next_due = job.timing.next_after(now);
    slot->state.next_run = slot->next_due;
    slot->job = std::move(job);
    slots_.push_back(std::move(slot));
  }
}

JobScheduler::~JobScheduler() { stop(); }

void JobScheduler::start() {
  const std::lock_guard lock(mutex_);
  if (!threads_.empty() || stopping_) return;
  for (auto& slot : slots_) threads_.emplace_back([this, s = slot.get()] { loop(*s); });
}

void JobScheduler::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

bool JobScheduler::run_now(const std::string& name) {
  {
    const std::lock_guard lock(mutex_);
    Slot* found = nullptr;
    for (auto& slot : slots_) {
      if (slot->job.name == name) found = slot.get();
    }
    if (found == nullptr) return false;
    found->requested = true;
  }
  wake_.notify_all();
  return true;
}

std::vector<JobState> JobScheduler::states() const {
  const std::lock_guard lock(mutex_);
  std::vector<JobState> out;
  for (const auto& slot : slots_) out.push_back(slot->state);
  return out;
}

void JobScheduler::loop(Slot& slot) {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_until(lock, slot.next_due, [&] { return stopping_ || slot.requested; });
    if (stopping_) break;
    if (!slot.requested && instant_now() < slot.next_due) continue;  // woken early
    slot.requested = false;
    lock.unlock();
    run_once(slot);
    lock.lock();
  }
}

void JobScheduler::run_once(Slot& slot) {
  const Instant started = instant_now();
  {
    const std::lock_guard lock(mutex_);
    slot.state.running = true;
    slot.state.last_started = started;
  }
  Expected<std::string> outcome = std::string{};
  try {
    outcome = slot.job.run(started);
  } catch (const std::exception& e) {
    outcome = Error::make(ErrorCode::internal, std::string{"the job threw: "} + e.what());
  }
  const Instant ended = instant_now();
  const double seconds = std::chrono::duration<double>(ended - started).count();
  bool recovered = false, will_retry = false;
  {
    const std::lock_guard lock(mutex_);
    JobState& state = slot.state;
    state.running = false;
    ++state.runs;
    state.last_seconds = seconds;
    state.last_ok = outcome.has_value();
    if (outcome) {
      state.last_outcome = *outcome;
      recovered = slot.failing;
      slot.failing = false;
      slot.failed_in_a_row = 0;
      slot.next_due = slot.job.timing.next_after(ended);
    } else {
      ++state.failures;
      state.last_outcome = outcome.error().describe();
      ++slot.failed_in_a_row;
      slot.failing = true;
      will_retry = slot.failed_in_a_row <= retry_.max;
      slot.next_due = will_retry
                          ? ended + std::chrono::duration_cast<std::chrono::milliseconds>(
                                        retry_.first * std::ldexp(1.0, slot.failed_in_a_row - 1))
                          : slot.job.timing.next_after(ended);
      if (!will_retry) slot.failed_in_a_row = 0;  // the next time is a fresh start
    }
    state.retries_left = will_retry ? retry_.max - slot.failed_in_a_row + 1 : 0;
    state.next_run = slot.next_due;
  }
  const std::string& name = slot.job.name;
  if (outcome) {
    log_.info("job done", {{"job", name}, {"seconds", seconds}, {"outcome", *outcome}});
    if (recovered && on_recovery_) on_recovery_(name);
  } else {
    log_.error("job failed", {{"job", name}, {"seconds", seconds}, {"error", outcome.error().describe()},
                              {"will_retry", will_retry}});
    if (on_failure_) on_failure_(slot.job, outcome.error(), will_retry);
  }
}

}  // namespace vigie
