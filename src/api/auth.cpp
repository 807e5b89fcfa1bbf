#include "api/auth.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <optional>

#include "api/json_response.hpp"
#include "api/sessions.hpp"

namespace vigie::api {
namespace {

using events::EventType;
using store::Role;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    hex.push_back(kHex[bytes[i] >> 4]);
    hex.push_back(kHex[bytes[i] & 0xF]);
  }
  return hex;
}

// The role table of auth.hpp, one bit per event type, so the check is a load and a mask.
static_assert(events::kEventTypeCount <= 32, "the role table holds one bit per event type");

constexpr std::uint32_t types_mask(std::initializer_list<EventType> types) {
  std::uint32_t mask = 0;
  for (const EventType type : types) mask |= std::uint32_t{1} << static_cast<unsigned>(type);
  return mask;
}

// Every type a sender may send: not Vigie's own conclusions (events::is_vigie_only).
constexpr std::uint32_t kAllTypes = ((std::uint32_t{1} << events::kEventTypeCount) - 1) &
                                    ~types_mask({EventType::incident_classified,
                                                 EventType::plan_accepted});

// The responsable d'affaire: the site record and its money (what the ERP also sends for them),
// absences, closing the site, and the incidents and material requests they take charge of.
constexpr std::uint32_t kManagerTypes = types_mask({
    EventType::site_upserted, EventType::budget_revised, EventType::expense_recorded,
    EventType::absence_recorded, EventType::site_completed, EventType::incident_taken,
    EventType::incident_resolved, EventType::incident_relabelled, EventType::request_resolved,
    EventType::satisfaction_recorded,
});

// The design office answers: technical incidents (and their corrected labels), questions,
// plan revisions.
constexpr std::uint32_t kDesignOfficeTypes = types_mask({
    EventType::incident_taken, EventType::incident_resolved, EventType::incident_relabelled,
    EventType::request_resolved, EventType::plan_modified,
});

// The site chief's app: what happens on site today. No money, no reference data, no answers
// to their own incidents and requests.
constexpr std::uint32_t kChiefTypes = types_mask({
    EventType::progress_reported, EventType::timesheet_recorded, EventType::trip_recorded,
    EventType::photo_uploaded, EventType::report_submitted, EventType::incident_opened,
    EventType::request_opened, EventType::satisfaction_recorded, EventType::app_used,
});

constexpr std::uint32_t allowed_types(Role role) {
  switch (role) {
    case Role::ingest:
    case Role::admin: return kAllTypes;
    case Role::manager: return kManagerTypes;
    case Role::design_office: return kDesignOfficeTypes;
    case Role::chief: return kChiefTypes;
    case Role::direction: return 0;
  }
  return 0;
}

Error forbidden(std::string field, std::string message) {
  return {ErrorCode::forbidden, std::move(field), std::move(message)};
}

// The token of "Bearer <token>". RFC 7235: the scheme is case-insensitive, then spaces.
std::optional<std::string_view> bearer_token(std::string_view header) {
  constexpr std::string_view kScheme = "bearer";
  if (header.size() <= kScheme.size() || header[kScheme.size()] != ' ') return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return std::nullopt;
  }
  std::string_view token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

}  // namespace

bool role_allows(store::Role role, Permission permission) {
  switch (permission) {
    case Permission::send_events:  // which events: check_event_allowed
      return allowed_types(role) != 0;
    case Permission::import_files:  // imports carry any type, source and actor: systems only
      return role == Role::ingest || role == Role::admin;
    case Permission::read:
      return role != Role::ingest;
    case Permission::administer:
      return role == Role::admin;
  }
  return false;
}

bool role_needs_person(store::Role role) {
  return role == Role::manager || role == Role::design_office || role == Role::chief;
}

bool role_may_send(store::Role role, events::EventType type) {
  return (allowed_types(role) >> static_cast<unsigned>(type) & 1U) != 0;
}

