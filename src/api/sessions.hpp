// api/sessions.hpp
//
// Signing in to the dashboards (issue 10): an e-mail and password checked against the stored
// Argon2id hash open a session, whose random value travels in a cookie that scripts cannot
// read (HttpOnly), that no other site's page sends (SameSite=Strict) and that expires
// (server.session_hours); the store keeps only its SHA-256. An address that fails five times in
// 15 minutes is refused for the rest of those 15 minutes (429), whatever the password: a guesser
// gets 20 tries an hour. An unknown address costs the same hash check as a known one, so the
// answer's delay does not tell which addresses exist. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/expected.hpp"
#include "store/store.hpp"

namespace vigie::api {

inline constexpr std::string_view kSessionCookie = "vigie_session";

// The value of cookie `name` in a Cookie header ("a=1; vigie_session=vgs_…"), if any.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// The Set-Cookie value opening a session for `lifetime` (Secure when the request came through
// HTTPS, as a proxy in front says), and the one closing it.
std::string session_cookie(const std::string& value, std::chrono::seconds lifetime, bool secure);
std::string cleared_session_cookie(bool secure);

// "bob@Example.FR " → "bob@example.fr"; refused naming "email" unless it looks like name@domain.
Expected<std::string> normalise_email(std::string_view email);

// The password of every demo account, shown by the sign-in page in demo mode.
inline constexpr std::string_view kDemoPassword = "demo";

// An account `vigie serve --demo` creates, which the sign-in page lists in demo mode only.
struct DemoAccount {
  std::string email;
  store::Role role = store::Role::direction;
  std::string person_id;
  std::string name;  // "Claire Martin", or what the account is for ("Direction")
};

class SignIn {
 public:
  SignIn(store::Store& store, std::chrono::seconds lifetime);

  struct Opened {
    std::string cookie;  // the session's value, shown once
    store::UserRow user;
    Instant expires_at{};
  };
  // unauthorized ("wrong e-mail or password") or rate_limited; the store's error otherwise.
  Expected<Opened> open(std::string_view email, std::string_view password, Instant now);
  // Ends the session of this cookie value; false when there was none.
  Expected<bool> close(const std::string& cookie);

  std::chrono::seconds lifetime() const { return lifetime_; }

 private:
  struct Failures {
    int count = 0;
    Instant since{};
  };
  bool throttled(const std::string& email, Instant now);
  void record_failure(const std::string& email, Instant now);

  store::Store& store_;
  const std::chrono::seconds lifetime_;
  std::mutex mutex_;
  std::map<std::string, Failures> failures_;  // by e-mail, within the window
  std::once_flag decoy_once_;
  std::string decoy_hash_;  // checked for unknown addresses; made at the first one
};

}  // namespace vigie::api
