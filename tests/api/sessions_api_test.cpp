// Signing in to the dashboards over a real server (api/sessions.hpp): the right password opens
// a session whose cookie is HttpOnly, SameSite=Strict and expiring, and reads the API like a
// token of the user's role; a wrong one gets 401 and, the sixth time in 15 minutes, 429 even
// with the right one; a change sent with the cookie from another origin is refused; signing
// out, or removing the user, ends the session at once.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "api/password.hpp"
#include "api/sessions.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

constexpr const char* kEmail = "claire.martin@btp-exemple.fr";
constexpr const char* kPassword = "tour-oxygene-2026";

class SessionsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.store().append(testing::overrunning_site()));
    auto hash = hash_password(kPassword);
    ASSERT_TRUE(hash);
    ASSERT_TRUE(server_.store().put_user({kEmail, store::Role::manager, "P-M", *hash, instant_now()}));
    ASSERT_TRUE(server_.start());
  }

  httplib::Result sign_in(const std::string& email, const std::string& password) {
    return server_.client().Post("/api/v1/session",
                                 R"({"email":")" + email + R"(","password":")" + password + R"("})",
                                 "application/json");
  }

  // The cookie's "vigie_session=…" from a sign-in's Set-Cookie.
  static std::string cookie_of(const httplib::Result& reply) {
    const std::string set = reply->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  }

  httplib::Result get(const std::string& path, const std::string& cookie) {
    return server_.client().Get(path, {{"Cookie", cookie}});
  }

  testing::ApiServer server_;
};

TEST_F(SessionsApiTest, TheRightPasswordOpensASessionThatReadsAsTheUser) {
  EXPECT_EQ(get("/api/v1/kpis", "").value().status, 401);
  const auto wrong = sign_in(kEmail, "tour-oxygene-2025");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_FALSE(wrong->has_header("Set-Cookie"));
  EXPECT_EQ(sign_in("personne@btp-exemple.fr", kPassword)->status, 401);

  const auto signed_in = sign_in("  Claire.Martin@BTP-exemple.fr", kPassword);
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const std::string set = signed_in->get_header_value("Set-Cookie");
  EXPECT_TRUE(set.starts_with("vigie_session=vgs_")) << set;
  for (const char* attribute : {"; Path=/", "; Max-Age=43200", "; HttpOnly", "; SameSite=Strict"}) {
    EXPECT_NE(set.find(attribute), std::string::npos) << attribute << " in " << set;
  }
  EXPECT_EQ(set.find("Secure"), std::string::npos);  // plain HTTP on loopback
  simdjson::dom::parser parser;
  const auto user = parser.parse(signed_in->body);
  EXPECT_EQ(std::string_view{user["role"].get_string().value()}, "manager");
  EXPECT_EQ(std::string_view{user["person_id"].get_string().value()}, "P-M");

  const std::string cookie = cookie_of(signed_in);
  EXPECT_EQ(get("/api/v1/kpis", cookie)->status, 200);
  const auto me = get("/api/v1/session", cookie);
  ASSERT_EQ(me->status, 200);
  simdjson::dom::parser me_parser;
  EXPECT_EQ(std::string_view{me_parser.parse(me->body)["email"].get_string().value()}, kEmail);
  EXPECT_EQ(get("/api/v1/kpis", "vigie_session=vgs_0000")->status, 401);

  // Behind an HTTPS proxy the cookie is Secure.
  const auto proxied = server_.client().Post(
      "/api/v1/session", {{"X-Forwarded-Proto", "https"}},
      R"({"email":")" + std::string{kEmail} + R"(","password":")" + kPassword + R"("})", "application/json");
  EXPECT_NE(proxied->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(SessionsApiTest, AChangeFromAnotherOriginIsRefused) {
  const std::string cookie = cookie_of(sign_in(kEmail, kPassword));
  const std::string own = "http://127.0.0.1:" + std::to_string(server_.port());
  const auto ack = [&](const std::string& origin, const std::string& forwarded_host = "") {
    httplib::Headers headers{{"Cookie", cookie}};
    if (!origin.empty()) headers.emplace("Origin", origin);
    if (!forwarded_host.empty()) headers.emplace("X-Forwarded-Host", forwarded_host);
    return server_.client().Post("/api/v1/alerts/999999/ack", headers, "", "application/json");
  };
  EXPECT_EQ(ack("https://evil.example")->status, 403);
  EXPECT_EQ(ack("")->status, 403);
  EXPECT_EQ(ack(own)->status, 404);  // past authentication: no such alert
  // Behind a proxy: the host it forwards is the browser's.
  EXPECT_EQ(ack("https://vigie.btp-exemple.fr", "vigie.btp-exemple.fr")->status, 404);
  EXPECT_EQ(ack("https://evil.example", "vigie.btp-exemple.fr")->status, 403);
}

TEST_F(SessionsApiTest, SigningOutOrRemovingTheUserEndsTheSessionAtOnce) {
  const std::string first = cookie_of(sign_in(kEmail, kPassword));
  const std::string second = cookie_of(sign_in(kEmail, kPassword));
  const auto out = server_.client().Delete("/api/v1/session", {{"Cookie", first}});
  ASSERT_EQ(out->status, 200);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(get("/api/v1/kpis", first)->status, 401);
  EXPECT_EQ(get("/api/v1/kpis", second)->status, 200);
  ASSERT_TRUE(server_.store().remove_user(kEmail).value());
  EXPECT_EQ(get("/api/v1/kpis", second)->status, 401);
}

TEST_F(SessionsApiTest, FiveFailuresLockTheAddressEvenForTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in(kEmail, "mauvais-" + std::to_string(i))->status, 401);
  const auto locked = sign_in(kEmail, kPassword);
  EXPECT_EQ(locked->status, 429);
  EXPECT_FALSE(locked->has_header("Set-Cookie"));
  // Another address is not locked by them.
  EXPECT_EQ(sign_in("autre@btp-exemple.fr", kPassword)->status, 401);
}

TEST_F(SessionsApiTest, DemoAccountsAreListedOnlyInDemoMode) {
  EXPECT_EQ(server_.client().Get("/api/v1/session/demo-accounts")->status, 404);
}

TEST(SessionCookie, IsFoundAmongOthers) {
  EXPECT_EQ(cookie_value("a=1; vigie_session=vgs_ab12; b=2", kSessionCookie), "vgs_ab12");
  EXPECT_EQ(cookie_value("vigie_session=vgs_cd34", kSessionCookie), "vgs_cd34");
  EXPECT_FALSE(cookie_value("vigie_session_old=1; a=2", kSessionCookie));
  EXPECT_FALSE(cookie_value("", kSessionCookie));
}

TEST(SessionEmail, IsLowerCasedAndMustLookLikeAnAddress) {
  EXPECT_EQ(normalise_email(" Claire.Martin@Demo.Vigie.FR ").value(), "claire.martin@demo.vigie.fr");
  for (const char* bad : {"claire", "claire@", "@vigie.fr", "claire@vigie", "a@b@c.fr", "claire martin@vigie.fr"}) {
    const auto refused = normalise_email(bad);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "email");
  }
}

}  // namespace
}  // namespace vigie::api
