// common/expected.hpp
//
// A small [[nodiscard]] Expected<T> with the member names of C++23 std::expected, which
// g++ 12 lacks in C++20. Used for everything input or the world can get wrong; exceptions are
// kept for start-up failures and bugs (see docs/decisions/0002-expected-over-exceptions.md).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "common/error.hpp"

namespace vigie {

template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Expected(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

// An exception for start-up only (unreadable configuration, store that will not open):
// caught in main, exit code 2.
struct StartupError {
  std::string message;
};

}  // namespace vigie
