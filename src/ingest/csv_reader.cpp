#include "ingest/csv_reader.hpp"

namespace vigie::ingest {

CsvReader::CsvReader(std::istream& in, CsvOptions options)
    : input_(in, options.chunk_bytes), options_(options) {}

// Skips empty lines (and a lone '\r' at a line's start, an old Mac line end); false at the end.
bool CsvReader::skip_blank_lines() {
  for (;;) {
    const int c = input_.peek();
    if (c == ChunkedInput::kEnd) return false;
    if (c != '\n' && c != '\r') return true;
    input_.get();
    if (c == '\n') ++line_;
  }
}

Expected<bool> CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  if (done_ || !skip_blank_lines()) return false;
  record.line_number = line_;
  std::string field;
  State state = State::field_start;
  std::size_t record_bytes = 0;
  for (;;) {
    const int c = input_.get();
    if (c == ChunkedInput::kEnd) {
      done_ = true;
      if (state == State::quoted)
        return Error::invalid("line", "has a quoted field that is never closed");
      record.fields.push_back(std::move(field));
      return true;
    }
    if (++record_bytes > options_.max_record_bytes) {
      done_ = true;
      return Error::invalid("line", "starts a record longer than " +
                                        std::to_string(options_.max_record_bytes) +
                                        " bytes (a quote never closed?)");
    }
    if (take(c, state, record, field)) return true;
  }
}

bool CsvReader::take(int c, State& state, CsvRecord& record, std::string& field) {
  const char byte = static_cast<char>(c);
  if (state == State::quoted) {
    if (byte == '"' && input_.peek() == '"') {
      input_.get();
      field.push_back('"');
    } else if (byte == '"') {
      state = State::after_quote;
    } else {
      if (byte == '\n') ++line_;
      field.push_back(byte);
    }
    return false;
  }
  if (byte == options_.separator) {
    record.fields.push_back(std::move(field));
    field.clear();
    state = State::field_start;
  } else if (byte == '\n') {
    ++line_;
    record.fields.push_back(std::move(field));
    return true;
  } else if (byte == '\r' && input_.peek() == '\n') {
    // the '\n' that follows ends the record
  } else if (byte == '"' && state == State::field_start) {
    state = State::quoted;
  } else {
    field.push_back(byte);
    if (state == State::field_start) state = State::unquoted;
  }
  return false;
}

}  // namespace vigie::ingest
