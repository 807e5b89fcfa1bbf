#include "api/http_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <regex>

#include "api/json_response.hpp"

namespace vigie::api {
namespace {

HttpRequest convert(const httplib::Request& in, const Route& route) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  if (!route.streams_body) out.body = in.body;
  for (const auto& [name, value] : in.headers) {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers.emplace(std::move(key), value);
  }
  for (const auto& [name, value] : in.params) out.query.emplace(name, value);
  for (std::size_t i = 0; i < route.params.size() && i + 1 < in.matches.size(); ++i) {
    out.path_params[route.params[i]] = in.matches[i + 1];
  }
  return out;
}

void send(const HttpResponse& response, httplib::Response& out) {
  out.status = response.status;
  for (const auto& [name, value] : response.headers) out.set_header(name, value);
  if (!response.stream) {
    out.set_content(response.body, response.content_type);
    return;
  }
  // httplib never compresses text/event-stream, so each piece leaves at once.
  out.set_chunked_content_provider(response.content_type,
                                   [stream = response.stream](std::size_t, httplib::DataSink& sink) {
                                     const bool more = stream([&sink](std::string_view piece) {
                                       return sink.write(piece.data(), piece.size());
                                     });
                                     if (!more) sink.done();
                                     return more;
                                   });
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// An answer given before the body is read (a refusal, or a handler that did not read it) still
// reads and discards up to this much of it, so that the client, still sending, gets the answer
// rather than a reset connection. Past it the connection is closed instead.
constexpr std::size_t kDrainBytes = 1 << 20;

bool is_form(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  return starts_with_ci(type, "application/x-www-form-urlencoded") ||
         starts_with_ci(type, "multipart/");
}

// Refusals decided from the headers. Forms: no route takes one. The body limit: httplib's own
// is set to the largest (a streamed import), so other routes are held to theirs here, from
// Content-Length; a body of unknown length (chunked) goes only to streaming routes, which count
// as they read.
std::optional<HttpResponse> refusal_from_headers(const httplib::Request& req, bool streams,
                                                 std::size_t limit) {
  // An empty body is no form, whatever its type says (`curl -d ''` to run a job or acknowledge).
  if (req.get_header_value("Content-Length") == "0") return std::nullopt;
  if (is_form(req)) {
    return json_error(415, ErrorCode::invalid,
                      "the body must be JSON (application/json) or, for an import, the file itself");
  }
  if (streams) return std::nullopt;
  if (!req.has_header("Content-Length")) {
    return json_error(411, ErrorCode::invalid,
                      "a request body needs a Content-Length (a POST without a body too: "
                      "Content-Length: 0, as curl -d '' sends)");
  }
  if (std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > limit) {
    return json_error(413, ErrorCode::too_large, "the request body is over the size limit");
  }
  return std::nullopt;
}

// Reads and discards the rest of the body, up to kDrainBytes; true when it all came.
bool drain(const httplib::ContentReader& reader) {
  std::size_t seen = 0;
  return reader([&seen](const char*, std::size_t size) {
    seen += size;
    return seen <= kDrainBytes;
  });
}

// Debian's cpp-httplib (0.11) answers a client that accepts "br" with Brotli at quality 11:
// about 1 MB/s, 80 ms for the 70 KB of GET /api/v1/sites, where gzip at zlib's default level
// takes 7 ms for a third more bytes. Every browser accepts both, so the request is told gzip
// only. httplib lends its own (non-const) request object to the pre-routing handler as const.
void prefer_gzip(const httplib::Request& lent) {
  auto& req = const_cast<httplib::Request&>(lent);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  const auto accepted = req.headers.find("Accept-Encoding");
  if (accepted == req.headers.end() || accepted->second.find("br") == std::string::npos) return;
  if (accepted->second.find("gzip") == std::string::npos) {
    req.headers.erase(accepted);  // Brotli only: sent as it is
  } else {
    accepted->second = "gzip";
  }
}

}  // namespace

struct HttpServer::Impl {
  httplib::Server server;
};

HttpServer::HttpServer(ApiServices& services, std::vector<Route> routes)
    : impl_(std::make_unique<Impl>()) {
  auto& server = impl_->server;
  const int threads = services.config.server.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  const std::size_t body_limit = services.config.server.max_body_bytes;
  server.set_payload_max_length(std::max(body_limit, services.config.import_max_body_bytes));
  // A multipart body would be parsed by httplib itself before any handler: refused at once.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    prefer_gzip(req);
    if (!starts_with_ci(req.get_header_value("Content-Type"), "multipart/")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    send(*refusal_from_headers(req, false, 0), res);
    res.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_keep_alive_max_count(1'000'000);
  // cpp-httplib gives each open connection a worker: idle keep-alive connections must not hold
  // them long, or a few dozen idle clients would stall everyone (/healthz included).
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(60, 0);
  // Debian's cpp-httplib sets SO_REUSEPORT, which lets a second `vigie serve` share the port
  // (and split the traffic) instead of failing: keep SO_REUSEADDR only.
  server.set_socket_options([](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_tcp_nodelay(true);

  // Errors produced by the library itself (413 over the body limit, 404 no route) get JSON too.
  std::vector<std::pair<std::regex, std::string>> all_paths;  // pattern, method
  for (const auto& route : routes) all_paths.emplace_back(std::regex{route.pattern}, route.method);
  server.set_error_handler([all_paths](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string allowed;  // methods of the routes at this path, when the method was wrong
    for (const auto& [pattern, method] : all_paths) {
      if (res.status == 404 && std::regex_match(req.path, pattern)) {
        allowed += (allowed.empty() ? "" : ", ") + method;
      }
    }
    if (!allowed.empty()) {
      send(json_error(405, ErrorCode::invalid, "method not allowed; use " + allowed), res);
      res.status = 405;
      res.set_header("Allow", allowed);
    } else if (res.status == 413) {
      send(json_error(413, ErrorCode::too_large, "the request body is over the size limit"), res);
    } else if (res.status == 404) {
      send(json_error(404, ErrorCode::not_found, "no such route"), res);
    } else {
      send(json_error(res.status, ErrorCode::invalid, "bad request"), res);
    }
  });

  for (auto& route : routes) {
    // `reader`: the body of a POST, read here (whole, within the limit) or by a streaming route.
    auto serve = [&services, route, body_limit](const httplib::Request& req,
                                                httplib::Response& res,
                                                const httplib::ContentReader* reader) {
      const auto started = std::chrono::steady_clock::now();
      HttpRequest request = convert(req, route);
      bool body_read = reader == nullptr;
      bool read_tried = false;  // a reader stopped midway cannot be called again
      std::optional<HttpResponse> response;
      if (reader != nullptr) {
        response = refusal_from_headers(req, route.streams_body, body_limit);
        if (!response && route.streams_body) {
          request.read_body = [reader, &body_read, &read_tried](
                                  const std::function<bool(std::string_view)>& sink) {
            read_tried = true;
            body_read = (*reader)([&sink](const char* data, std::size_t size) {
              return sink(std::string_view{data, size});
            });
            return body_read;
          };
        } else if (!response) {
          read_tried = true;
          body_read = (*reader)([&request](const char* data, std::size_t size) {
            request.body.append(data, size);
            return true;
          });
          if (!body_read) response = json_error(400, ErrorCode::invalid, "the body was not received whole");
        }
      }
      if (!response) {
        try {
          response = route.handler(request);
        } catch (const std::exception& error) {
          services.log.error("handler threw", {{"route", route.name}, {"what", error.what()}});
          response = json_error(500, ErrorCode::internal, "internal error");
        }
      }
      if (response->status >= 500) {
        services.log.error("request failed", {{"route", route.name},
                                              {"status", std::to_string(response->status)},
                                              {"body", response->body.substr(0, 300)}});
      }
      // The handler's own time, which the browser's Resource Timing shows beside the time the
      // call took over the network (scripts/first-view.mjs reads both).
      char handled[48];
      std::snprintf(handled, sizeof handled, "app;dur=%.1f",
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
      response->headers["server-timing"] = handled;
      send(*response, res);
      // Answered before the body ended: read the rest if it is small, else close.
      if (!body_read && (read_tried || !drain(*reader))) res.set_header("Connection", "close");
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      services.metrics.record_request(route.name, route.method, response->status, seconds);
    };
    if (route.method == "POST" || route.method == "PUT") {
      auto with_body = [serve](const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) { serve(req, res, &reader); };
      if (route.method == "POST") server.Post(route.pattern, with_body);
      else server.Put(route.pattern, with_body);
      continue;
    }
    auto handler = [serve](const httplib::Request& req, httplib::Response& res) {
      serve(req, res, nullptr);
    };
    if (route.method == "GET") {
      server.Get(route.pattern, handler);
    } else if (route.method == "DELETE") {
      server.Delete(route.pattern, handler);
    }
  }
}

HttpServer::~HttpServer() { stop(); }

Expected<int> HttpServer::start(const std::string& host, int port) {
  auto& server = impl_->server;
  if (port == 0) {
    port_ = server.bind_to_any_port(host);
  } else {
    port_ = server.bind_to_port(host, port) ? port : -1;
  }
  if (port_ <= 0) {
    return Error::make(ErrorCode::io, "cannot listen on " + host + ":" + std::to_string(port));
  }
  thread_ = std::thread([&server] { server.listen_after_bind(); });
  return port_;
}

void HttpServer::stop() {
  if (!thread_.joinable()) return;
  impl_->server.stop();
  thread_.join();
}

}  // namespace vigie::api
