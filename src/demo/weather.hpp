// demo/weather.hpp
//
// The demo's weather: for each town and day, rain, snow and frost, from a monthly climatology that
// depends on altitude, with weekly wet and cold spells. Stateless (a hash of seed, town and day),
// so every site in a town sees the same sky and the 7-day forecast can look ahead.
// The truth estimator draws from the same climatology (climate(), the spell factors).
#pragma once

#include <cstdint>

namespace vigie::demo {

struct DayWeather {
  bool rain = false;
  bool snow = false;
  bool frost = false;
};

// Chances for one day, before the week's spells.
struct Climate {
  double precipitation = 0;  // rain or snow falls
  double snow_share = 0;     // of precipitation days, those with snow
  double frost = 0;
};
Climate climate(unsigned month, int altitude_m);

// A week's spell factors from a uniform draw u in [0, 1): mean 1.
inline double wetness_factor(double u) { return 0.4 + 1.2 * u; }
inline double coldness_factor(double u) { return 0.5 + u; }

// One day from the climate, the week's factors and three uniform draws.
DayWeather draw_day(const Climate& climate, double wetness, double coldness, double u_fall,
                    double u_snow, double u_frost);

DayWeather weather_on(std::uint64_t seed, int town, std::int32_t day);

struct Forecast {
  int rain_days = 0;
  int snow_days = 0;
  int frost_days = 0;
};
// The provider's forecast issued on `day` for days day … day+6: right for the first three days,
// each flag sometimes wrong after.
Forecast forecast_7d(std::uint64_t seed, int town, std::int32_t day);

}  // namespace vigie::demo
