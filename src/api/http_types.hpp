// api/http_types.hpp
//
// The request and response that routes see. Routes are plain functions of these, so they are
// tested without sockets; only http_server.cpp knows the HTTP library.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace vigie::api {

struct HttpRequest {
  std::string method;
  std::string path;
  std::string body;
  std::map<std::string, std::string> headers;       // names lower-cased
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> path_params;   // {source} → "erp"

  std::string header(std::string_view name) const;  // "" when absent; name in any case
  std::string query_param(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;
};

}  // namespace vigie::api
