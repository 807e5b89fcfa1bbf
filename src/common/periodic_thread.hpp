// common/periodic_thread.hpp
//
// A worker thread that calls `work` every `period` until stopped. For
// background duties that poll (alert deliveries); `work` runs on the thread, never twice at once,
// and its failures are its own business (it returns nothing).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace vigie {

class PeriodicThread {
 public:
  PeriodicThread(std::chrono::milliseconds period, std::function<void()> work);
  ~PeriodicThread();  // stops
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

  void start();  // the first call of `work` at once
  void stop();   // waits for a call in progress; idempotent

 private:
  void run();

  const std::chrono::milliseconds period_;
  const std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigie
