#include "ingest/webhook_receiver.hpp"

#include <charconv>

#include "common/webhook_signature.hpp"

namespace vigie::ingest {
namespace {

constexpr std::size_t kMaxDeliveryIdBytes = 200;
constexpr std::size_t kMaxTimestampDigits = 12;

Error replayed() { return Error::make(ErrorCode::conflict, "replayed delivery"); }

Error unauthorized(std::string field, std::string message) {
  return {ErrorCode::unauthorized, std::move(field), std::move(message)};
}

bool valid_delivery_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxDeliveryIdBytes) return false;
  for (const char c : id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
    if (!allowed) return false;
  }
  return true;
}

std::optional<std::int64_t> unix_seconds(std::string_view text) {
  if (text.empty() || text.size() > kMaxTimestampDigits) return std::nullopt;
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc{} || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return seconds;
}

// Checks the headers' shape, then the signature. Messages name the header, never the secret.
Expected<void> check_signature(const WebhookSource& source, const WebhookRequest& request) {
  if (request.signature.empty()) {
    return unauthorized(std::string{kSignatureHeader}, "is missing");
  }
  if (!valid_delivery_id(request.delivery_id)) {
    return unauthorized(std::string{kDeliveryHeader},
                        "must be 1 to 200 characters among A-Z a-z 0-9 - _ :");
  }
  if (!unix_seconds(request.timestamp)) {
    return unauthorized(std::string{kTimestampHeader}, "must be Unix seconds");
  }
  if (!signature_header_matches(request.signature, source.secret, {request.body})) {
    return unauthorized(std::string{kSignatureHeader}, "does not match the body");
  }
  return {};
}

}  // namespace

WebhookReceiver::WebhookReceiver(std::vector<WebhookSource> sources, Pipeline& pipeline,
                                 store::Store& store, WebhookSettings settings)
    : pipeline_(pipeline), store_(store), settings_(settings) {
  for (WebhookSource& source : sources) {
    const std::string name = source.name;
    if (name.empty()) throw StartupError{"a webhook source has no name"};
    if (source.secret.size() < kMinSecretBytes) {
      throw StartupError{"webhook source \"" + name + "\": the secret must be at least " +
                         std::to_string(kMinSecretBytes) + " bytes"};
    }
    if (source.mapping.source != name) {
      throw StartupError{"webhook source \"" + name + "\": its mapping is for \"" +
                         source.mapping.source + "\""};
    }
    if (!sources_.emplace(name, std::move(source)).second) {
      throw StartupError{"webhook source \"" + name + "\" is configured twice"};
    }
  }
}

Expected<SubmitResult> WebhookReceiver::handle(const WebhookRequest& request, Instant now) const {
  const auto found = sources_.find(request.source);
  if (found == sources_.end()) {
    return Error{ErrorCode::not_found, "source", "no webhook source of this name"};
  }
  const WebhookSource& source = found->second;
  if (auto signed_ok = check_signature(source, request); !signed_ok) return signed_ok.error();
  if (auto fresh = check_fresh(request, now); !fresh) return fresh.error();
  // A known id is refused before anything is stored, so that a 409 always means "nothing
  // stored". Two copies racing past this check store the same (body-derived) ids: the second
  // finds them duplicates, and remember() below answers it 409.
  auto known = store_.delivery_known(source.name, std::string{request.delivery_id});
  if (!known) return known.error();
  if (*known) return replayed();
  auto events = map_delivery(source.mapping, request.body);
  if (!events) return events.error();
  auto result = pipeline_.submit_events(std::move(*events), 0);
  if (!result) return result;
  if (auto first_time = remember(source, request.delivery_id, now); !first_time) {
    return first_time.error();
  }
  return result;
}

Expected<void> WebhookReceiver::check_fresh(const WebhookRequest& request, Instant now) const {
  const std::chrono::seconds sent{*unix_seconds(request.timestamp)};  // checked with the signature
  const auto age =
      std::chrono::abs(std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()) - sent);
  if (age > settings_.window) {
    return Error{ErrorCode::conflict, std::string{kTimestampHeader},
                 "is outside the accepted window of " + std::to_string(settings_.window.count()) +
                     " s around the server's clock (a stale delivery, or a clock out of step)"};
  }
  return {};
}

Expected<void> WebhookReceiver::remember(const WebhookSource& source, std::string_view delivery_id,
                                         Instant now) const {
  // A delivery is accepted with a timestamp up to `window` ahead of now, and can then be
  // replayed until that timestamp is `window` old: ids older than twice the window cannot
  // pass the freshness check any more and may be forgotten.
  const Instant forget_before = now - 2 * settings_.window;
  const auto first_time =
      store_.remember_delivery(source.name, std::string{delivery_id}, now, forget_before);
  if (!first_time) return first_time.error();
  if (!*first_time) return replayed();
  return {};
}

}  // namespace vigie::ingest
