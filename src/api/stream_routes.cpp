// GET /api/v1/stream — server-sent events for the dashboards' live updates (issue 10): an
// `event: change` whose data is {"topics":[…]} each time something a page shows changed
// (api/change_feed.hpp: kpis, incidents, plans, alerts), and a comment every 15 s so that no
// proxy closes a quiet connection. Any role that reads; the browser's EventSource sends the
// session cookie. Each open stream holds one HTTP worker (server.threads) until the page closes
// or the server stops.
#include <memory>

#include "api/change_feed.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"

namespace vigie::api {
namespace {

constexpr std::chrono::seconds kKeepAlive{15};

HttpResponse get_stream(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (services.changes == nullptr) return json_error(503, ErrorCode::unavailable, "no live updates on this server");
  HttpResponse response{200, "text/event-stream", {}, {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}}};
  struct State {
    std::uint64_t seen = 0;
    bool opened = false;
  };
  auto state = std::make_shared<State>(State{services.changes->version(), false});
  response.stream = [feed = services.changes, state](const std::function<bool(std::string_view)>& write) {
    if (!state->opened) {
      state->opened = true;  // the browser reconnects 5 s after a lost connection
      return write("retry: 5000\n\n");
    }
    const auto change = feed->wait_after(state->seen, kKeepAlive);
    if (change.closed) return false;
    if (change.topics == 0) return write(": keep-alive\n\n");
    state->seen = change.version;
    return write("event: change\ndata: " + topics_json(change.topics) + "\n\n");
  };
  return response;
}

}  // namespace

std::vector<Route> stream_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/stream", {}, "/api/v1/stream",
       [&services](const HttpRequest& r) { return get_stream(services, r); }},
  };
}

}  // namespace vigie::api
