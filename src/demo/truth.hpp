// demo/truth.hpp
//
// What the causal model implies for a site when it is signed: the probability that it finishes
// after planned_end and the expected days of delay, integrated over everything still to be drawn
// (the effort's noise, incidents, requests, weather, absences, suspensions, plan changes). A
// deterministic Monte-Carlo replays the simulation's own rules on the planned working days, with
// the same functions and constants (causal_model.hpp, weather.hpp), from a stream of its own.
// This is the best a predictor can do knowing the site's plan and hidden difficulty at signing;
// a model that watches the site's events can know more about its particular history.
#pragma once

#include <cstdint>

#include "demo/causal_model.hpp"
#include "demo/site_plan.hpp"

namespace vigie::demo {

struct Outlook {
  double p_late = 0;
  double expected_delay_days = 0;  // calendar days after planned_end, 0 when on time
};

Outlook estimate_outlook(const SitePlan& plan, const SiteDrivers& drivers, std::uint64_t seed);

}  // namespace vigie::demo
