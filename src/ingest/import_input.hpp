// ingest/import_input.hpp
//
// Reads an import's bytes from a stream one fixed-size chunk at a time, so that a 2 GB file
// never needs more than a chunk (and one record) in memory. Counts the bytes read, for the
// progress bar, and drops a leading UTF-8 byte order mark, which Excel writes and which is not
// data. One reader per stream; not thread-safe.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace vigie::ingest {

class ChunkedInput {
 public:
  static constexpr int kEnd = -1;
  static constexpr std::size_t kDefaultChunkBytes = 64 * 1024;

  explicit ChunkedInput(std::istream& in, std::size_t chunk_bytes = kDefaultChunkBytes);

  // The next byte (0–255), or kEnd when the stream is exhausted.
  int get() {
    if (pos_ == end_ && !refill()) return kEnd;
    return static_cast<unsigned char>(buffer_[pos_++]);
  }
  int peek() {
    if (pos_ == end_ && !refill()) return kEnd;
    return static_cast<unsigned char>(buffer_[pos_]);
  }

  std::uint64_t bytes_read() const { return bytes_read_; }  // from the stream, BOM included
  bool failed() const { return failed_; }                   // the stream reported an I/O error

 private:
  bool refill();

  std::istream& in_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t bytes_read_ = 0;
  bool at_start_ = true;
  bool failed_ = false;
};

struct TextLine {
  std::string text;          // without its "\n" or "\r\n"
  std::uint64_t number = 0;  // 1-based
  bool too_long = false;     // over the limit: `text` is cut there, the rest was skipped
};

// Reads the next line into `line`; false at the end of input. Keeps at most `max_bytes` of a
// line, so that a file without newlines cannot exhaust memory.
bool read_line(ChunkedInput& input, TextLine& line, std::size_t max_bytes);

}  // namespace vigie::ingest
