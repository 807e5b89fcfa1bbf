// The job scheduler (common/job_scheduler.hpp): when a timing falls next (Paris wall-clock
// times, winter and summer); a failing job retried after a wait that doubles, then left for its
// next time, each failure reported; a job that throws fails without taking anything down; a
// success after failures reported as a recovery; a job run by hand at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "common/job_scheduler.hpp"

namespace vigie {
namespace {

using namespace std::chrono;

Instant utc(year_month_day day, int hour, int minute) {
  return Instant{sys_days{day} + hours{hour} + minutes{minute}};
}

TEST(JobTiming, NextTimesFallOnParisWallClockTimes) {
  const JobTiming daily = JobTiming::daily_at(2, 30);
  // Winter (UTC+1): 02:30 Paris is 01:30 UTC; from 10:00 UTC, the next day's.
  EXPECT_EQ(daily.next_after(utc(2026y / December / 6d, 10, 0)), utc(2026y / December / 7d, 1, 30));
  EXPECT_EQ(daily.next_after(utc(2026y / December / 6d, 1, 0)), utc(2026y / December / 6d, 1, 30));
  // Summer (UTC+2): 00:30 UTC.
  EXPECT_EQ(daily.next_after(utc(2026y / July / 1d, 0, 0)), utc(2026y / July / 1d, 0, 30));
  // Weekly on Sunday 03:00 Paris: at that very instant, the next is a week on (strictly after).
  const JobTiming weekly = JobTiming::weekly_at(7, 3, 0);
  EXPECT_EQ(weekly.next_after(utc(2026y / December / 6d, 2, 0)), utc(2026y / December / 13d, 2, 0));
  EXPECT_EQ(weekly.next_after(utc(2026y / December / 2d, 12, 0)), utc(2026y / December / 6d, 2, 0));
  EXPECT_EQ(JobTiming::every_seconds(300).next_after(utc(2026y / December / 6d, 2, 0)),
            utc(2026y / December / 6d, 2, 5));
  EXPECT_EQ(weekly.describe(), "weekly 7 03:00");
  EXPECT_EQ(daily.describe(), "daily 02:30");
}

struct Reports {
  std::mutex mutex;
  std::vector<std::string> lines;
  void add(std::string line) {
    const std::lock_guard lock(mutex);
    lines.push_back(std::move(line));
  }
  std::vector<std::string> all() {
    const std::lock_guard lock(mutex);
    return lines;
  }
};

// Waits up to 10 s for `done`.
template <class Done>
bool eventually(Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

TEST(JobScheduler, AFailingJobIsRetriedWithDoublingWaitsThenWaitsForItsNextTime) {
  Reports reports;
  std::atomic<int> calls{0};
  std::vector<steady_clock::time_point> at;
  std::mutex at_mutex;
  Job failing{"flaky", "tâche d'essai", JobTiming::every_seconds(3600), [&](Instant) -> Expected<std::string> {
                const std::lock_guard lock(at_mutex);
                at.push_back(steady_clock::now());
                if (++calls <= 3) return Error::make(ErrorCode::io, "disk full");
                return std::string{"done"};
              }};
  const Logger quiet{LogLevel::error};
  JobScheduler scheduler{{failing}, {2, 100ms},
                         [&](const Job& job, const Error& e, bool retry) {
                           reports.add(job.name + ": " + e.message + (retry ? " (retry)" : " (given up)"));
                         },
                         [&](const std::string& job) { reports.add(job + " recovered"); }, quiet};
  scheduler.start();
  ASSERT_TRUE(scheduler.run_now("flaky"));
  EXPECT_FALSE(scheduler.run_now("nothing"));
  // The run by hand, then two retries after 100 ms and 200 ms; then nothing until its hour.
  ASSERT_TRUE(eventually([&] { return reports.all().size() == 3; }));
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(reports.all(), (std::vector<std::string>{"flaky: disk full (retry)", "flaky: disk full (retry)",
                                                     "flaky: disk full (given up)"}));
  {
    const std::lock_guard lock(at_mutex);
    EXPECT_GE(at[1] - at[0], 99ms);  // times are kept to the millisecond
    EXPECT_GE(at[2] - at[1], 199ms);
  }
  JobState state = scheduler.states().at(0);
  EXPECT_EQ(state.runs, 3u);
  EXPECT_EQ(state.failures, 3u);
  EXPECT_FALSE(state.last_ok);
  EXPECT_EQ(state.last_outcome, "disk full");
  EXPECT_EQ(state.label, "tâche d'essai");
  ASSERT_TRUE(state.next_run);
  EXPECT_GT(*state.next_run - instant_now(), 3500s);  // back on its timing

  // By hand again: it succeeds, and the recovery is told.
  ASSERT_TRUE(scheduler.run_now("flaky"));
  ASSERT_TRUE(eventually([&] { return reports.all().size() == 4; }));
  EXPECT_EQ(reports.all().back(), "flaky recovered");
  ASSERT_TRUE(eventually([&] { return scheduler.states().at(0).last_ok; }));
  state = scheduler.states().at(0);
  EXPECT_EQ(state.runs, 4u);
  EXPECT_EQ(state.last_outcome, "done");
  scheduler.stop();
}

TEST(JobScheduler, AJobThatThrowsFailsAndTheOthersGoOn) {
  Reports reports;
  std::atomic<int> ticks{0};
  const Logger quiet{LogLevel::error};
  JobScheduler scheduler{
      {{"thrower", "lanceur", JobTiming::every_seconds(3600),
        [](Instant) -> Expected<std::string> { throw std::runtime_error("boom"); }},
       {"ticker", "compteur", JobTiming::every_seconds(1), [&](Instant) -> Expected<std::string> {
          ++ticks;
          return std::string{"tick"};
        }}},
      {0, 100ms},
      [&](const Job& job, const Error& e, bool retry) {
        reports.add(job.name + ": " + e.message + (retry ? " (retry)" : ""));
      },
      {}, quiet};
  scheduler.start();
  ASSERT_TRUE(scheduler.run_now("thrower"));
  ASSERT_TRUE(eventually([&] { return reports.all().size() == 1; }));
  EXPECT_EQ(reports.all().front(), "thrower: the job threw: boom");
  ASSERT_TRUE(eventually([&] { return ticks.load() >= 1; }));  // its own thread, its own timing
  scheduler.stop();
}

}  // namespace
}  // namespace vigie
