#include "support/api_server.hpp"

#include <gtest/gtest.h>

#include "api/auth.hpp"

namespace vigie::testing {

ApiServer::ApiServer() {
  config_.data_dir = dir_.path().string();
  config_.server.threads = 4;
  auto opened = store::open_store({"sqlite", config_.store_path(), true});
  if (!opened) {
    ADD_FAILURE() << opened.error().describe();
    std::abort();
  }
  store_ = std::move(*opened);
}

ApiServer::~ApiServer() {
  client_.reset();
  stack_.reset();  // stops the server before the store closes
}

bool ApiServer::start() {
  stack_ = std::make_unique<cli::ServerStack>(config_, log_, *store_);
  auto port = stack_->start("127.0.0.1", 0);
  if (!port) {
    ADD_FAILURE() << port.error().describe();
    return false;
  }
  port_ = *port;
  client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
  // Under the sanitizers, with two suites at once, a plan or a training answer takes seconds:
  // the library's 5 s would fail a slow machine rather than the code.
  client_->set_read_timeout(std::chrono::seconds(60));
  return true;
}

std::string ApiServer::token(store::Role role, const std::string& person) {
  auto created = api::create_token(*store_, role, person, "test", Instant{});
  if (!created) {
    ADD_FAILURE() << created.error().describe();
    return {};
  }
  return *created;
}

httplib::Result ApiServer::post(const std::string& path, const std::string& body,
                                const std::string& token, const std::string& content_type) {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return client_->Post(path, headers, body, content_type);
}

}  // namespace vigie::testing
