// ingest/webhook_receiver.hpp
//
// The logic of `POST /api/v1/webhooks/{source}`, for systems that push (the ERP, a weather
// provider). The HTTP layer passes the headers and the raw body; this checks, in order:
//
//   1. the source is configured                                   else not_found
//   2. X-Vigie-Signature is "sha256=" + hex HMAC-SHA256 of the raw body under the source's
//      secret, compared in constant time (data.md)                   else unauthorized
//      X-Vigie-Delivery (1–200 of A–Z a–z 0–9 - _ :) and X-Vigie-Timestamp (Unix seconds)
//      must be present and well formed                               else unauthorized
//   3. X-Vigie-Timestamp (Unix seconds) is within ±window of now   else conflict "replayed
//   delivery"
//   4. the body maps to events (webhook_mapping.hpp)               else invalid, with the field
//   5. the events are stored through the pipeline (durable on return), then the delivery id
//      is recorded; an id already recorded                         gives conflict "replayed
//      delivery"
//
// Why record the id after storing: if storing fails, the sender's retry with the same id must
// go through, or the delivery would be lost.
// The signature covers the body only, as the spec has senders sign it, so the delivery id and
// timestamp stop honest re-sends and stale deliveries, not a forger. A captured body re-sent
// under a fresh id and timestamp still stores nothing new: mapped ids depend only on the
// (signed) body, so its events are duplicates.
//
// Secrets come from the configuration, never from mapping files, and appear in no error or log.
// Thread-safe: handle() may be called from any number of HTTP threads.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"
#include "common/webhook_signature.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/webhook_mapping.hpp"
#include "store/store.hpp"

namespace vigie::ingest {

inline constexpr std::size_t kMinSecretBytes = 16;

struct WebhookSource {
  std::string name;    // the {source} of the URL
  std::string secret;  // shared with the sender; at least kMinSecretBytes
  WebhookMapping mapping;
};

struct WebhookSettings {
  std::chrono::seconds window{300};  // how far X-Vigie-Timestamp may be from now, either way
};

// One request as the HTTP layer received it; views into the request, not owned.
struct WebhookRequest {
  std::string_view source;
  std::string_view signature;    // X-Vigie-Signature
  std::string_view delivery_id;  // X-Vigie-Delivery
  std::string_view timestamp;    // X-Vigie-Timestamp
  std::string_view body;         // the raw bytes, exactly as signed
};

class WebhookReceiver {
 public:
  // Throws StartupError on a source without a name, with a short secret, named twice, or whose
  // mapping names another source (a wrong file in the configuration).
  WebhookReceiver(std::vector<WebhookSource> sources, Pipeline& pipeline, store::Store& store,
                  WebhookSettings settings);

  // See the steps above. On success, what the pipeline did with the mapped events (refusals
  // left at this point are unknown sites, by the event's position in the delivery).
  Expected<SubmitResult> handle(const WebhookRequest& request, Instant now) const;

 private:
  Expected<void> check_fresh(const WebhookRequest& request, Instant now) const;
  Expected<void> remember(const WebhookSource& source, std::string_view delivery_id,
                          Instant now) const;

  std::map<std::string, WebhookSource, std::less<>> sources_;
  Pipeline& pipeline_;
  store::Store& store_;
  WebhookSettings settings_;
};

}  // namespace vigie::ingest
