#include "support/child_process.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace vigie::testing {
namespace {

std::vector<char*> argv_of(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

std::string vigie_binary() {
  const char* path = std::getenv("VIGIE_BINARY");
  if (path == nullptr) throw std::runtime_error("VIGIE_BINARY is not set (run through ctest)");
  return path;
}

std::filesystem::path source_dir() {
  if (const char* root = std::getenv("VIGIE_SOURCE_DIR"); root != nullptr && *root != 0) return root;
  return std::filesystem::path{__FILE__}.parent_path().parent_path().parent_path();
}

CommandResult run_vigie(const std::vector<std::string>& args) { return run_vigie(args, ""); }

CommandResult run_vigie(const std::vector<std::string>& args, const std::string& stderr_path) {
  return run_program(vigie_binary(), args, stderr_path);
}

CommandResult run_program(const std::string& binary, const std::vector<std::string>& args,
                          const std::string& stderr_path) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    if (!stderr_path.empty()) {
      const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (err < 0) _exit(127);
      dup2(err, STDERR_FILENO);
    }
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    auto argv = argv_of(binary, args);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.out.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ChildServer::ChildServer(const std::vector<std::string>& args)
    : ChildServer(vigie_binary(), args, false) {}

ChildServer::ChildServer(const std::string& program, const std::vector<std::string>& args,
                         bool capture_stdout) {
  int pipe_fds[2] = {-1, -1};
  if (capture_stdout && pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    if (capture_stdout) dup2(pipe_fds[1], STDOUT_FILENO);
    auto argv = argv_of(program, args);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  if (capture_stdout) {
    close(pipe_fds[1]);
    stdout_fd_ = pipe_fds[0];
  }
}

std::string ChildServer::read_line() {
  std::string line;
  char c = 0;
  while (stdout_fd_ >= 0 && read(stdout_fd_, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

ChildServer::~ChildServer() {
  if (pid_ > 0) kill_hard();
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

void ChildServer::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ChildServer::terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool wait_ready(int port, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(0, 200'000);
  while (std::chrono::steady_clock::now() < deadline) {
    auto response = client.Get("/readyz");
    if (response && response->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace vigie::testing
