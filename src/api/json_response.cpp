#include "api/json_response.hpp"

#include "common/json_writer.hpp"

namespace vigie::api {

int http_status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid: return 422;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::unauthorized: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::too_large: return 413;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::io:
    case ErrorCode::internal: return 500;
  }
  return 500;
}

std::string error_body(const Error& error) {
  JsonWriter out;
  out.begin_object().key("error").begin_object().field("code", error_code_name(error.code));
  if (!error.field.empty()) out.field("field", error.field);
  out.field("message", error.message).end_object().end_object();
  return out.take();
}

HttpResponse json_error(const Error& error) {
  return HttpResponse{http_status_for(error.code), "application/json", error_body(error), {}};
}

HttpResponse json_error(int status, ErrorCode code, std::string message) {
  return HttpResponse{status, "application/json", error_body(Error::make(code, std::move(message))),
                      {}};
}

HttpResponse json_ok(std::string body, int status) {
  return HttpResponse{status, "application/json", std::move(body), {}};
}

}  // namespace vigie::api
