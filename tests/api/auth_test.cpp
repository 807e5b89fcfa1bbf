// Tokens and roles: what each role may send to POST /api/v1/events (over a real server), the
// token cache's time to live after a revocation, the Bearer scheme, and `vigie token` itself.
#include <gtest/gtest.h>
#include <httplib.h>

#include "api/auth.hpp"
#include "support/api_server.hpp"
#include "support/child_process.hpp"
#include "support/json_edit.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using events::EventType;
using store::Role;

constexpr const char* kAt = "2026-02-03T17:30:00+01:00";

// A report.submitted on CH-1; `actor` empty leaves actor_id out.
std::string report_json(const std::string& id, const std::string& actor,
                        const std::string& source = "mobile", int writing_minutes = 12) {
  std::string json = R"({"id":")" + id + R"(","type":"report.submitted","site_id":"CH-1",)" +
                     R"("occurred_at":")" + kAt + R"(","source":")" + source + "\",";
  if (!actor.empty()) json += R"("actor_id":")" + actor + "\",";
  return json + R"("data":{"report_id":"CR-)" + id + R"(","kind":"journalier","writing_minutes":)" +
         std::to_string(writing_minutes) + R"(,"sent_to_client":false}})";
}

// --- the role table ---------------------------------------------------------------------------

struct RoleCase {
  Role role;
  EventType type;
  bool allowed;
};
constexpr RoleCase kRoleCases[] = {
    {Role::chief, EventType::report_submitted, true},
    {Role::chief, EventType::incident_opened, true},
    {Role::chief, EventType::timesheet_recorded, true},
    {Role::chief, EventType::budget_revised, false},
    {Role::chief, EventType::expense_recorded, false},
    {Role::chief, EventType::incident_resolved, false},
    {Role::chief, EventType::person_upserted, false},
    {Role::design_office, EventType::incident_taken, true},
    {Role::design_office, EventType::plan_modified, true},
    {Role::design_office, EventType::person_upserted, false},
    {Role::design_office, EventType::budget_revised, false},
    {Role::manager, EventType::budget_revised, true},
    {Role::manager, EventType::site_upserted, true},
    {Role::manager, EventType::request_resolved, true},
    {Role::manager, EventType::plan_modified, false},
    {Role::manager, EventType::team_upserted, false},
    {Role::direction, EventType::app_used, false},
    {Role::ingest, EventType::weather_forecast, true},
    {Role::admin, EventType::person_upserted, true},
};

TEST(RolePolicy, EachRoleSendsOnlyItsEventTypes) {
  for (const RoleCase& c : kRoleCases) {
    SCOPED_TRACE(std::string{store::role_name(c.role)} + " " +
                 std::string{events::type_name(c.type)});
    EXPECT_EQ(role_may_send(c.role, c.type), c.allowed);
  }
}

TEST(RolePolicy, CountsOfAllowedTypesPerRole) {
  const auto count = [](Role role) {
    int n = 0;
    for (std::size_t t = 0; t < events::kEventTypeCount; ++t) {
      n += role_may_send(role, static_cast<EventType>(t)) ? 1 : 0;
    }
    return n;
  };
  EXPECT_EQ(count(Role::ingest), 23);  // all but incident.classified and plan.accepted, Vigie's own
  EXPECT_EQ(count(Role::admin), 23);
  EXPECT_EQ(count(Role::manager), 10);
  EXPECT_EQ(count(Role::design_office), 5);
  EXPECT_EQ(count(Role::chief), 9);
  EXPECT_EQ(count(Role::direction), 0);
}

TEST(RolePolicy, ImportIsForSystemsOnly) {
  EXPECT_TRUE(role_allows(Role::ingest, Permission::import_files));
  EXPECT_TRUE(role_allows(Role::admin, Permission::import_files));
  for (const Role role : {Role::direction, Role::manager, Role::design_office, Role::chief}) {
    EXPECT_FALSE(role_allows(role, Permission::import_files));
  }
}

// --- the token cache --------------------------------------------------------------------------

class TokenCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened);
    store_ = std::move(*opened);
    token_ = *create_token(*store_, Role::ingest, "", "erp", Instant{});
    auth_ = std::make_unique<Authenticator>(*store_, kTokenCacheTtl, [this] { return now_; });
  }
  HttpRequest request(const std::string& authorization) const {
    HttpRequest r;
    r.headers["authorization"] = authorization;
    return r;
  }

  vigie::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::string token_;
  std::chrono::steady_clock::time_point now_{};
  std::unique_ptr<Authenticator> auth_;
};

