// common/byte_stream.hpp
//
// A flat binary encoding for files that only this machine reads back (kpi/company_snapshot):
// fixed-size values as their in-memory bytes (native byte order, so the file names the layout it
// was written with and a reader refuses any other), strings and arrays as a u64 count first.
// ByteReader never reads past its input and never allocates more than the input could hold:
// each get returns false, and the reader stays failed, once the input is too short.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace vigie {

template <class T>
concept PlainBytes = std::is_trivially_copyable_v<T> && !std::is_pointer_v<T>;

class ByteWriter {
 public:
  template <PlainBytes T>
  void put(const T& value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put_count(std::size_t count) { put(static_cast<std::uint64_t>(count)); }
  void put_string(std::string_view text) {
    put_count(text.size());
    bytes_.append(text);
  }
  // The count, then the elements' bytes in one copy.
  template <PlainBytes T>
  void put_array(std::span<const T> values) {
    put_count(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
  }

  std::size_t size() const { return bytes_.size(); }
  void reserve(std::size_t bytes) { bytes_.reserve(bytes); }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : rest_(bytes) {}

  template <PlainBytes T>
  bool get(T& value) {
    if (!take(sizeof value)) return false;
    std::memcpy(&value, taken_, sizeof value);
    return true;
  }
  // A count of items of at least `min_item_bytes` each: refused when the rest cannot hold them,
  // so that a corrupt count never turns into a huge allocation.
  bool get_count(std::size_t& count, std::size_t min_item_bytes) {
    std::uint64_t value = 0;
    if (!get(value)) return false;
    if (min_item_bytes > 0 && value > rest_.size() / min_item_bytes) return fail();
    count = static_cast<std::size_t>(value);
    return true;
  }
  bool get_string(std::string& text) {
    std::size_t size = 0;
    if (!get_count(size, 1) || !take(size)) return false;
    text.assign(taken_, size);
    return true;
  }
  template <PlainBytes T>
  bool get_array(std::vector<T>& values) {
    std::size_t count = 0;
    if (!get_count(count, sizeof(T)) || !take(count * sizeof(T))) return false;
    values.resize(count);
    if (count > 0) std::memcpy(values.data(), taken_, count * sizeof(T));
    return true;
  }

  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && rest_.empty(); }
  std::size_t remaining() const { return rest_.size(); }
  // Marks the input as unusable (a value out of its range): every later get fails too.
  bool fail() {
    ok_ = false;
    rest_ = {};
    return false;
  }

 private:
  bool take(std::size_t size) {
    if (!ok_ || size > rest_.size()) return fail();
    taken_ = rest_.data();
    rest_.remove_prefix(size);
    return true;
  }

  std::string_view rest_;
  const char* taken_ = nullptr;
  bool ok_ = true;
};

}  // namespace vigie
