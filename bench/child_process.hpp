// bench/child_process.hpp
//
// The processes and scratch space a benchmark owns: a child started with posix_spawn (output to
// a log file) and stopped with SIGTERM, a free loopback port, and a temporary directory removed
// at the end unless kept. Each is RAII: a benchmark that fails half-way leaves no server running.
// Not thread-safe; used from the benchmark's main thread.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "common/expected.hpp"

namespace vigie::bench {

class ChildProcess {
 public:
  // Starts argv[0] (a path) with argv; stdout and stderr are appended to `log_path`.
  static Expected<ChildProcess> spawn(const std::vector<std::string>& argv,
                                      const std::string& log_path);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();  // stop() if still running

  pid_t pid() const { return pid_; }
  bool running();  // false once it has exited (its status is then kept)
  int wait();      // blocks until it exits; its status as stop() gives it

  // SIGTERM, then SIGKILL after `grace`; returns the exit status as the shell reports it
  // (128 + signal when killed). Returns the kept status if it had already exited.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds{60});

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  bool reap(int options);  // true once reaped

  pid_t pid_ = -1;
  int status_ = -1;
};

// `program` as a path, or a name looked up in PATH; the error names the command-line `flag` that
// gives it and the Debian `package` that installs it.
Expected<std::string> find_program(const std::string& program, const std::string& flag,
                                   const std::string& package);

// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, read back, closed).
Expected<int> free_loopback_port();

// Calls `ready` every 50 ms until it returns true, `alive` returns false, or `timeout` passes.
bool wait_until(const std::function<bool()>& ready, const std::function<bool()>& alive,
                std::chrono::milliseconds timeout);

class TempDir {
 public:
  // Creates a fresh directory under $TMPDIR (or /tmp) named prefix-XXXXXX.
  static Expected<TempDir> create(const std::string& prefix);
  TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)), keep_(other.keep_) {
    other.path_.clear();
  }
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();  // removes the tree unless keep()

  const std::string& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
  bool keep_ = false;
};

}  // namespace vigie::bench
