#include "bench/child_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <cstring>
#include <filesystem>
#include <thread>

extern char** environ;

namespace vigie::bench {
namespace {

// Spawn attributes: default disposition and an empty mask for the stop signals, so that a
// child is stoppable even if the calling thread blocks them.
struct SpawnAttributes {
  posix_spawnattr_t attributes{};
  SpawnAttributes() {
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

struct OutputToLog {
  posix_spawn_file_actions_t actions{};
  explicit OutputToLog(const std::string& path) {
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  ~OutputToLog() { posix_spawn_file_actions_destroy(&actions); }
  OutputToLog(const OutputToLog&) = delete;
  OutputToLog& operator=(const OutputToLog&) = delete;
};

int shell_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);  // waitpid without WUNTRACED: exited or signalled
}

}  // namespace

Expected<ChildProcess> ChildProcess::spawn(const std::vector<std::string>& argv,
                                           const std::string& log_path) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const SpawnAttributes attributes;
  const OutputToLog output(log_path);
  pid_t pid = -1;
  const int failed =
      posix_spawn(&pid, args[0], &output.actions, &attributes.attributes, args.data(), environ);
  if (failed != 0) {
    return Error::make(ErrorCode::io, "cannot start " + argv[0] + ": " + std::strerror(failed));
  }
  return ChildProcess(pid);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), status_(other.status_) {
  other.pid_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) stop(std::chrono::seconds{10});
}

bool ChildProcess::reap(int options) {
  if (pid_ <= 0 || status_ >= 0) return true;
  int status = 0;
  const pid_t done = waitpid(pid_, &status, options);
  if (done == pid_) {
    status_ = shell_status(status);
    return true;
  }
  if (done < 0 && errno == ECHILD) {  // reaped elsewhere: the status is lost
    status_ = 255;
    return true;
  }
  return false;
}

bool ChildProcess::running() { return !reap(WNOHANG); }

int ChildProcess::wait() {
  reap(0);
  return status_;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
  if (running()) {
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    if (running()) kill(pid_, SIGKILL);
    reap(0);
  }
  return status_;
}

Expected<int> free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Error::make(ErrorCode::io, std::string{"socket: "} + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!ok) return Error::make(ErrorCode::io, "cannot find a free port on 127.0.0.1");
  return static_cast<int>(ntohs(address.sin_port));
}

bool wait_until(const std::function<bool()>& ready, const std::function<bool()>& alive,
                std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    if (!alive()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  return false;
}

Expected<TempDir> TempDir::create(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string{base != nullptr && *base != '\0' ? base : "/tmp"} + "/" +
                        prefix + "-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Error::make(ErrorCode::io, "cannot create " + pattern + ": " + std::strerror(errno));
  }
  return TempDir(pattern);
}

TempDir::~TempDir() {
  if (path_.empty() || keep_) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

Expected<std::string> find_program(const std::string& program, const std::string& flag,
                                   const std::string& package) {
  if (program.find('/') != std::string::npos) {
    if (access(program.c_str(), X_OK) == 0) return program;
    return Error::invalid(flag, "\"" + program + "\" is not an executable file");
  }
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path == nullptr ? "/usr/bin:/bin" : path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return Error::invalid(flag, "no program \"" + program + "\" in PATH (Debian's package " +
                                  package + " installs it)");
}

}  // namespace vigie::bench