TEST_F(TokenCacheTest, RevokedTokenIsRefusedOnceItsCacheEntryExpires) {
  ASSERT_TRUE(auth_->authenticate(request("Bearer " + token_), Permission::send_events));
  ASSERT_TRUE(*store_->revoke_token(sha256_hex(token_)));
  now_ += kTokenCacheTtl - std::chrono::seconds{1};  // still cached: no store read per request
  EXPECT_TRUE(auth_->authenticate(request("Bearer " + token_), Permission::send_events));
  now_ += std::chrono::seconds{1};
  const auto refused = auth_->authenticate(request("Bearer " + token_), Permission::send_events);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unauthorized);
  EXPECT_EQ(refused.error().message, "unknown token");
  EXPECT_EQ(kTokenCacheTtl, std::chrono::seconds{30});
}

TEST_F(TokenCacheTest, BearerSchemeInAnyCase) {
  for (const std::string scheme : {"Bearer ", "bearer ", "BEARER ", "bEaReR   "}) {
    SCOPED_TRACE(scheme);
    EXPECT_TRUE(auth_->authenticate(request(scheme + token_), Permission::send_events));
  }
  for (const std::string& bad : std::vector<std::string>{"Bearer", "Bearer ", "Basic " + token_,
                                                         "Bearer" + token_, token_}) {
    SCOPED_TRACE(bad);
    const auto refused = auth_->authenticate(request(bad), Permission::send_events);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "missing bearer token");
  }
}

// --- the event API over HTTP -----------------------------------------------------------------

class RolesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    constexpr const char* kStart = "2026-01-05T08:00:00+01:00";
    std::vector<events::Event> company;
    company.push_back(testing::event_from(testing::site_json("s1", "CH-1", kStart)));
    company.push_back(testing::event_from(testing::person_json("p1", "P-0042", kStart, "chief")));
    company.push_back(
        testing::event_from(testing::person_json("p2", "P-0077", kStart, "design_office")));
    ASSERT_TRUE(server_.store().append(company));
    chief_token_ = server_.token(Role::chief, "P-0042");
    design_token_ = server_.token(Role::design_office, "P-0077");
    manager_token_ = server_.token(Role::manager, "P-0042");
    ASSERT_TRUE(server_.start());
    client_ = &server_.client();
  }

  httplib::Result post(const std::string& body, const std::string& token,
                       const std::string& path = "/api/v1/events") {
    return server_.post(path, body, token);
  }
  std::uint64_t events_stored() { return *server_.store().event_count() - 3; }  // less the company

  testing::ApiServer server_;
  std::string chief_token_, design_token_, manager_token_;
  httplib::Client* client_ = nullptr;
};

TEST_F(RolesApiTest, ChiefMayNotReviseABudget) {
  const std::string budget = testing::with_member(
      testing::budget_json("b1", "CH-1", kAt, 300000, 120000), "source", R"("erp")");
  auto answer = post(budget, chief_token_);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 403);
  EXPECT_EQ(answer->body,
            R"({"error":{"code":"forbidden","field":"type","message":"not allowed for role chief"}})");
  EXPECT_EQ(events_stored(), 0u);
}

TEST_F(RolesApiTest, ChiefMayNotSpeakForAnotherPerson) {
  auto other = post(report_json("r1", "P-0001"), chief_token_);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(other->body,
            R"({"error":{"code":"forbidden","field":"actor_id","message":"must be the token's person P-0042"}})");
  auto absent = post(report_json("r2", ""), chief_token_);
  EXPECT_EQ(absent->status, 403);
  EXPECT_EQ(absent->body, other->body);
  auto as_erp = post(report_json("r3", "P-0042", "erp"), chief_token_);
  EXPECT_EQ(as_erp->status, 403);
  EXPECT_EQ(as_erp->body,
            R"({"error":{"code":"forbidden","field":"source","message":"must be mobile or web for role chief"}})");
  EXPECT_EQ(events_stored(), 0u);
}

TEST_F(RolesApiTest, ChiefSendsTheirOwnDailyReport) {
  auto answer = post(report_json("r1", "P-0042"), chief_token_);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->body, R"({"accepted":1,"duplicates":0,"refused":[]})");
  EXPECT_EQ(events_stored(), 1u);
}

TEST_F(RolesApiTest, DesignOfficeMayNotOverwriteAPerson) {
  const std::string person = testing::with_member(
      testing::person_json("p9", "P-0042", kAt, "worker"), "actor_id", R"("P-0077")");
  auto answer = post(person, design_token_);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 403);
  EXPECT_EQ(answer->body,
            R"({"error":{"code":"forbidden","field":"type","message":"not allowed for role design_office"}})");
  EXPECT_EQ(events_stored(), 0u);
}

