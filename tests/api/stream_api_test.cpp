// Live updates (api/change_feed.hpp, GET /api/v1/stream): a commit's events are sorted into
// the topics pages show, a waiter learns every topic changed since what it saw, a quiet wait
// times out with none, closing wakes everyone; over a real server, an accepted event reaches an
// open stream as `event: change` with its topics, and the stream needs a token or session.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api/change_feed.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using namespace std::chrono_literals;

TEST(ChangeFeed, AWaiterLearnsEveryTopicChangedSinceWhatItSaw) {
  ChangeFeed feed;
  const auto start = feed.version();
  const auto quiet = feed.wait_after(start, 10ms);
  EXPECT_EQ(quiet.topics, 0);
  EXPECT_EQ(quiet.version, start);

  const std::vector<events::Event> batch{
      testing::event_from(testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250)),
      testing::event_from(testing::event_json("i1", "incident.opened", "CH-1", "2026-02-03T09:00:00+01:00",
                                              R"({"incident_id":"I-1","description":"Fuite sur la colonne d'eau au R+2"})"))};
  const std::vector<store::AppendStatus> statuses{store::AppendStatus::accepted, store::AppendStatus::accepted};
  feed.on_committed(batch, statuses);
  feed.notify(topic_bit(Topic::alerts));
  const auto both = feed.wait_after(start, 10ms);
  EXPECT_EQ(both.version, start + 2);
  EXPECT_EQ(both.topics, topic_bit(Topic::kpis) | topic_bit(Topic::incidents) | topic_bit(Topic::alerts));
  EXPECT_EQ(topics_json(both.topics), R"({"topics":["kpis","incidents","alerts"]})");
  EXPECT_EQ(feed.wait_after(start + 1, 10ms).topics, topic_bit(Topic::alerts));

  // A duplicate changes nothing: no change at all.
  const std::vector<store::AppendStatus> duplicates{store::AppendStatus::duplicate, store::AppendStatus::duplicate};
  feed.on_committed(batch, duplicates);
  EXPECT_EQ(feed.version(), start + 2);

  // Too far behind to know what changed: everything.
  for (int i = 0; i < 300; ++i) feed.notify(topic_bit(Topic::plans));
  EXPECT_EQ(feed.wait_after(start, 10ms).topics, kAllTopics);

  std::thread closer([&feed] {
    std::this_thread::sleep_for(50ms);
    feed.close();
  });
  const auto closed = feed.wait_after(feed.version(), 10s);
  closer.join();
  EXPECT_TRUE(closed.closed);
}

TEST(StreamApi, AnAcceptedEventReachesAnOpenStream) {
  testing::ApiServer server;
  ASSERT_TRUE(server.store().append(testing::overrunning_site()));
  ASSERT_TRUE(server.start());
  const std::string direction = server.token(store::Role::direction);
  EXPECT_EQ(server.client().Get("/api/v1/stream")->status, 401);

  std::string received;
  std::atomic<bool> opened{false};  // `received` is the listener's until it returns
  std::thread listener([&] {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(30s);
    client.Get("/api/v1/stream", {{"Authorization", "Bearer " + direction}},
               [&](const char* data, std::size_t size) {
                 received.append(data, size);
                 opened = true;
                 const auto change = received.find("event: change");
                 return change == std::string::npos || received.find("\n\n", change) == std::string::npos;
               });
  });
  // Once the stream is open (its first line arrived), an expense is accepted; the listener
  // stops at the change it brings (or after its 30 s read time-out, failing below).
  for (int i = 0; i < 200 && !opened; ++i) std::this_thread::sleep_for(50ms);
  const auto posted = server.post("/api/v1/events",
                                  testing::expense_json("e9", "CH-1", "2026-11-25T10:00:00+01:00", 500),
                                  server.token(store::Role::ingest));
  EXPECT_EQ(posted->status, 200) << posted->body;
  listener.join();
  EXPECT_TRUE(received.starts_with("retry: 5000\n\n")) << received;
  EXPECT_NE(received.find("event: change\ndata: {\"topics\":[\"kpis\"]}\n\n"), std::string::npos) << received;
}

}  // namespace
}  // namespace vigie::api
