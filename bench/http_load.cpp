#include "bench/http_load.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <optional>
#include <thread>

#include "bench/report.hpp"

namespace vigie::bench {
namespace {

constexpr int kConnectTimeoutSeconds = 5;
constexpr int kReplyTimeoutSeconds = 300;  // a large ClickHouse insert may take a while

std::unique_ptr<httplib::Client> make_client(const HttpTarget& target) {
  auto client = std::make_unique<httplib::Client>(target.host, target.port);
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);
  client->set_connection_timeout(kConnectTimeoutSeconds, 0);
  client->set_read_timeout(kReplyTimeoutSeconds, 0);
  client->set_write_timeout(kReplyTimeoutSeconds, 0);
  httplib::Headers headers;
  for (const auto& [name, value] : target.headers) headers.emplace(name, value);
  client->set_default_headers(std::move(headers));
  return client;
}

HttpReply to_reply(const httplib::Result& result) {
  if (!result) return {0, "no answer: " + httplib::to_string(result.error())};
  return {result->status, result->body};
}

// Shared by the threads of one run: the start gates, the next body to send, the first failure.
struct LoadState {
  explicit LoadState(int connections) : connected(connections) {}
  std::latch connected;  // every connection warmed
  std::latch go{1};      // the clock has started
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  LoadResult result;

  void record(std::vector<double>& latencies, std::uint64_t failures, std::string failure) {
    const std::lock_guard lock(mutex);
    result.requests += latencies.size();
    result.latencies_ms.insert(result.latencies_ms.end(), latencies.begin(), latencies.end());
    result.failures += failures;
    if (result.first_failure.empty()) result.first_failure = std::move(failure);
  }
};

// Opens the connection with a GET; returns why it failed, or "".
std::string warm(httplib::Client& client, const std::string& path) {
  if (path.empty()) return {};
  const HttpReply reply = to_reply(client.Get(path));
  if (reply.status == 200) return {};
  return "warm-up GET " + path + ": " + std::to_string(reply.status) + " " + reply.body.substr(0, 200);
}

void send_bodies(const HttpTarget& target, const LoadPlan& plan,
                 std::span<const std::string> bodies, const ReplyCheck& check, LoadState& state) {
  const auto client = make_client(target);
  std::vector<double> latencies;
  std::uint64_t failures = 0;
  std::string failure = warm(*client, plan.warm_path);
  if (!failure.empty()) {
    ++failures;
    state.failed = true;
  }
  state.connected.count_down();
  state.go.wait();
  while (!state.failed.load(std::memory_order_relaxed)) {
    const std::size_t index = state.next.fetch_add(1, std::memory_order_relaxed);
    if (index >= bodies.size()) break;
    const Stopwatch watch;
    const HttpReply reply = to_reply(client->Post(plan.path, bodies[index], plan.content_type));
    latencies.push_back(watch.seconds() * 1e3);
    std::string wrong = reply.status == 0 ? reply.body : check(index, reply);
    if (!wrong.empty()) {
      ++failures;
      failure = "request " + std::to_string(index) + ": " + wrong;
      state.failed = true;
    }
  }
  state.record(latencies, failures, std::move(failure));
}

}  // namespace

HttpReply http_get(const HttpTarget& target, const std::string& path) {
  return to_reply(make_client(target)->Get(path));
}

HttpReply http_post(const HttpTarget& target, const std::string& path, const std::string& body,
                    const std::string& content_type) {
  return to_reply(make_client(target)->Post(path, body, content_type));
}

LoadResult run_load(const HttpTarget& target, const LoadPlan& plan,
                    std::span<const std::string> bodies, const ReplyCheck& check) {
  const int connections = std::max(plan.connections, 1);
  LoadState state(connections);
  std::optional<Stopwatch> watch;
  {
    std::vector<std::jthread> threads;
    for (int i = 0; i < connections; ++i) {
      threads.emplace_back([&] { send_bodies(target, plan, bodies, check, state); });
    }
    state.connected.wait();
    watch.emplace();
    state.go.count_down();
  }
  state.result.seconds = watch->seconds();
  return std::move(state.result);
}

}  // namespace vigie::bench
