#include "api/http_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>

#include "api/json_response.hpp"

namespace vigie::api {
namespace {

HttpRequest convert(const httplib::Request& in, const Route& route) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  out.body = in.body;
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
  out.set_content(response.body, response.content_type);
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
  server.set_payload_max_length(services.config.server.max_body_bytes);
  server.set_keep_alive_max_count(1'000'000);
  server.set_keep_alive_timeout(30);
  server.set_read_timeout(60, 0);
  server.set_tcp_nodelay(true);

  // Errors produced by the library itself (413 over the body limit, 404 no route) get JSON too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      send(json_error(413, ErrorCode::too_large, "the request body is over the size limit"), res);
    } else if (res.status == 404) {
      send(json_error(404, ErrorCode::not_found, "no such route"), res);
    } else {
      send(json_error(res.status, ErrorCode::invalid, "bad request"), res);
    }
  });

  for (auto& route : routes) {
    auto handler = [&services, route](const httplib::Request& req, httplib::Response& res) {
      const auto started = std::chrono::steady_clock::now();
      HttpResponse response;
      try {
        response = route.handler(convert(req, route));
      } catch (const std::exception& error) {
        services.log.error("handler threw", {{"route", route.name}, {"what", error.what()}});
        response = json_error(500, ErrorCode::internal, "internal error");
      }
      send(response, res);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      services.metrics.record_request(route.name, route.method, response.status, seconds);
    };
    if (route.method == "GET") {
      server.Get(route.pattern, handler);
    } else if (route.method == "POST") {
      server.Post(route.pattern, handler);
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
