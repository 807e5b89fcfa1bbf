// api/auth.hpp
//
// Bearer tokens with roles. A token is 32 random bytes shown once at creation; the store keeps
// only its SHA-256, so a stolen database does not yield usable tokens. Lookups are cached in
// memory (hash → principal) because every request authenticates; an entry lives kTokenCacheTtl,
// so a token revoked in the store stops working within that delay, without a restart.
// Thread-safe.
//
// What each role may send to POST /api/v1/events (check_event_allowed), from who emits what
// in data.md and the demo company:
//
//   role           event types                                              actor_id, source
//   ingest, admin  all 23 (system integrations: ERP, batch, weather)        any
//   manager        site.upserted, budget.revised, expense.recorded,         the token's person;
//                  absence.recorded, site.completed, incident.taken,        mobile or web
//                  incident.resolved, incident.relabelled, request.resolved,
//                  satisfaction.recorded
//   design_office  incident.taken, incident.resolved, incident.relabelled,  the token's person;
//                  request.resolved, plan.modified                          mobile or web
//   chief          progress.reported, timesheet.recorded, trip.recorded,    the token's person;
//                  photo.uploaded, report.submitted, incident.opened,       mobile or web
//                  request.opened, satisfaction.recorded, app.used
//   direction      none (reads only)
#pragma once

#include <chrono>
#include <functional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/http_types.hpp"
#include "common/expected.hpp"
#include "events/event.hpp"
#include "store/store.hpp"

namespace vigie::api {

struct Principal {
  store::Role role = store::Role::ingest;
  std::string person_id;  // manager, design_office and chief: who they are
  std::string user;       // a dashboard user's e-mail, when signed in by a session

  // Who did something, as recorded (an accepted plan, an acknowledged alert): the person, else
  // the signed-in user, else the role of a token that stands for no one.
  std::string who() const {
    if (!person_id.empty()) return person_id;
    return user.empty() ? std::string{store::role_name(role)} : user;
  }
  // Who oversees how Vigie runs (alert deliveries, scheduled jobs): admin and direction tokens.
  bool oversees_operations() const { return role == store::Role::admin || role == store::Role::direction; }
};

enum class Permission { send_events, import_files, read, administer };

bool role_allows(store::Role role, Permission permission);

// Roles that stand for one person: their token names a stored person, and their events must
// carry that person as actor_id.
bool role_needs_person(store::Role role);

// Whether the role may send events of this type (the table above; a switch, no allocation).
bool role_may_send(store::Role role, events::EventType type);

// The per-event policy of the table above. On refusal: forbidden, with field "type"
// ("not allowed for role chief"), "source" or "actor_id" ("must be the token's person P-0042").
Expected<void> check_event_allowed(const Principal& principal, const events::Event& event);

// `prefix` + 64 hex characters from the OS's CSPRNG: "vgt_…" for API tokens, "vgs_…" for
// dashboard sessions.
std::string new_token(std::string_view prefix = "vgt_");
std::string sha256_hex(std::string_view text);
// What `vigie token list` shows of a token and `vigie token revoke` accepts: the first
// characters of its hash, enough to tell tokens apart, useless to authenticate.
inline constexpr std::size_t kTokenIdLength = 12;

// Creates and stores a token; returns the token itself (shown once, never stored).
// invalid (field "person") when the role needs a person and none is given or it is not a stored
// person; the store's error otherwise.
Expected<std::string> create_token(store::Store& store, store::Role role, std::string person_id,
                                   std::string label, Instant now);

// How long a looked-up token is honoured without asking the store again. Short, so that
// `vigie token revoke` takes effect on running servers within it; long enough that a busy
// client costs one store read per 30 s, not one per request.
inline constexpr std::chrono::seconds kTokenCacheTtl{30};

// The answer for a failed authenticate(): the JSON error, with `WWW-Authenticate: Bearer` on 401
// as RFC 6750 asks.
HttpResponse auth_error_response(const Error& error);

class Authenticator {
 public:
  using SteadyNow = std::function<std::chrono::steady_clock::time_point()>;

  explicit Authenticator(const store::Store& store,
                         std::chrono::steady_clock::duration cache_ttl = kTokenCacheTtl,
                         SteadyNow now = [] { return std::chrono::steady_clock::now(); })
      : store_(store), cache_ttl_(cache_ttl), now_(std::move(now)) {}

  // From "Authorization: Bearer <token>" (scheme in any case), else from a dashboard session's
  // cookie (api/sessions.hpp; not cached: signing out or removing a user takes effect at once).
  // unauthorized if missing, unknown or expired, forbidden if the role lacks the permission or a
  // session's request that changes something comes from another origin (Origin against Host);
  // the store's error if it fails.
  Expected<Principal> authenticate(const HttpRequest& request, Permission needed) const;

 private:
  Expected<Principal> session_principal(const HttpRequest& request, const std::string& cookie) const;
  struct CachedPrincipal {
    Principal principal;
    std::chrono::steady_clock::time_point expires_at;
  };
  Expected<Principal> principal_for(const std::string& hash) const;

  const store::Store& store_;
  const std::chrono::steady_clock::duration cache_ttl_;
  const SteadyNow now_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, CachedPrincipal> cache_;
};

}  // namespace vigie::api
