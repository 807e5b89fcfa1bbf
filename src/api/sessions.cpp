#include "api/sessions.hpp"

#include <algorithm>
#include <cctype>

#include "api/auth.hpp"
#include "api/password.hpp"

namespace vigie::api {
namespace {

constexpr int kMaxFailures = 5;
constexpr std::chrono::minutes kFailureWindow{15};
constexpr std::size_t kFailuresKept = 10'000;  // addresses tracked before expired ones are swept

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string cookie_attributes(std::chrono::seconds max_age, bool secure) {
  return "; Path=/; Max-Age=" + std::to_string(max_age.count()) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name) {
      return std::string{trim(pair.substr(equals + 1))};
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::string session_cookie(const std::string& value, std::chrono::seconds lifetime, bool secure) {
  return std::string{kSessionCookie} + "=" + value + cookie_attributes(lifetime, secure);
}

std::string cleared_session_cookie(bool secure) {
  return std::string{kSessionCookie} + "=" + cookie_attributes(std::chrono::seconds{0}, secure);
}

Expected<std::string> normalise_email(std::string_view email) {
  std::string out{trim(email)};
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = out.find('@');
  const bool plain = std::all_of(out.begin(), out.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '@' || c == '.' || c == '-' || c == '_' || c == '+';
  });
  if (!plain || at == std::string::npos || at == 0 || at + 1 == out.size() ||
      out.find('@', at + 1) != std::string::npos || out.find('.', at) == std::string::npos ||
      out.size() > 254) {
    return Error::invalid("email", "must be an e-mail address (name@domain)");
  }
  return out;
}

SignIn::SignIn(store::Store& store, std::chrono::seconds lifetime) : store_(store), lifetime_(lifetime) {}

Expected<SignIn::Opened> SignIn::open(std::string_view email_text, std::string_view password, Instant now) {
  const Error wrong = Error::make(ErrorCode::unauthorized, "wrong e-mail or password");
  auto email = normalise_email(email_text);
  if (!email) return wrong;
  if (throttled(*email, now)) {
    return Error::make(ErrorCode::rate_limited,
                       "too many failed sign-ins for this address; try again in 15 minutes");
  }
  auto user = store_.user(*email);
  if (!user) return user.error();
  if (!*user) {
    std::call_once(decoy_once_, [this] {
      auto decoy = hash_password("no such user");
      if (decoy) decoy_hash_ = std::move(*decoy);
    });
    password_matches(decoy_hash_, password);  // the same work as for a known address
  }
  const bool matches = *user && password_matches((*user)->password_hash, password);
  if (!matches) {
    record_failure(*email, now);
    return wrong;
  }
  {
    const std::lock_guard lock(mutex_);
    failures_.erase(*email);
  }
  Opened opened{new_token("vgs_"), std::move(**user), now + lifetime_};
  auto stored = store_.add_session({sha256_hex(opened.cookie), opened.user.email, now, opened.expires_at});
  if (!stored) return stored.error();
  return opened;
}

Expected<bool> SignIn::close(const std::string& cookie) { return store_.remove_session(sha256_hex(cookie)); }

bool SignIn::throttled(const std::string& email, Instant now) {
  const std::lock_guard lock(mutex_);
  const auto found = failures_.find(email);
  return found != failures_.end() && found->second.count >= kMaxFailures &&
         now - found->second.since < kFailureWindow;
}

void SignIn::record_failure(const std::string& email, Instant now) {
  const std::lock_guard lock(mutex_);
  if (failures_.size() >= kFailuresKept) {
    std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.since >= kFailureWindow; });
  }
  Failures& failures = failures_[email];
  if (now - failures.since >= kFailureWindow) failures = {0, now};
  ++failures.count;
}

}  // namespace vigie::api
