#include "ingest/import_input.hpp"

#include <string_view>

namespace vigie::ingest {

ChunkedInput::ChunkedInput(std::istream& in, std::size_t chunk_bytes)
    : in_(in), buffer_(chunk_bytes == 0 ? kDefaultChunkBytes : chunk_bytes) {}

bool ChunkedInput::refill() {
  if (!in_.good()) return false;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  failed_ = failed_ || in_.bad();
  pos_ = 0;
  end_ = static_cast<std::size_t>(in_.gcount());
  bytes_read_ += end_;
  if (at_start_) {
    at_start_ = false;
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (std::string_view{buffer_.data(), end_}.starts_with(kBom)) pos_ = kBom.size();
  }
  return pos_ < end_ || (end_ > 0 && refill());
}

bool read_line(ChunkedInput& input, TextLine& line, std::size_t max_bytes) {
  if (input.peek() == ChunkedInput::kEnd) return false;
  line.text.clear();
  line.too_long = false;
  ++line.number;
  for (int c = input.get(); c != ChunkedInput::kEnd && c != '\n'; c = input.get()) {
    if (line.text.size() < max_bytes) {
      line.text.push_back(static_cast<char>(c));
    } else {
      line.too_long = true;
    }
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  return true;
}

}  // namespace vigie::ingest
