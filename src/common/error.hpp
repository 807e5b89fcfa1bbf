// common/error.hpp
//
// The one error type that crosses layers: a stable code (for the API), the field it concerns
// (`data.amount`, empty when none) and an English technical message.
#pragma once

#include <string>
#include <string_view>

namespace vigie {

enum class ErrorCode {
  invalid,        // input breaks a rule; `field` names where
  not_found,      // the thing asked for does not exist
  conflict,       // the request contradicts stored state
  unauthorized,   // no or wrong credentials
  forbidden,      // credentials fine, role not allowed
  too_large,      // over a configured size limit
  rate_limited,   // too many tries; wait before the next
  io,             // the disk or network failed
  unavailable,    // the service is shutting down or not ready
  internal,       // a bug: never caused by input
};

std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string field;
  std::string message;

  static Error invalid(std::string field, std::string message) {
    return {ErrorCode::invalid, std::move(field), std::move(message)};
  }
  static Error make(ErrorCode code, std::string message) {
    return {code, std::string{}, std::move(message)};
  }
  // "data.amount: must be >= 0", or the bare message when there is no field.
  std::string describe() const;
};

}  // namespace vigie
