#include "common/periodic_thread.hpp"

namespace vigie {

PeriodicThread::PeriodicThread(std::chrono::milliseconds period, std::function<void()> work)
    : period_(period), work_(std::move(work)) {}

PeriodicThread::~PeriodicThread() { stop(); }

void PeriodicThread::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void PeriodicThread::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicThread::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    work_();
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace vigie
