// tests/support/child_process.hpp — runs the real `vigie` binary (VIGIE_BINARY, set by CTest)
// or another real server (an SMTP server) as a child: to run a command to completion, or to
// start a server and kill it.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vigie::testing {

std::string vigie_binary();
// The source tree: $VIGIE_SOURCE_DIR (set by CTest), else found from this file's place.
std::filesystem::path source_dir();

struct CommandResult {
  int exit_code = -1;
  std::string out;
};
// Runs to completion; stdout captured, stderr passed through.
CommandResult run_vigie(const std::vector<std::string>& args);
// The same, with stderr (the logs) written to the file `stderr_path` instead.
CommandResult run_vigie(const std::vector<std::string>& args, const std::string& stderr_path);
// Any program (a full path), the same way.
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stderr_path = "");

class ChildServer {
 public:
  ChildServer(const std::vector<std::string>& args);  // vigie serve …
  // Any program; with `capture_stdout`, its standard output is read by read_line().
  ChildServer(const std::string& program, const std::vector<std::string>& args, bool capture_stdout);
  ~ChildServer();                                     // SIGKILL if still running
  void kill_hard();                                   // SIGKILL, then reap
  int terminate();                                    // SIGTERM, then the exit status
  pid_t pid() const { return pid_; }
  // The next line the child writes (without its newline); empty once its output is closed.
  std::string read_line();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
};

// A TCP port that was free a moment ago.
int free_port();
// Polls GET /readyz until 200 or the deadline (seconds); false on time-out.
bool wait_ready(int port, double seconds);

}  // namespace vigie::testing
