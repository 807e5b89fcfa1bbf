#include "demo/world.hpp"

#include <algorithm>

namespace vigie::demo {
namespace {

constexpr int kOfficeOpens = 7 * 3600 + 30 * 60;
constexpr int kOfficeCloses = 19 * 3600;

}  // namespace

Stamp after_hours(Stamp from, double hours) {
  return from + static_cast<Stamp>(hours * 3600);
}

Stamp office_time(Stamp t) {
  std::int32_t day = day_of(t);
  int second = second_of_day(t);
  if (second >= kOfficeCloses) {
    ++day;
    second = kOfficeOpens + second % 1800;  // keep some spread within the first half hour
  } else if (second < kOfficeOpens) {
    second = kOfficeOpens + second % 1800;
  }
  while (!is_working_day(day)) ++day;
  return at(day, 0, 0) + second;
}

void World::add(int site, Stamp when, events::EventType type, events::Source source, int actor,
                std::string data) {
  const std::string_view site_id = site < 0 ? std::string_view{} : plans[site].id;
  const std::string_view actor_id = actor < 0 ? std::string_view{} : person_id(actor);
  events.add(second_of_day(when), type, site_id, source, actor_id, std::move(data));
}

double World::progress(int site) const {
  const SiteState& state = sites[site];
  return state.effort <= 0 ? 0.0 : std::min(1.0, state.output / state.effort);
}

}  // namespace vigie::demo
