#include "demo/weather.hpp"

#include <algorithm>

#include "common/time.hpp"
#include "demo/rng.hpp"
#include "demo/towns.hpp"

namespace vigie::demo {
namespace {

// Lyon-like climatology at 200 m, January first: chance of a wet day, of frost, and the share of
// wet days that are snowy.
constexpr double kPrecipitation[12] = {.30, .27, .29, .33, .37, .31, .24, .26, .28, .34, .35, .32};
constexpr double kFrost[12] = {.50, .42, .22, .06, 0, 0, 0, 0, 0, .04, .22, .44};
constexpr double kSnowShare[12] = {.20, .18, .08, .01, 0, 0, 0, 0, 0, 0, .04, .15};
constexpr int kReferenceAltitude = 200;
constexpr double kForecastErrorAfterDay3 = 0.12;

enum class Draw : std::uint64_t { wetness = 1, coldness, fall, snow, frost, forecast_error };

std::uint64_t key(std::uint64_t seed, int town, std::int64_t when, Draw what) {
  return stream_seed(seed ^ 0x57454154484552ULL, static_cast<std::uint64_t>(town) * 64 +
                                                      static_cast<std::uint64_t>(what),
                     static_cast<std::uint64_t>(when));
}

}  // namespace

Climate climate(unsigned month, int altitude_m) {
  const double above = static_cast<double>(altitude_m - kReferenceAltitude);
  const unsigned m = (month + 11) % 12;
  Climate c;
  c.precipitation = std::min(0.8, kPrecipitation[m] * (1 + above / 2500));
  c.snow_share = std::min(0.9, kSnowShare[m] * (1 + std::max(0.0, above) / 300));
  c.frost = kFrost[m] > 0 ? std::clamp(kFrost[m] + above * 0.0004, 0.0, 0.95) : 0.0;
  return c;
}

DayWeather draw_day(const Climate& c, double wetness, double coldness, double u_fall,
                    double u_snow, double u_frost) {
  DayWeather day;
  const bool falls = u_fall < std::min(0.95, c.precipitation * wetness);
  const bool snowy = u_snow < std::min(0.95, c.snow_share * coldness);
  day.snow = falls && snowy;
  day.rain = falls && !snowy;
  day.frost = u_frost < std::min(0.95, c.frost * coldness);
  return day;
}

DayWeather weather_on(std::uint64_t seed, int town, std::int32_t day) {
  const unsigned month = static_cast<unsigned>(date_from_days(day).month());
  const std::int64_t week = (static_cast<std::int64_t>(day) + 3) / 7;  // weeks start on Monday
  const Climate c = climate(month, towns()[static_cast<std::size_t>(town)].altitude_m);
  return draw_day(c, wetness_factor(unit_from_key(key(seed, town, week, Draw::wetness))),
                  coldness_factor(unit_from_key(key(seed, town, week, Draw::coldness))),
                  unit_from_key(key(seed, town, day, Draw::fall)),
                  unit_from_key(key(seed, town, day, Draw::snow)),
                  unit_from_key(key(seed, town, day, Draw::frost)));
}

namespace {

// A forecast is sometimes wrong after the third day, never with snow or frost out of season.
void blur(DayWeather& w, std::uint64_t key_base, bool frost_season) {
  if (unit_from_key(key_base) < kForecastErrorAfterDay3) w.rain = !w.rain;
  if (w.snow && unit_from_key(key_base + 1) < kForecastErrorAfterDay3) {
    w.snow = false;
    w.rain = true;
  }
  if (frost_season && unit_from_key(key_base + 2) < kForecastErrorAfterDay3) w.frost = !w.frost;
}

}  // namespace

Forecast forecast_7d(std::uint64_t seed, int town, std::int32_t day) {
  Forecast forecast;
  const int altitude = towns()[static_cast<std::size_t>(town)].altitude_m;
  for (int ahead = 0; ahead < 7; ++ahead) {
    DayWeather w = weather_on(seed, town, day + ahead);
    if (ahead >= 3) {
      const unsigned month = static_cast<unsigned>(date_from_days(day + ahead).month());
      blur(w, key(seed, town, day * 8LL + ahead, Draw::forecast_error),
           climate(month, altitude).frost > 0);
    }
    forecast.rain_days += w.rain ? 1 : 0;
    forecast.snow_days += w.snow ? 1 : 0;
    forecast.frost_days += w.frost ? 1 : 0;
  }
  return forecast;
}

}  // namespace vigie::demo
