#include "bench/clickhouse_server.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace vigie::bench {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds{60};

// Percent-encodes a query string value (RFC 3986 unreserved characters pass).
std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

}  // namespace

std::string default_clickhouse_script() {
  if (const char* path = std::getenv("VIGIE_CLICKHOUSE_SCRIPT"); path != nullptr && *path != 0) {
    return path;
  }
  return VIGIE_CLICKHOUSE_SCRIPT;  // set by bench/CMakeLists.txt
}

Expected<ClickHouseServer> ClickHouseServer::start(ClickHouseOptions options) {
  if (options.script.empty()) options.script = default_clickhouse_script();
  if (!std::filesystem::exists(options.script)) {
    return Error::make(ErrorCode::not_found, "no ClickHouse helper script at " + options.script);
  }
  std::filesystem::create_directories(options.dir);
  auto http_port = free_loopback_port();
  auto tcp_port = free_loopback_port();
  if (!http_port || !tcp_port) return Error::make(ErrorCode::io, "no free port for ClickHouse");
  const std::string log_path = options.dir + "/run.log";
  auto process = ChildProcess::spawn({options.script, "run", options.dir + "/server",
                                      std::to_string(*http_port), std::to_string(*tcp_port)},
                                     log_path);
  if (!process) return process.error();
  ClickHouseServer server(std::move(*process), HttpTarget{"127.0.0.1", *http_port, {}});
  const bool ready = wait_until([&] { return server.query("SELECT 1").has_value(); },
                                [&] { return server.process_.running(); }, kStartTimeout);
  if (!ready) {
    return Error::make(ErrorCode::unavailable,
                       "ClickHouse did not start (see " + log_path + " and " + options.dir +
                           "/server/log/server.err.log)");
  }
  return server;
}

Expected<std::string> ClickHouseServer::query(const std::string& sql) const {
  const HttpReply reply = http_post(target_, "/", sql, "text/plain");
  if (reply.status != 200) {
    return Error::make(ErrorCode::io, "ClickHouse (" + std::to_string(reply.status) +
                                          "): " + reply.body.substr(0, 500));
  }
  return reply.body;
}

std::string ClickHouseServer::insert_path(const std::string& table) {
  return "/?query=" + url_encode("INSERT INTO " + table + " FORMAT JSONEachRow");
}

std::string ClickHouseServer::version() const {
  const auto answer = query("SELECT version()");
  return answer ? answer->substr(0, answer->find_first_of("\r\n")) : std::string{};
}

}  // namespace vigie::bench
