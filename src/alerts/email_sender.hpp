// alerts/email_sender.hpp
//
// Sends one e-mail by SMTP through libcurl (issue 9, point 3): STARTTLS required when the
// settings ask for it (smtp://), TLS from the first byte with smtps://, AUTH when a username is
// set, the server's certificate checked (against `ca_file` when given). The message is
// multipart/alternative: plain text first, HTML last (the richer part last, RFC 2046), both
// UTF-8 in quoted-printable; the subject is RFC 2047-encoded so that accents survive.
// Thread-safe: each call has its own connection.
#pragma once

#include <chrono>
#include <string>

#include "common/alert_channels.hpp"
#include "common/expected.hpp"
#include "common/time.hpp"

namespace vigie::alerts {

struct EmailMessage {
  std::string to;          // one address
  std::string subject;     // UTF-8
  std::string text;        // UTF-8 plain text
  std::string html;        // UTF-8 HTML document
  std::string message_id;  // without angle brackets: "alert-12.3@vigie"
};

// Ok once the server accepted the message; otherwise an error (code io) with the SMTP
// server's or the network's reason.
Expected<void> send_email(const AlertEmailSettings& settings, const EmailMessage& message,
                          Instant now, std::chrono::milliseconds timeout);

// "=?UTF-8?B?…?=" words of at most 75 characters, folded onto continuation lines; plain ASCII
// without '=' or '?' is returned as is. Exposed for tests.
std::string encode_header_words(const std::string& text);

}  // namespace vigie::alerts
