#include "common/scratch_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "common/file_io.hpp"

namespace vigie {

Expected<ScratchFile> ScratchFile::create(std::string_view prefix, std::string_view bytes) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string{dir != nullptr && *dir != '\0' ? dir : "/tmp"} + "/" +
                     std::string{prefix} + "-XXXXXX";
  FileDescriptor fd{::mkstemp(path.data())};
  if (!fd.is_open()) return io_error("cannot create", path, errno);
  ScratchFile file(path);
  if (auto written = write_all(fd.get(), bytes, path); !written) return written.error();
  return file;
}

ScratchFile::~ScratchFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Expected<std::string> ScratchFile::read() const { return read_file(path_); }

}  // namespace vigie
