// demo/day_events.hpp
//
// Collects one simulated day's events, then writes them as envelopes in time order. Within the
// day, ties keep the order in which the simulation added them, and ids ("demo-<seed>-<n>") are
// numbered in emission order, so the stream is sorted by occurred_at and then by sequence.
// All of a day's events fall between 05:00 and 23:00 Paris time, after any clock change, so the
// day's single UTC offset applies to every one of them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "events/event.hpp"

namespace vigie::demo {

class DayEvents {
 public:
  explicit DayEvents(std::uint64_t seed) : seed_{seed} {}

  // `site_id` and `actor_id` must outlive flush(); empty means null / absent.
  void add(int second_of_day, events::EventType type, std::string_view site_id,
           events::Source source, std::string_view actor_id, std::string data);

  // Writes the day's events to `emit` and forgets them.
  void flush(LocalDate day, const std::function<void(std::string_view)>& emit);

  std::uint64_t emitted() const { return emitted_; }

 private:
  struct Pending {
    int second_of_day = 0;
    std::uint32_t sequence = 0;
    events::EventType type{};
    events::Source source{};
    std::string_view site_id;
    std::string_view actor_id;
    std::string data;
  };
  void write_envelope(const Pending& event, std::string_view date_text,
                      std::string_view offset_text);

  std::uint64_t seed_;
  std::uint64_t emitted_ = 0;
  std::string line_;  // reused: the envelope being written
  std::vector<Pending> pending_;
  std::vector<std::uint32_t> order_;
};

}  // namespace vigie::demo
