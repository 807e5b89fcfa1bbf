#include "alerts/email_sender.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <date/date.h>

#include "alerts/curl_easy.hpp"

namespace vigie::alerts {
namespace {

// Input bytes per encoded word: 45 bytes → 60 base64 characters, + 12 of "=?UTF-8?B?" and "?=".
constexpr std::size_t kWordBytes = 45;

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(std::max(written, 0)));
  return out;
}

bool plain_header_text(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f && c != '=' && c != '?';
  });
}

// RFC 5322's date: "Sun, 06 Dec 2026 22:15:00 +0000".
std::string rfc5322_date(Instant now) {
  return date::format("%a, %d %b %Y %H:%M:%S +0000", date::floor<std::chrono::seconds>(now));
}

}  // namespace

std::string encode_header_words(const std::string& text) {
  if (plain_header_text(text)) return text;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + kWordBytes);
    // Never split a UTF-8 character between two words (RFC 2047, section 5).
    while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view{text}.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

Expected<void> send_email(const AlertEmailSettings& settings, const EmailMessage& message,
                          Instant now, std::chrono::milliseconds timeout) {
  CurlEasy curl{timeout};
  CurlList recipients;
  recipients.add("<" + message.to + ">");
  CurlList headers;
  headers.add("Date: " + rfc5322_date(now))
      .add("From: Vigie <" + settings.from + ">")
      .add("To: <" + message.to + ">")
      .add("Subject: " + encode_header_words(message.subject))
      .add("Message-ID: <" + message.message_id + ">")
      .add("MIME-Version: 1.0");

  struct MimeCleanup {
    void operator()(curl_mime* mime) const { curl_mime_free(mime); }
  };
  std::unique_ptr<curl_mime, MimeCleanup> mime{curl_mime_init(curl.get())};
  curl_mime* alternative = curl_mime_init(curl.get());
  for (const auto& [body, type] : {std::pair{&message.text, "text/plain; charset=utf-8"},
                                   std::pair{&message.html, "text/html; charset=utf-8"}}) {
    curl_mimepart* part = curl_mime_addpart(alternative);
    curl_mime_data(part, body->data(), body->size());
    curl_mime_type(part, type);
    curl_mime_encoder(part, "quoted-printable");
  }
  curl_mimepart* container = curl_mime_addpart(mime.get());
  curl_mime_subparts(container, alternative);  // the container owns it from here
  curl_mime_type(container, "multipart/alternative");

  curl.set(CURLOPT_URL, settings.smtp_url.c_str())
      .set(CURLOPT_MAIL_FROM, ("<" + settings.from + ">").c_str())
      .set(CURLOPT_MAIL_RCPT, recipients.get())
      .set(CURLOPT_HTTPHEADER, headers.get())
      .set(CURLOPT_MIMEPOST, mime.get());
  const bool implicit_tls = settings.smtp_url.starts_with("smtps://");
  if (settings.starttls || implicit_tls) curl.set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!settings.username.empty()) {
    curl.set(CURLOPT_USERNAME, settings.username.c_str()).set(CURLOPT_PASSWORD, settings.password.c_str());
  }
  if (!settings.ca_file.empty()) curl.set(CURLOPT_CAINFO, settings.ca_file.c_str());
  return curl.perform("e-mail to " + message.to);
}

}  // namespace vigie::alerts
