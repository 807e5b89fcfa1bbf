// The ingestion doors over HTTP: POST /api/v1/events (one event or an array).
// Webhooks and file import have their own files.
#include "api/ingest_responses.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"

namespace vigie::api {
namespace {

HttpResponse post_events(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::send_events);
  if (!principal) return json_error(principal.error());
  auto parsed = events::parse_body(request.body, services.config.server.max_batch_events);
  if (!parsed) return json_error(parsed.error());
  const bool was_array = parsed->was_array;
  auto result = services.pipeline.submit(std::move(*parsed));
  if (!result) return json_error(result.error());
  // One event: its refusal is the answer (422). An array: 200 with what happened to each.
  if (!was_array && !result->refused.empty()) return json_error(result->refused.front().error);
  return json_ok(submit_result_body(*result));
}

}  // namespace

std::vector<Route> event_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/events", {}, "/api/v1/events",
       [&services](const HttpRequest& r) { return post_events(services, r); }},
  };
}

}  // namespace vigie::api
