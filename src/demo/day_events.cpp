#include "demo/day_events.hpp"

#include <algorithm>
#include <charconv>

#include "common/paris_time.hpp"

namespace vigie::demo {
namespace {

// "+01:00" or "+02:00": the offset of the day, read from the common Paris formatting at noon
// rather than computed here, so that no daylight-saving rule is written twice.
std::string day_offset(LocalDate day) {
  const std::string noon = format_paris_rfc3339(paris_instant(day, 12, 0));
  return noon.substr(noon.size() - 6);
}

void append_number(std::string& out, std::uint64_t number) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, number).ptr;
  out.append(buf, end);
}

void append_two_digits(std::string& out, int number) {
  out += static_cast<char>('0' + number / 10);
  out += static_cast<char>('0' + number % 10);
}

void append_quoted_or_null(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

void DayEvents::add(int second_of_day, events::EventType type, std::string_view site_id,
                    events::Source source, std::string_view actor_id, std::string data) {
  pending_.push_back(Pending{second_of_day, static_cast<std::uint32_t>(pending_.size()), type,
                             source, site_id, actor_id, std::move(data)});
}

// By hand rather than through JsonWriter: this runs once per event (millions for benchmarks),
// and every envelope value is an id, type name, source or timestamp made by the simulator, none
// with a character to escape. The free-text `data` objects go through JsonWriter.
void DayEvents::write_envelope(const Pending& event, std::string_view date_text,
                               std::string_view offset_text) {
  line_.clear();
  line_ += R"({"id":"demo-)";
  append_number(line_, seed_);
  line_ += '-';
  append_number(line_, ++emitted_);
  line_ += R"(","type":")";
  line_ += events::type_name(event.type);
  line_ += R"(","site_id":)";
  append_quoted_or_null(line_, event.site_id);
  line_ += R"(,"occurred_at":")";
  line_ += date_text;
  line_ += 'T';
  append_two_digits(line_, event.second_of_day / 3600);
  line_ += ':';
  append_two_digits(line_, event.second_of_day / 60 % 60);
  line_ += ':';
  append_two_digits(line_, event.second_of_day % 60);
  line_ += offset_text;
  line_ += R"(","source":")";
  line_ += events::source_name(event.source);
  line_ += '"';
  if (!event.actor_id.empty()) {
    line_ += R"(,"actor_id":)";
    append_quoted_or_null(line_, event.actor_id);
  }
  line_ += R"(,"data":)";
  line_ += event.data;
  line_ += '}';
}

void DayEvents::flush(LocalDate day, const std::function<void(std::string_view)>& emit) {
  if (pending_.empty()) return;
  order_.resize(pending_.size());
  for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
  std::sort(order_.begin(), order_.end(), [this](std::uint32_t a, std::uint32_t b) {
    const Pending& x = pending_[a];
    const Pending& y = pending_[b];
    return x.second_of_day != y.second_of_day ? x.second_of_day < y.second_of_day
                                              : x.sequence < y.sequence;
  });
  const std::string date_text = format_iso_date(day);
  const std::string offset_text = day_offset(day);
  for (const std::uint32_t index : order_) {
    write_envelope(pending_[index], date_text, offset_text);
    emit(line_);
  }
  pending_.clear();
}

}  // namespace vigie::demo
