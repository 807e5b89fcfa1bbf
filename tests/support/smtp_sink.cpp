#include "support/smtp_sink.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace vigie::testing {

SmtpSink::SmtpSink(const Options& options) {
  const std::filesystem::path out = dir_.path() / "mail";
  std::filesystem::create_directories(out);
  std::vector<std::string> args = {(source_dir() / "tests/support/smtp_server.py").string(), out.string()};
  if (options.tls) {
    const CommandResult made = run_program(
        "/usr/bin/openssl",
        {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", dir_.file("key.pem"),
         "-out", dir_.file("cert.pem")},
        dir_.file("openssl.log"));
    if (made.exit_code != 0) throw std::runtime_error("openssl could not make a certificate");
    args.insert(args.end(), {"--tls", dir_.file("cert.pem"), dir_.file("key.pem")});
  }
  if (!options.user.empty()) args.insert(args.end(), {"--auth", options.user, options.password});
  server_ = std::make_unique<ChildServer>("/usr/bin/python3", args, true);
  const std::string line = server_->read_line();  // "PORT <n>" once it listens
  if (!line.starts_with("PORT ")) throw std::runtime_error("the SMTP server did not start: " + line);
  port_ = std::stoi(line.substr(5));
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::string> out;
  for (int n = 1;; ++n) {
    std::ifstream file(dir_.path() / "mail" / (std::to_string(n) + ".json"));
    if (!file) return out;
    std::stringstream text;
    text << file.rdbuf();
    out.push_back(text.str());
  }
}

std::vector<std::string> SmtpSink::wait_for(std::size_t count, double seconds) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    auto received = messages();
    if (received.size() >= count || std::chrono::steady_clock::now() > deadline) return received;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace vigie::testing
