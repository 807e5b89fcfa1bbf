#include "cli/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace vigie::cli {

Expected<DataDirLock> DataDirLock::acquire(const std::string& data_dir,
                                           const std::string& command) {
  std::error_code error;
  if (std::filesystem::create_directories(data_dir, error)) {
    // New: readable by its owner only (the store holds token hashes and the company's data).
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, error);
  }
  if (error) return Error::make(ErrorCode::io, "cannot create " + data_dir + ": " + error.message());
  const std::string path = data_dir + "/vigie.lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error::make(ErrorCode::io, "cannot open " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[128] = {};
    const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
    ::close(fd);
    std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : "another process";
    while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
    return Error::make(ErrorCode::conflict, data_dir + " is in use by " + who);
  }
  const std::string me = "vigie " + command + " (pid " + std::to_string(::getpid()) + ")\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) < 0) {
    ::close(fd);
    return Error::make(ErrorCode::io, "cannot write " + path + ": " + std::strerror(errno));
  }
  return DataDirLock{fd};
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace vigie::cli
