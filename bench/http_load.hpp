// bench/http_load.hpp
//
// HTTP as a benchmark client speaks it: single requests for setup and checks, and a load run
// that sends pre-built bodies over N keep-alive connections, one thread per connection, each
// taking the next body in order, timing every request. The only file of bench/ that sees
// cpp-httplib.
// Thread-safe: run_load starts and joins its own threads; the check is called from them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace vigie::bench {

struct HttpTarget {
  std::string host = "127.0.0.1";
  int port = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // sent with every request
};

struct HttpReply {
  int status = 0;     // 0 when no answer came
  std::string body;   // or, with status 0, why no answer came
};

// One request on a fresh connection: for setup, readiness and counts, not for timing.
HttpReply http_get(const HttpTarget& target, const std::string& path);
HttpReply http_post(const HttpTarget& target, const std::string& path, const std::string& body,
                    const std::string& content_type);

// Returns "" when the reply to bodies[index] is as expected, else what is wrong with it.
using ReplyCheck = std::function<std::string(std::size_t index, const HttpReply& reply)>;

struct LoadPlan {
  std::string path;
  std::string content_type = "application/json";
  int connections = 1;
  // GET on each connection before the clock starts, so that only keep-alive traffic is timed
  // (connection set-up is not); empty: none.
  std::string warm_path;
};

struct LoadResult {
  std::uint64_t requests = 0;         // sent (answered or not)
  double seconds = 0;                 // wall time from the first POST to the last answer
  std::vector<double> latencies_ms;   // one per answered request
  std::uint64_t failures = 0;
  std::string first_failure;          // empty when every reply passed the check
};

// POSTs every body once, after every connection is open. Stops early (all threads) after the
// first failed request or check.
LoadResult run_load(const HttpTarget& target, const LoadPlan& plan,
                    std::span<const std::string> bodies, const ReplyCheck& check);

}  // namespace vigie::bench
