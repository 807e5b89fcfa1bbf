// POST /api/v1/webhooks/{source}: systems that push. Authenticated by the HMAC signature of the
// source's shared secret (ingest/webhook_receiver.hpp), not by a bearer token. Refusals are
// logged without the secret or the body.
#include <chrono>

#include "api/ingest_responses.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "ingest/webhook_receiver.hpp"

namespace vigie::api {
namespace {

HttpResponse post_webhook(ApiServices& services, const HttpRequest& request) {
  const std::string source = request.path_params.at("source");
  if (services.webhooks == nullptr) {
    return json_error(Error::make(ErrorCode::not_found, "unknown webhook source"));
  }
  const std::string signature = request.header(kSignatureHeader);
  const std::string delivery = request.header(kDeliveryHeader);
  const std::string timestamp = request.header(kTimestampHeader);
  const auto now = instant_now();
  auto result = services.webhooks->handle({source, signature, delivery, timestamp, request.body}, now);
  if (!result) {
    services.log.warn("webhook refused", {{"source", source},
                                          {"delivery", delivery},
                                          {"code", error_code_name(result.error().code)},
                                          {"reason", result.error().describe()}});
    return json_error(result.error());
  }
  return json_ok(submit_result_body(*result));
}

}  // namespace

std::vector<Route> webhook_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/webhooks/([A-Za-z0-9_.-]+)", {"source"}, "/api/v1/webhooks/{source}",
       [&services](const HttpRequest& r) { return post_webhook(services, r); }},
  };
}

}  // namespace vigie::api
