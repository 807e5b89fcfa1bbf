// demo/simulation.hpp
//
// The day loop: every simulated day, every site takes its steps (site_steps.hpp), then the day's
// events are written in time order. The reference data (people, vehicles and tools, teams) opens
// the first day.
#pragma once

#include <functional>
#include <string_view>

#include "demo/world.hpp"

namespace vigie::demo {

DayClock make_clock(std::int32_t day);

void emit_reference_events(World& world, std::int32_t first_day);

// One site's day: status, work on working days, follow-ups of open issues.
void site_day(World& world, int site, const DayClock& clock);

void run_days(World& world, std::int32_t first_day, std::int32_t last_day,
              const std::function<void(std::string_view)>& emit);

}  // namespace vigie::demo
