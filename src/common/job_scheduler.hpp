// common/job_scheduler.hpp
//
// The jobs `vigie serve` runs on its own (issue 9, point 4): each on a timing — every n
// seconds, or at a Paris wall-clock time each day or one day a week — on a thread of its own,
// so that an hour of retraining never holds up the alert evaluation due every five minutes.
// A run that fails is retried after `retry.first`, then twice as long each time, up to
// `retry.max` times before the job waits for its next time; each failure is reported (the server
// raises an admin alert with it) and logged, and nothing a job does can stop the server: a job
// that throws fails like one that returns an error. Runs, durations and failures are kept for
// /metrics and GET /api/v1/jobs. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/expected.hpp"
#include "common/log.hpp"
#include "common/time.hpp"

namespace vigie {

struct JobTiming {
  enum class Kind : std::uint8_t { every, daily, weekly };
  Kind kind = Kind::every;
  std::chrono::seconds period{60};  // every
  int hour = 0, minute = 0;         // daily and weekly: Paris time
  unsigned weekday = 1;             // weekly: ISO, 1 = Monday … 7 = Sunday

  static JobTiming every_seconds(std::int64_t seconds);
  static JobTiming daily_at(int hour, int minute);
  static JobTiming weekly_at(unsigned iso_weekday, int hour, int minute);

  // The first time strictly after `t` (an `every` timing: t + period).
  Instant next_after(Instant t) const;
  std::string describe() const;  // "every 300 s", "daily 02:30", "weekly 7 03:00" (Paris)
};

struct Job {
  std::string name;   // "alert_evaluation": the metrics' label and the API's id
  std::string label;  // for people, in French: "évaluation des alertes"
  JobTiming timing;
  // Does the work; on success a one-line account ("48 open alerts") for the log and the API.
  std::function<Expected<std::string>(Instant now)> run;
};

struct JobState {
  std::string name, label, timing;
  std::uint64_t runs = 0, failures = 0;  // failures: failed runs, retries included
  bool running = false;
  std::optional<Instant> last_started;
  double last_seconds = 0;
  bool last_ok = false;
  std::string last_outcome;  // the account of the last run, or its error
  std::optional<Instant> next_run;
  int retries_left = 0;      // of the current failure
};

class JobScheduler {
 public:
  struct Retry {
    int max = 3;
    std::chrono::milliseconds first{std::chrono::minutes(1)};
  };
  // Told of every failed run: the job (its name and label), the error, and whether retries are left.
  using OnFailure = std::function<void(const Job& job, const Error& error, bool will_retry)>;
  // Told when a job succeeds again after failing.
  using OnRecovery = std::function<void(const std::string& job)>;

  JobScheduler(std::vector<Job> jobs, Retry retry, OnFailure on_failure, OnRecovery on_recovery,
               const Logger& log);
  ~JobScheduler();  // stops
  JobScheduler(const JobScheduler&) = delete;
  JobScheduler& operator=(const JobScheduler&) = delete;

  void start();
  void stop();  // a run in progress finishes first; idempotent

  // Runs the job now on its thread (unless it is running); false when there is no such job.
  bool run_now(const std::string& name);

  std::vector<JobState> states() const;

 private:
  struct Slot;
  void loop(Slot& slot);
  void run_once(Slot& slot);

  const Retry retry_;
  const OnFailure on_failure_;
  const OnRecovery on_recovery_;
  const Logger& log_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::thread> threads_;
};

}  // namespace vigie
