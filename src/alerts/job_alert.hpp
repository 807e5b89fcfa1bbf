// alerts/job_alert.hpp — the admin's alert when a scheduled job fails (issue 9, point 4): what
// failed, when, why (the error), whether it will be retried, and what to do, in French. One
// alert per job while it keeps failing (its key), cleared by the job's next success.
#pragma once

#include <string>

#include "common/error.hpp"
#include "common/time.hpp"
#include "store/rows.hpp"

namespace vigie::alerts {

std::string job_alert_key(const std::string& job);

// `label`: the job in French ("réentraînement du modèle de retard").
store::AlertRow job_failure_alert(const std::string& job, const std::string& label,
                                  const Error& error, bool will_retry, Instant now);

}  // namespace vigie::alerts
