#include "alerts/webhook_sender.hpp"

#include "alerts/curl_easy.hpp"
#include "common/webhook_signature.hpp"

namespace vigie::alerts {
namespace {

// The answer's body is not needed: read and dropped.
size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

std::string header(std::string_view name, std::string_view value) {
  return std::string{name} + ": " + std::string{value};
}

}  // namespace

Expected<void> post_signed(const AlertWebhookTarget& target, std::string_view delivery_id,
                           const std::string& body, Instant now, std::chrono::milliseconds timeout) {
  auto signature = webhook_signature(target.secret, body);
  if (!signature) return signature.error();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  CurlList headers;
  headers.add("Content-Type: application/json")
      .add(header(kSignatureHeader, *signature))
      .add(header(kDeliveryHeader, delivery_id))
      .add(header(kTimestampHeader, std::to_string(seconds.count())))
      .add("Expect:");  // no 100-continue round trip
  CurlEasy curl{timeout};
  curl.set(CURLOPT_URL, target.url.c_str())
      .set(CURLOPT_POST, 1L)
      .set(CURLOPT_POSTFIELDS, body.data())
      .set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()))
      .set(CURLOPT_HTTPHEADER, headers.get())
      .set(CURLOPT_WRITEFUNCTION, discard)
      .set(CURLOPT_USERAGENT, "vigie-alerts");
  const std::string what = "webhook " + target.name;
  if (auto sent = curl.perform(what); !sent) return sent;
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return Error::make(ErrorCode::io, what + " answered HTTP " + std::to_string(status));
  }
  return {};
}

}  // namespace vigie::alerts
