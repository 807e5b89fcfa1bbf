// common/file_io.hpp
//
// POSIX file operations with the durability Vigie's files need, behind RAII and Expected: a
// descriptor that closes itself, writes that finish or say why, fsync of files and directories,
// and the replace-a-file-atomically dance (temporary file, fsync, rename, fsync of the
// directory) so that a crash leaves either the old file or the new one, never half of one.
// Errors are ErrorCode::io naming the path and the system's reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "common/expected.hpp"

namespace vigie {

Error io_error(std::string_view action, const std::filesystem::path& path, int error_number);

// Owns a file descriptor (closed by the destructor); -1 when none.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return fd_; }
  bool is_open() const { return fd_ >= 0; }
  void reset();

 private:
  int fd_ = -1;
};

Expected<void> sync_file(int fd, const std::filesystem::path& path);
Expected<void> sync_directory(const std::filesystem::path& dir);
// Writes every byte, retrying short writes and EINTR.
Expected<void> write_all(int fd, std::string_view bytes, const std::filesystem::path& path);

// Creates each missing level of `dir`. When `durable`, a level created here is fsynced into its
// parent, so that a crash cannot forget the directory and the files later written into it.
Expected<void> make_directories(const std::filesystem::path& dir, bool durable);

// Replaces `path` by the concatenation of `parts`, atomically and durably: written to a
// temporary file of the same directory (created when missing), fsynced, renamed over `path`,
// then the directory fsynced. On failure `path` is unchanged and the temporary file removed.
// Several processes may replace the same file at once: the last rename wins.
Expected<void> replace_file(const std::filesystem::path& path,
                            std::span<const std::string_view> parts);

// The whole content of a file. ErrorCode::not_found when it does not exist, too_large when it
// holds more than `max_bytes`.
Expected<std::string> read_file(
    const std::filesystem::path& path,
    std::uint64_t max_bytes = std::numeric_limits<std::uint64_t>::max());

}  // namespace vigie
