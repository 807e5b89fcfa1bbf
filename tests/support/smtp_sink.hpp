// tests/support/smtp_sink.hpp — a real SMTP server on loopback for the tests: Debian's aiosmtpd
// run by tests/support/smtp_server.py, with STARTTLS (a self-signed certificate for 127.0.0.1
// made by the `openssl` command) and AUTH when asked. Killed with the object.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie::testing {

class SmtpSink {
 public:
  struct Options {
    bool tls = false;           // offer STARTTLS, refuse mail without it
    std::string user, password;  // require AUTH with these when user is not empty
  };
  // Throws std::runtime_error when the server does not start.
  explicit SmtpSink(const Options& options);

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::string ca_file() const { return dir_.file("cert.pem"); }  // the certificate to trust

  // The messages received, in arrival order: each a JSON object the server wrote after parsing
  // it (mail_from, to, subject decoded, text, html, alternative, tls, authenticated…).
  std::vector<std::string> messages() const;
  // The same, after waiting up to `seconds` for at least `count` of them.
  std::vector<std::string> wait_for(std::size_t count, double seconds) const;

 private:
  TempDir dir_;
  std::unique_ptr<ChildServer> server_;
  int port_ = 0;
};

}  // namespace vigie::testing
