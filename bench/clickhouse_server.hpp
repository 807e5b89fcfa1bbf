// bench/clickhouse_server.hpp
//
// A throwaway local ClickHouse server, the peer that column-store figures are measured against:
// started through scripts/clickhouse-server (`run`, so the child *is* the server) on free
// loopback ports with its data under a temporary directory, stopped with SIGTERM.
// Not thread-safe; target() may be copied to any thread.
#pragma once

#include <string>

#include "bench/child_process.hpp"
#include "bench/http_load.hpp"
#include "common/expected.hpp"

namespace vigie::bench {

struct ClickHouseOptions {
  std::string script;  // path of scripts/clickhouse-server; empty: default_clickhouse_script()
  std::string dir;     // config, data and logs go under it (created if missing)
};

// The helper script's path in this source tree (compiled in), or $VIGIE_CLICKHOUSE_SCRIPT.
std::string default_clickhouse_script();

class ClickHouseServer {
 public:
  // Returns once `SELECT 1` answers on the HTTP port; the error says why not (no binary…).
  static Expected<ClickHouseServer> start(ClickHouseOptions options);

  const HttpTarget& target() const { return target_; }
  pid_t pid() const { return process_.pid(); }

  // "18.16.1"; empty if the server does not say.
  std::string version() const;
  // Runs one statement over HTTP; returns the reply body (tab-separated for SELECTs).
  Expected<std::string> query(const std::string& sql) const;
  // "INSERT INTO <table> FORMAT JSONEachRow" as a URL path, for bodies of rows.
  static std::string insert_path(const std::string& table);

  int stop() { return process_.stop(); }

 private:
  ClickHouseServer(ChildProcess process, HttpTarget target)
      : process_(std::move(process)), target_(std::move(target)) {}

  ChildProcess process_;
  HttpTarget target_;
};

}  // namespace vigie::bench
