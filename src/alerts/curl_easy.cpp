#include "alerts/curl_easy.hpp"

#include <mutex>
#include <new>
#include <stdexcept>

namespace vigie::alerts {
namespace {

// curl_global_init is not thread-safe on every libcurl build: once, whoever comes first.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

CurlEasy::CurlEasy(std::chrono::milliseconds timeout) {
  init_curl_once();
  handle_.reset(curl_easy_init());
  if (!handle_) throw std::runtime_error("libcurl could not create a handle");
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_ERRORBUFFER, error_);
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
}

Expected<void> CurlEasy::perform(const std::string& what) {
  if (setup_ != CURLE_OK) {
    return Error::make(ErrorCode::internal, what + ": libcurl refused an option: " +
                                                curl_easy_strerror(setup_));
  }
  error_[0] = '\0';
  const CURLcode code = curl_easy_perform(handle_.get());
  if (code == CURLE_OK) return {};
  const std::string detail = error_[0] != '\0' ? error_ : curl_easy_strerror(code);
  return Error::make(ErrorCode::io, what + " failed: " + detail);
}

CurlList& CurlList::add(const std::string& item) {
  curl_slist* longer = curl_slist_append(list_, item.c_str());
  if (longer == nullptr) throw std::bad_alloc();
  list_ = longer;
  return *this;
}

}  // namespace vigie::alerts