Expected<void> check_event_allowed(const Principal& principal, const events::Event& event) {
  if (!role_may_send(principal.role, event.type)) {
    return forbidden("type", "not allowed for role " + std::string{role_name(principal.role)});
  }
  if (!role_needs_person(principal.role)) return {};
  // A person's token speaks for that person from the app or the web, never as the ERP.
  if (event.source != events::Source::mobile && event.source != events::Source::web) {
    return forbidden("source",
                     "must be mobile or web for role " + std::string{role_name(principal.role)});
  }
  if (principal.person_id.empty()) {
    return forbidden("actor_id", "the token names no person; create a new one with --person");
  }
  // Absent is refused rather than filled in: the stored envelope is the sender's, byte for byte.
  if (event.actor_id != principal.person_id) {
    return forbidden("actor_id", "must be the token's person " + principal.person_id);
  }
  return {};
}

std::string new_token(std::string_view prefix) {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw StartupError{"no randomness from OpenSSL"};
  return std::string{prefix} + to_hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  return to_hex(digest, size);
}

Expected<std::string> create_token(store::Store& store, store::Role role, std::string person_id,
                                   std::string label, Instant now) {
  if (role_needs_person(role)) {
    const std::string role_text{role_name(role)};
    if (person_id.empty()) {
      return Error::invalid("person", "is required for the " + role_text + " role");
    }
    auto known = store.entity_exists(store::EntityKind::person, person_id);
    if (!known) return known.error();
    if (!*known) return Error::invalid("person", "unknown person \"" + person_id + "\"");
  }
  std::string token = new_token();
  auto stored =
      store.put_token({sha256_hex(token), role, std::move(person_id), std::move(label), now});
  if (!stored) return stored.error();
  return token;
}

HttpResponse auth_error_response(const Error& error) {
  HttpResponse response = json_error(error);
  if (response.status == 401) response.headers.emplace("WWW-Authenticate", "Bearer");
  return response;
}

Expected<Principal> Authenticator::authenticate(const HttpRequest& request,
                                                Permission needed) const {
  const std::string header = request.header("authorization");
  Expected<Principal> principal = Error::make(ErrorCode::unauthorized, "missing bearer token or session");
  if (!header.empty()) {
    const auto token = bearer_token(header);
    if (!token) return Error::make(ErrorCode::unauthorized, "missing bearer token");
    principal = principal_for(sha256_hex(*token));
  } else if (const auto cookie = cookie_value(request.header("cookie"), kSessionCookie)) {
    principal = session_principal(request, *cookie);
  }
  if (!principal) return principal;
  if (!role_allows(principal->role, needed)) {
    return Error::make(ErrorCode::forbidden, "the token's role may not do this");
  }
  return principal;
}

Expected<Principal> Authenticator::session_principal(const HttpRequest& request,
                                                    const std::string& cookie) const {
  // SameSite=Strict already keeps other sites' pages from sending the cookie; the origin check
  // also covers browsers without it, for every request that changes something.
  if (request.method != "GET" && request.method != "HEAD") {
    // Behind a reverse proxy the browser's host is the one the proxy forwards.
    const std::string origin = request.header("origin");
    const std::string forwarded = request.header("x-forwarded-host");
    const std::string host = forwarded.empty() ? request.header("host") : forwarded;
    const auto scheme_end = origin.find("://");
    if (scheme_end == std::string::npos || origin.substr(scheme_end + 3) != host) {
      return Error::make(ErrorCode::forbidden, "a signed-in browser's change must come from Vigie's own pages");
    }
  }
  auto found = store_.session(sha256_hex(cookie), instant_now());
  if (!found) return found.error();
  if (!*found) return Error::make(ErrorCode::unauthorized, "the session has expired or was closed");
  const store::UserRow& user = (*found)->second;
  return Principal{user.role, user.person_id, user.email};
}

// From the cache while the entry is fresh; else from the store, which also drops revoked tokens.
Expected<Principal> Authenticator::principal_for(const std::string& hash) const {
  const auto now = now_();
  {
    const std::shared_lock lock(mutex_);
    if (const auto it = cache_.find(hash); it != cache_.end() && now < it->second.expires_at) {
      return it->second.principal;
    }
  }
  auto row = store_.token_by_hash(hash);
  if (!row) return row.error();
  const std::unique_lock lock(mutex_);
  if (!*row) {
    cache_.erase(hash);
    return Error::make(ErrorCode::unauthorized, "unknown token");
  }
  Principal principal{(*row)->role, (*row)->person_id, ""};
  cache_.insert_or_assign(hash, CachedPrincipal{principal, now + cache_ttl_});
  return principal;
}

}  // namespace vigie::api
