// api/http_types.hpp
//
// The request and response that routes see. Routes are plain functions of these, so they are
// tested without sockets; only http_server.cpp knows the HTTP library.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace vigie::api {

// Hands the body over chunk by chunk; the sink returns false to stop. Returns false when the
// body could not be read whole (connection lost, over the size limit, or the sink stopped).
using BodyReader = std::function<bool(const std::function<bool(std::string_view)>& sink)>;

struct HttpRequest {
  std::string method;
  std::string path;
  std::string body;        // empty for a route that streams its body (read_body instead)
  BodyReader read_body;    // set only for a route that streams its body
  std::map<std::string, std::string> headers;       // names lower-cased
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> path_params;   // {source} → "erp"

  std::string header(std::string_view name) const;  // "" when absent; name in any case
  std::string query_param(std::string_view name) const;
};

// Writes a streamed response piece by piece (server-sent events): called again and again, it
// writes what it has through `write` (false once the client is gone) and returns whether to go
// on. It may block while it waits for something to send.
using BodyWriter = std::function<bool(const std::function<bool(std::string_view)>& write)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;
  BodyWriter stream = {};  // set: the body is streamed (chunked) instead of `body`
};

}  // namespace vigie::api
