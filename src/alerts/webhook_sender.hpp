// alerts/webhook_sender.hpp
//
// Posts an alert to a configured URL (issue 9, point 3), signed the way Vigie asks its own
// senders to sign (ingest/webhook_receiver.hpp): X-Vigie-Signature "sha256=" + hex HMAC-SHA256
// of the raw body under the target's secret, X-Vigie-Delivery (the same id on every try, so the
// receiver can drop a repeat) and X-Vigie-Timestamp (Unix seconds of this try).
// Thread-safe: each call has its own connection.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/alert_channels.hpp"
#include "common/expected.hpp"
#include "common/time.hpp"

namespace vigie::alerts {

// Ok on a 2xx answer; otherwise an error (code io) saying what the receiver answered ("HTTP 503")
// or why no answer came.
Expected<void> post_signed(const AlertWebhookTarget& target, std::string_view delivery_id,
                           const std::string& body, Instant now, std::chrono::milliseconds timeout);

}  // namespace vigie::alerts
