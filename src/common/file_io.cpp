#include "common/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace vigie {

Error io_error(std::string_view action, const std::filesystem::path& path, int error_number) {
  return Error::make(ErrorCode::io, std::string{action} + " " + path.string() + ": " +
                                        std::strerror(error_number));
}

void FileDescriptor::reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Expected<void> sync_file(int fd, const std::filesystem::path& path) {
  if (::fsync(fd) != 0) return io_error("cannot fsync", path, errno);
  return {};
}

Expected<void> sync_directory(const std::filesystem::path& dir) {
  const FileDescriptor fd{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (!fd.is_open()) return io_error("cannot open directory", dir, errno);
  return sync_file(fd.get(), dir);
}

Expected<void> write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return io_error("cannot write", path, errno);
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return {};
}

Expected<void> make_directories(const std::filesystem::path& dir, bool durable) {
  std::filesystem::path level;
  for (const auto& part : dir) {
    level /= part;
    if (level == level.root_path() || part.empty()) continue;
    if (::mkdir(level.c_str(), 0755) == 0) {
      if (!durable) continue;
      const auto parent = level.has_parent_path() ? level.parent_path() : ".";
      auto synced = sync_directory(parent);
      if (!synced) return synced;
    } else if (errno != EEXIST) {
      return io_error("cannot create directory", level, errno);
    }
  }
  return {};
}

namespace {

Expected<void> write_and_sync(const FileDescriptor& fd, const std::filesystem::path& path,
                              std::span<const std::string_view> parts) {
  for (const std::string_view part : parts) {
    auto written = write_all(fd.get(), part, path);
    if (!written) return written;
  }
  return sync_file(fd.get(), path);
}

}  // namespace

Expected<void> replace_file(const std::filesystem::path& path,
                            std::span<const std::string_view> parts) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  auto made = make_directories(dir, true);
  if (!made) return made;
  // mkstemp: a name no other writer of the same file uses at the same time.
  std::string temporary = path.string() + ".tmp-XXXXXX";
  FileDescriptor fd{::mkstemp(temporary.data())};
  if (!fd.is_open()) return io_error("cannot create", temporary, errno);
  auto written = write_and_sync(fd, temporary, parts);
  fd.reset();
  if (written && ::rename(temporary.c_str(), path.c_str()) != 0) {
    written = io_error("cannot rename " + temporary + " to", path, errno);
  }
  if (!written) {
    ::unlink(temporary.c_str());
    return written;
  }
  return sync_directory(dir);
}

Expected<std::string> read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  const FileDescriptor fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (!fd.is_open()) {
    if (errno == ENOENT) return Error::make(ErrorCode::not_found, path.string() + ": no such file");
    return io_error("cannot open", path, errno);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return io_error("cannot stat", path, errno);
  std::string content;
  content.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(info.st_size, max_bytes)));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return io_error("cannot read", path, errno);
    if (got == 0) return content;
    if (content.size() + static_cast<std::size_t>(got) > max_bytes) {
      return Error::make(ErrorCode::too_large,
                         path.string() + ": over " + std::to_string(max_bytes) + " bytes");
    }
    content.append(buffer, static_cast<std::size_t>(got));
  }
}

}  // namespace vigie
