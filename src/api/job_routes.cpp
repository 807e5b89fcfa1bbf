// The scheduled jobs over HTTP (issue 9, point 4), for the people who run Vigie:
//   GET  /api/v1/jobs             each job: timing, runs, failures, the last run (when, how long,
//                                 ok or its error) and the next (admin and direction)
//   POST /api/v1/jobs/{name}/run  runs a job now, on its own thread; 202 (admin only)
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/job_scheduler.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

HttpResponse no_scheduler() {
  return json_error(503, ErrorCode::unavailable, "no job scheduler in this server");
}

HttpResponse get_jobs(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (!principal->oversees_operations()) {
    return json_error(403, ErrorCode::forbidden, "scheduled jobs are for admin and direction tokens");
  }
  if (services.jobs == nullptr) return no_scheduler();
  JsonWriter json;
  json.begin_object().key("jobs").begin_array();
  for (const JobState& job : services.jobs->states()) {
    json.begin_object()
        .field("name", job.name)
        .field("label", job.label)
        .field("timing", job.timing)
        .field("running", job.running)
        .field("runs", job.runs)
        .field("failures", job.failures);
    json.time_field("last_started_at", job.last_started);
    json.key("last_ok");
    if (job.runs == 0) json.null();
    else json.value(job.last_ok);
    json.field("last_seconds", job.last_seconds).field("last_outcome", job.last_outcome);
    json.time_field("next_run_at", job.next_run);
    json.field("retries_left", static_cast<std::int64_t>(job.retries_left)).end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse post_run(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (principal->role != store::Role::admin) {
    return json_error(403, ErrorCode::forbidden, "only an admin token runs a job by hand");
  }
  if (services.jobs == nullptr) return no_scheduler();
  const std::string& name = request.path_params.at("name");
  if (!services.jobs->run_now(name)) return json_error(404, ErrorCode::not_found, "no job " + name);
  JsonWriter json;
  json.begin_object().field("job", name).field("status", "started").end_object();
  HttpResponse response = json_ok(json.take());
  response.status = 202;
  return response;
}

}  // namespace

std::vector<Route> job_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/jobs", {}, "/api/v1/jobs",
       [&services](const HttpRequest& r) { return get_jobs(services, r); }},
      {"POST", "/api/v1/jobs/([a-z_]+)/run", {"name"}, "/api/v1/jobs/{name}/run",
       [&services](const HttpRequest& r) { return post_run(services, r); }},
  };
}

}  // namespace vigie::api
