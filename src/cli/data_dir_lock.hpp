// cli/data_dir_lock.hpp
//
// One writer process per data directory. `vigie serve`, `demo`, `import` and `replay` each hold
// an exclusive lock on <data_dir>/vigie.lock while they run: two of them at once would each run
// a raw archiver from the same watermark and write every event into the archive twice. The
// lock is flock(2), so it is released when the process ends, even by kill -9.
#pragma once

#include <string>

#include "common/expected.hpp"

namespace vigie::cli {

class DataDirLock {
 public:
  // Takes the lock, or fails (conflict) naming the command and pid that hold it.
  static Expected<DataDirLock> acquire(const std::string& data_dir, const std::string& command);

  DataDirLock(DataDirLock&& other) noexcept;
  DataDirLock& operator=(DataDirLock&&) = delete;
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;
  ~DataDirLock();

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace vigie::cli
