// api/json_response.hpp — JSON responses and the stable error shape
// {"error":{"code":"invalid","field":"data.amount","message":"must be >= 0"}}.
#pragma once

#include <string>

#include "api/http_types.hpp"
#include "common/error.hpp"

namespace vigie::api {

int http_status_for(ErrorCode code);
std::string error_body(const Error& error);
HttpResponse json_error(const Error& error);
HttpResponse json_error(int status, ErrorCode code, std::string message);
HttpResponse json_ok(std::string body, int status = 200);

}  // namespace vigie::api
