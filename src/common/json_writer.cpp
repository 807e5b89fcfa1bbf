#include "common/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace vigie {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out.push_back(kHex[(c >> 4) & 0xF]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string format_json_number(double number) {
  if (!std::isfinite(number)) return "null";
  char buf[32];
  // A whole number below 1e15 is written whole (100000, not the shorter 1e+05), as people and
  // spreadsheets read it. From 1e18 up, always an exponent: readers such as simdjson refuse
  // integer text beyond 64 bits.
  const double size = std::fabs(number);
  const auto result =
      size < 1e15 && number == std::trunc(number)
          ? std::to_chars(buf, buf + sizeof buf, number, std::chars_format::fixed)
      : size < 1e18 ? std::to_chars(buf, buf + sizeof buf, number)
                    : std::to_chars(buf, buf + sizeof buf, number, std::chars_format::scientific);
  return std::string(buf, result.ptr);
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  out_ += format_json_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::time_field(std::string_view name, const std::optional<Instant>& at) {
  key(name);
  return at ? value(format_rfc3339_utc(*at)) : null();
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

std::string with_json_member(const std::string& object, std::string_view key, std::string_view raw) {
  const auto close = object.rfind('}');
  if (close == std::string::npos) return object;
  const auto last = object.find_last_not_of(" \n\t", close == 0 ? 0 : close - 1);
  const bool empty = last == std::string::npos || object[last] == '{';
  std::string out = object.substr(0, close);
  out += empty ? "" : ",";
  append_json_string(out, key);
  out += ":";
  out += raw;
  out += object.substr(close);
  return out;
}

}  // namespace vigie
