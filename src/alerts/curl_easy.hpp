// alerts/curl_easy.hpp
//
// One libcurl easy handle for one transfer (a webhook POST, an SMTP send), with libcurl's
// process-wide initialisation done once before the first. The handle never raises signals
// (CURLOPT_NOSIGNAL), so it is safe on a worker thread of the server. Not shared by threads.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/expected.hpp"

namespace vigie::alerts {

class CurlEasy {
 public:
  // Throws std::runtime_error when libcurl cannot give a handle (out of memory).
  explicit CurlEasy(std::chrono::milliseconds timeout);
  CURL* get() const { return handle_.get(); }

  // Sets an option; a refused option is a programming error or a libcurl built without a
  // feature (TLS): reported as internal by perform().
  template <class T>
  CurlEasy& set(CURLoption option, T value) {
    if (setup_ == CURLE_OK) setup_ = curl_easy_setopt(handle_.get(), option, value);
    return *this;
  }

  // Runs the transfer; on failure an error (code io) naming what `what` failed, with
  // libcurl's own explanation.
  Expected<void> perform(const std::string& what);

 private:
  struct Cleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
  };
  std::unique_ptr<CURL, Cleanup> handle_;
  CURLcode setup_ = CURLE_OK;
  char error_[CURL_ERROR_SIZE] = {};
};

// A curl_slist owned (headers, recipients).
class CurlList {
 public:
  CurlList() = default;
  CurlList(const CurlList&) = delete;
  CurlList& operator=(const CurlList&) = delete;
  ~CurlList() { curl_slist_free_all(list_); }
  // Throws std::bad_alloc when libcurl cannot copy the text.
  CurlList& add(const std::string& item);
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace vigie::alerts
