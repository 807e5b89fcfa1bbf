// The scheduler in a running server (issue 9, point 4): GET /api/v1/jobs lists the seven jobs
// with their timings; an admin runs the KPI snapshot by hand and sees its run, its account and
// its metrics; a job that fails (triage retraining from a corpus that is not there) raises one
// admin alert with the error and the server goes on; roles are kept (manager 403, unknown 404).
// The coming week's plan is prepared at start and solved again only when its data change.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <chrono>
#include <thread>

#include "common/iso_week.hpp"
#include "common/paris_time.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

class JobsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.config().jobs.retries = 0;
    server_.config().triage.corpus_dir = server_.dir().file("no-corpus-here");
    ASSERT_TRUE(server_.store().append(testing::overrunning_site()));
    admin_ = server_.token(store::Role::admin);
    manager_ = server_.token(store::Role::manager, "P-M");
    ASSERT_TRUE(server_.start());
  }

  std::string get(const std::string& path, const std::string& token, int status = 200) {
    const auto reply = server_.client().Get(path, {{"Authorization", "Bearer " + token}});
    EXPECT_TRUE(reply);
    if (!reply) return {};
    EXPECT_EQ(reply->status, status) << path << ": " << reply->body;
    return reply->body;
  }

  // The job's object in GET /api/v1/jobs once `ready` holds for it (up to 60 s).
  template <class Ready>
  std::string job_when(const std::string& name, Ready ready) {
    std::string found;
    for (int i = 0; i < 600; ++i) {
      simdjson::dom::parser parser;
      const std::string body = get("/api/v1/jobs", admin_);
      for (auto job : parser.parse(body)["jobs"].get_array()) {
        if (std::string_view{job["name"].get_string().value()} != name) continue;
        found = simdjson::minify(job);
        if (ready(job)) return found;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "job " << name << " never got there: " << found;
    return found;
  }

  testing::ApiServer server_;
  std::string admin_, manager_;
};

TEST_F(JobsApiTest, JobsAreListedRunByHandMeasuredAndTheirFailuresAlertTheAdmin) {
  simdjson::dom::parser parser;
  const std::string listed = get("/api/v1/jobs", admin_);
  std::vector<std::string> names;
  for (auto job : parser.parse(listed)["jobs"].get_array()) {
    names.emplace_back(job["name"].get_string().value());
    if (names.back() == "plan_suggestion") continue;  // runs at start
    EXPECT_EQ(job["runs"].get_uint64().value(), 0u);
    EXPECT_TRUE(job["last_ok"].is_null());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"alert_evaluation", "kpi_snapshot", "site_scoring", "drift_check", "retrain_delay",
                                             "retrain_triage", "plan_suggestion"}));
  EXPECT_NE(listed.find(R"("timing":"weekly 7 03:00")"), std::string::npos) << listed;
  EXPECT_NE(listed.find(R"("timing":"every 900 s")"), std::string::npos) << listed;
  EXPECT_NE(listed.find(R"("label":"réentraînement du modèle de retard")"), std::string::npos) << listed;

  const auto run = server_.post("/api/v1/jobs/kpi_snapshot/run", "", admin_);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->status, 202) << run->body;
  const std::string snapshot = job_when("kpi_snapshot", [](auto job) { return job["runs"].get_uint64().value() == 1; });
  EXPECT_NE(snapshot.find(R"("last_ok":true)"), std::string::npos) << snapshot;
  EXPECT_NE(snapshot.find(R"("last_outcome":"saved up to event 4")"), std::string::npos) << snapshot;
  const std::string metrics = get("/metrics", admin_);
  EXPECT_NE(metrics.find("vigie_job_runs_total{job=\"kpi_snapshot\"} 1\n"), std::string::npos);
  EXPECT_NE(metrics.find("vigie_job_failures_total{job=\"kpi_snapshot\"} 0\n"), std::string::npos);
  EXPECT_NE(metrics.find("# TYPE vigie_job_runs_total counter\n"), std::string::npos);

  // Without a delay model, scoring and drift have nothing to do, and say so.
  ASSERT_EQ(server_.post("/api/v1/jobs/site_scoring/run", "", admin_)->status, 202);
  ASSERT_EQ(server_.post("/api/v1/jobs/drift_check/run", "", admin_)->status, 202);
  const std::string scoring = job_when("site_scoring", [](auto job) { return job["runs"].get_uint64().value() == 1; });
  EXPECT_NE(scoring.find(R"("last_outcome":"no delay model yet: nothing scored")"), std::string::npos) << scoring;
  const std::string drift = job_when("drift_check", [](auto job) { return job["runs"].get_uint64().value() == 1; });
  EXPECT_NE(drift.find(R"("last_outcome":"drift not measured: no delay model serves yet")"), std::string::npos)
      << drift;

  // A job that fails: one admin alert saying which, why, and what to do; the server goes on.
  ASSERT_EQ(server_.post("/api/v1/jobs/retrain_triage/run", "", admin_)->status, 202);
  const std::string failed = job_when("retrain_triage", [](auto job) { return job["failures"].get_uint64().value() == 1; });
  EXPECT_NE(failed.find(R"("last_ok":false)"), std::string::npos) << failed;
  EXPECT_NE(failed.find("no-corpus-here"), std::string::npos) << failed;
  std::string alerts;
  for (int i = 0; i < 100 && alerts.find("job_failed") == std::string::npos; ++i) {
    alerts = get("/api/v1/alerts", admin_);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  simdjson::dom::parser alert_parser;
  int job_alerts = 0;
  for (auto alert : alert_parser.parse(alerts)["alerts"].get_array()) {
    if (std::string_view{alert["kind"].get_string().value()} != "job_failed") continue;
    ++job_alerts;
    EXPECT_EQ(std::string_view{alert["audience"].get_string().value()}, "admin");
    EXPECT_EQ(std::string_view{alert["title"].get_string().value()},
              "Tâche planifiée en échec : réentraînement du tri des incidents");
    const std::string_view message = alert["message"].get_string().value();
    EXPECT_NE(message.find("no-corpus-here"), std::string_view::npos) << message;
    EXPECT_NE(message.find("À faire : lire les journaux du serveur (job=retrain_triage)"), std::string_view::npos)
        << message;
  }
  EXPECT_EQ(job_alerts, 1) << alerts;
  get("/healthz", admin_);

  get("/api/v1/jobs", manager_, 403);
  const auto by_manager = server_.post("/api/v1/jobs/kpi_snapshot/run", "", manager_);
  ASSERT_TRUE(by_manager);
  EXPECT_EQ(by_manager->status, 403);
  const auto unknown = server_.post("/api/v1/jobs/backup/run", "", admin_);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

// The coming week's plan is prepared at start, not solved again while nothing it reads changed,
// and it is the one the planning view gets.
TEST_F(JobsApiTest, TheComingWeeksPlanIsPreparedAtStartAndSolvedOnlyOnce) {
  const std::string week = format_iso_week(monday_after(paris_today()));
  const auto outcome = [](const std::string& job) {
    simdjson::dom::parser parser;
    return std::string{parser.parse(job)["last_outcome"].get_string().value()};
  };
  const std::string prepared = outcome(job_when("plan_suggestion", [](auto job) { return job["runs"].get_uint64().value() == 1; }));
  ASSERT_EQ(prepared.substr(0, week.size() + 10), week + ": plan PL-") << prepared;
  EXPECT_TRUE(prepared.ends_with(" solved")) << prepared;
  const std::string id = prepared.substr(week.size() + 7, prepared.size() - week.size() - 7 - 7);

  ASSERT_EQ(server_.post("/api/v1/jobs/plan_suggestion/run", "", admin_)->status, 202);
  const std::string again = outcome(job_when("plan_suggestion", [](auto job) { return job["runs"].get_uint64().value() == 2; }));
  EXPECT_EQ(again, week + ": plan " + id + " unchanged");
  simdjson::dom::parser parser;
  EXPECT_EQ(std::string_view{parser.parse(get("/api/v1/plans/suggested", admin_))["id"].get_string().value()}, id);
}

}  // namespace
}  // namespace vigie::api