TEST_F(RolesApiTest, ArrayKeepsTheAllowedAndRefusesTheRestByIndex) {
  const std::string body = "[" + report_json("r1", "P-0042") + "," +
                           testing::budget_json("b1", "CH-1", kAt, 300000, 120000) + "," +
                           report_json("r2", "P-0001") + "," +
                           report_json("r3", "P-0042", "mobile", 2000) + "," +
                           report_json("r4", "P-0042", "web") + "]";
  auto answer = post(body, chief_token_);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->body,
            R"({"accepted":2,"duplicates":0,"refused":[)"
            R"({"index":1,"field":"type","message":"not allowed for role chief"},)"
            R"({"index":2,"field":"actor_id","message":"must be the token's person P-0042"},)"
            R"({"index":3,"field":"data.writing_minutes","message":"must be <= 1440"}]})");
  EXPECT_EQ(events_stored(), 2u);
}

TEST_F(RolesApiTest, NoPersonalRoleMayImportFiles) {
  const std::string line = report_json("r1", "P-0042") + "\n";
  for (const std::string& token : {chief_token_, design_token_, manager_token_}) {
    auto answer = post(line, token, "/api/v1/import?format=jsonl");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 403);
  }
  EXPECT_EQ(events_stored(), 0u);
}

TEST_F(RolesApiTest, UnauthorizedAnswersNameTheBearerScheme) {
  auto none = client_->Post("/api/v1/events", report_json("r1", "P-0042"), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  auto forbidden = post(testing::budget_json("b1", "CH-1", kAt, 1, 1), chief_token_);
  EXPECT_EQ(forbidden->status, 403);
  EXPECT_FALSE(forbidden->has_header("WWW-Authenticate"));
  auto lower = client_->Post("/api/v1/events", {{"Authorization", "bearer " + chief_token_}},
                             report_json("r1", "P-0042"), "application/json");
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->status, 200);
  EXPECT_EQ(events_stored(), 1u);
}

// --- `vigie token` ----------------------------------------------------------------------------

class TokenCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened);
    const events::Event person =
        testing::event_from(testing::person_json("p1", "P-0042", kAt, "chief"));
    ASSERT_TRUE((*opened)->append(std::span{&person, 1}));
  }
  vigie::testing::CommandResult token_command(std::vector<std::string> args) {
    args.insert(args.begin(),
                {"--data-dir", dir_.path().string(), "--log-level", "error", "token"});
    return vigie::testing::run_vigie(args);
  }

  vigie::testing::TempDir dir_;
};

TEST_F(TokenCommandTest, PersonalRolesNeedAStoredPerson) {
  EXPECT_EQ(token_command({"create", "--role", "chief", "--person", "P-NOPE-999"}).exit_code, 2);
  EXPECT_EQ(token_command({"create", "--role", "design_office"}).exit_code, 2);
  EXPECT_EQ(token_command({"create", "--role", "manager", "--person", "CH-1"}).exit_code, 2);
  const auto created = token_command({"create", "--role", "chief", "--person", "P-0042"});
  EXPECT_EQ(created.exit_code, 0);
  EXPECT_TRUE(created.out.starts_with("vgt_"));
  EXPECT_EQ(created.out.size(), 4u + 64u + 1u);
  EXPECT_EQ(token_command({"create", "--role", "ingest"}).exit_code, 0);  // systems need no person
}

TEST_F(TokenCommandTest, ListShowsAnIdAndRevokeTakesIt) {
  const std::string token = token_command(
      {"create", "--role", "chief", "--person", "P-0042", "--label", "téléphone"}).out;
  ASSERT_EQ(token.size(), 69u);
  const std::string id = sha256_hex(token.substr(0, 68)).substr(0, kTokenIdLength);
  const auto listed = token_command({"list"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find(id + "   chief          P-0042"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("téléphone"), std::string::npos);
  EXPECT_EQ(listed.out.find(token.substr(4, 12)), std::string::npos);   // never the token
  EXPECT_EQ(listed.out.find(sha256_hex(token.substr(0, 68))), std::string::npos);  // nor its hash
  EXPECT_EQ(token_command({"revoke", "abc"}).exit_code, 2);  // too short to name one token safely
  const auto revoked = token_command({"revoke", id});
  EXPECT_EQ(revoked.exit_code, 0);
  EXPECT_EQ(revoked.out, "revoked " + id + "; running servers refuse it within 30 s\n");
  EXPECT_EQ(token_command({"revoke", token.substr(0, 68)}).exit_code, 2);  // already gone
  EXPECT_EQ(token_command({"list"}).out.find(id), std::string::npos);
}

}  // namespace
}  // namespace vigie::api
