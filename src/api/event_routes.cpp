// The ingestion doors over HTTP: POST /api/v1/events (one event or an array).
// Webhooks and file import have their own files.
#include "api/ingest_responses.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"

namespace vigie::api {
namespace {

// Moves the events the token's role may not send (auth.hpp's table) to the refusals, by the
// sender's index, so that the rest of a batch is still stored.
void refuse_forbidden(const Principal& principal, events::ParsedBody& parsed) {
  if (principal.role == store::Role::ingest || principal.role == store::Role::admin) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < parsed.events.size(); ++i) {
    const auto allowed = check_event_allowed(principal, parsed.events[i]);
    if (!allowed) {
      parsed.refused.push_back({parsed.positions[i], allowed.error()});
      continue;
    }
    if (kept != i) {
      parsed.events[kept] = std::move(parsed.events[i]);
      parsed.positions[kept] = parsed.positions[i];
    }
    ++kept;
  }
  parsed.events.resize(kept);
  parsed.positions.resize(kept);
}

HttpResponse post_events(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::send_events);
  if (!principal) return auth_error_response(principal.error());
  auto parsed = events::parse_body(request.body, services.config.server.max_batch_events);
  if (!parsed) return json_error(parsed.error());
  refuse_forbidden(*principal, *parsed);
  const bool was_array = parsed->was_array;
  auto result = services.pipeline.submit(std::move(*parsed));
  if (!result) return json_error(result.error());
  // One event: its refusal is the answer (422, or 403 when the role may not send it).
  // An array: 200 with what happened to each.
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
