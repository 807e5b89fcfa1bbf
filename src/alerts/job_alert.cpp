#include "alerts/job_alert.hpp"

#include "common/alert_rules.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"

namespace vigie::alerts {

std::string job_alert_key(const std::string& job) { return "job_failed:" + job; }

store::AlertRow job_failure_alert(const std::string& job, const std::string& label,
                                  const Error& error, bool will_retry, Instant now) {
  store::AlertRow row;
  row.key = job_alert_key(job);
  row.kind = "job_failed";
  row.audience = std::string{alert_audience_label(AlertAudience::admin)};
  row.title = "Tâche planifiée en échec : " + label;
  row.raised_at = now;
  row.message = "La tâche « " + label + " » (" + job + ") a échoué le " +
                format_date_fr(paris_date(now)) + " à " + format_paris_clock(now) + " : " +
                error.describe() + ". " +
                (will_retry ? "Elle sera relancée automatiquement dans quelques minutes."
                            : "Les nouveaux essais ont échoué aussi ; elle attend son prochain passage.") +
                " À faire : lire les journaux du serveur (job=" + job + ") et GET /api/v1/jobs, "
                "corriger la cause, puis relancer la tâche (POST /api/v1/jobs/" + job + "/run).";
  JsonWriter figures;
  figures.begin_object()
      .field("job", job)
      .field("error", error.describe())
      .field("will_retry", will_retry)
      .end_object();
  row.figures = figures.take();
  return row;
}

}  // namespace vigie::alerts
