// api/routes.hpp
//
// The route table: each route is a method, a path pattern (a regex whose groups fill the named
// path parameters), a stable name for metrics, and a handler from HttpRequest to HttpResponse.
// Handlers get what they need through ApiServices, built once by `vigie serve`.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "api/change_feed.hpp"
#include "api/http_types.hpp"
#include "api/metrics.hpp"
#include "api/sessions.hpp"
#include "common/config.hpp"
#include "common/log.hpp"
#include "ingest/pipeline.hpp"
#include "store/store.hpp"

namespace vigie {
class JobScheduler;
}
namespace vigie::ingest {
class WebhookReceiver;
}
namespace vigie::alerts {
class AlertRuleBook;
}
namespace vigie::kpi {
class LiveCompany;
}
namespace vigie::models {
class LivePredictions;
}
namespace vigie::models::triage {
class LiveTriage;
}
namespace vigie::models::planning {
class PlanBoard;
}

namespace vigie::api {

struct ApiServices {
  const Config& config;
  const Logger& log;
  store::Store& store;
  ingest::Pipeline& pipeline;
  const Authenticator& auth;
  Metrics& metrics;
  ingest::WebhookReceiver* webhooks = nullptr;  // null when no source is configured
  kpi::LiveCompany* kpis = nullptr;             // the KPI state, kept by the commits
  models::LivePredictions* predictions = nullptr;  // delay predictions, kept by the commits
  models::triage::LiveTriage* triage = nullptr;    // incident triage, kept by the commits
  models::planning::PlanBoard* plans = nullptr;    // suggested plans shown, and their acceptance
  JobScheduler* jobs = nullptr;                    // the scheduled jobs (vigie serve)
  alerts::AlertRuleBook* alert_rules = nullptr;    // the alert rules, changed through the API
  SignIn* sign_in = nullptr;                       // dashboard sessions
  std::vector<DemoAccount> demo_accounts;          // listed at sign-in; empty unless --demo
  ChangeFeed* changes = nullptr;                   // what changed, for GET /api/v1/stream
  std::function<bool()> ready = [] { return true; };
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct Route {
  std::string method;                    // GET, POST, PUT, DELETE
  std::string pattern;                   // "/api/v1/webhooks/([A-Za-z0-9_.-]+)"
  std::vector<std::string> params;       // names of the pattern's groups: {"source"}
  std::string name;                      // for metrics: "/api/v1/webhooks/{source}"
  Handler handler;
  // A streaming route reads its body itself (HttpRequest::read_body), up to
  // import.max_body_bytes; every other route gets it whole, up to server.max_body_bytes.
  bool streams_body = false;
};

std::vector<Route> event_routes(ApiServices& services);
std::vector<Route> operations_routes(ApiServices& services);
std::vector<Route> webhook_routes(ApiServices& services);
std::vector<Route> import_routes(ApiServices& services);
std::vector<Route> kpi_routes(ApiServices& services);
std::vector<Route> prediction_routes(ApiServices& services);
std::vector<Route> site_routes(ApiServices& services);
std::vector<Route> incident_routes(ApiServices& services);
std::vector<Route> incident_queue_routes(ApiServices& services);
std::vector<Route> plan_routes(ApiServices& services);
std::vector<Route> alert_routes(ApiServices& services);
std::vector<Route> alert_rule_routes(ApiServices& services);
std::vector<Route> job_routes(ApiServices& services);
std::vector<Route> session_routes(ApiServices& services);
std::vector<Route> stream_routes(ApiServices& services);

// All routes of the API, in matching order.
std::vector<Route> all_routes(ApiServices& services);

}  // namespace vigie::api
