// Durability: a real `vigie serve` is killed with SIGKILL while clients send events; every event
// it acknowledged must be in the store afterwards, and the server must start again.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "store/store.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie {
namespace {

using testing::ChildServer;

std::string token_for(const std::string& data_dir) {
  const auto created = testing::run_vigie({"--data-dir", data_dir, "token", "create", "--role", "ingest"});
  EXPECT_EQ(created.exit_code, 0);
  std::string token = created.out;
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  return token;
}

// Sends batches of 10 events with unique ids until the server stops answering; records the ids
// of every batch answered 200 (acknowledged).
void send_until_failure(int port, const std::string& token, int client, std::atomic<bool>& stop,
                        std::mutex& mutex, std::set<std::string>& acknowledged) {
  httplib::Client http("127.0.0.1", port);
  http.set_read_timeout(5, 0);
  const httplib::Headers headers{{"Authorization", "Bearer " + token}};
  for (int batch = 0; !stop; ++batch) {
    std::vector<std::string> ids;
    std::string body = "[";
    for (int i = 0; i < 10; ++i) {
      ids.push_back("c" + std::to_string(client) + "-" + std::to_string(batch) + "-" + std::to_string(i));
      body += (i ? "," : "") + testing::expense_json(ids.back(), "CH-1", "2026-02-03T09:00:00+01:00", 12.5);
    }
    body += "]";
    auto response = http.Post("/api/v1/events", headers, body, "application/json");
    if (!response) return;  // the server is gone
    if (response->status != 200) continue;
    const std::lock_guard lock(mutex);
    acknowledged.insert(ids.begin(), ids.end());
  }
}

TEST(CrashDurability, EveryAcknowledgedEventSurvivesKill9) {
  testing::TempDir dir;
  const std::string data_dir = dir.path().string();
  const std::string token = token_for(data_dir);
  const int port = testing::free_port();
  std::set<std::string> acknowledged;
  {
    ChildServer server({"--data-dir", data_dir, "--log-level", "warn", "serve", "--port", std::to_string(port)});
    ASSERT_TRUE(testing::wait_ready(port, 30));
    httplib::Client http("127.0.0.1", port);
    auto site = http.Post("/api/v1/events", {{"Authorization", "Bearer " + token}},
                          testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"), "application/json");
    ASSERT_TRUE(site);
    ASSERT_EQ(site->status, 200);

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&, c] { send_until_failure(port, token, c, stop, mutex, acknowledged); });
    }
    // Kill once a good number of batches were acknowledged, while clients are mid-flight.
    for (int i = 0; i < 600; ++i) {
      {
        const std::lock_guard lock(mutex);
        if (acknowledged.size() >= 3000) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    server.kill_hard();
    stop = true;
    for (auto& client : clients) client.join();
  }
  ASSERT_GE(acknowledged.size(), 100u);

  auto store = store::open_store({"sqlite", data_dir + "/vigie.sqlite", true});
  ASSERT_TRUE(store) << store.error().describe();
  std::set<std::string> stored;
  ASSERT_TRUE((*store)->scan_events(0, 100'000'000, [&](std::int64_t, const events::Event& e) { stored.insert(e.id); }));
  std::size_t missing = 0;
  for (const auto& id : acknowledged) missing += stored.contains(id) ? 0 : 1;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged events";
  store->reset();

  ChildServer restarted({"--data-dir", data_dir, "--log-level", "warn", "serve", "--port", std::to_string(port)});
  EXPECT_TRUE(testing::wait_ready(port, 30));
  EXPECT_EQ(restarted.terminate(), 0);  // SIGTERM: clean exit
}

}  // namespace
}  // namespace vigie
