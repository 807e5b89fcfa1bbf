// common/scratch_file.hpp
//
// A temporary file under $TMPDIR (or /tmp) that removes itself: for libraries that only read
// and write files by name (fastText trains from a file and saves to one, liblinear saves and
// loads by name), when Vigie holds the bytes in memory or in its store.
#pragma once

#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace vigie {

class ScratchFile {
 public:
  // An empty file named <prefix>-XXXXXX, or `bytes` written into it.
  static Expected<ScratchFile> create(std::string_view prefix, std::string_view bytes = {});
  ScratchFile(ScratchFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  ScratchFile& operator=(ScratchFile&&) = delete;
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile();

  const std::string& path() const { return path_; }
  Expected<std::string> read() const;

 private:
  explicit ScratchFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace vigie
