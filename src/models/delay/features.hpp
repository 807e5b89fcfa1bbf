// models/delay/features.hpp
//
// The features of the delay model (models.md, Model 1): the twenty of the spec, then five that
// the explanations and suggested actions need or that the spec's own reference rule reads
// (open incidents, open design-office requests, percent complete, the schedule performance
// index, the site type, the planned duration). The regressor learns the delay as a share of
// the planned duration, so that what it learnt on short sites carries to long ones. Their order is the column order of every dataset and model file: a
// change here is a new model format (kDelayFeatureSet), and old versions are refused.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace vigie::models {

enum class Feature : std::uint8_t {
  budget_total,                  // 1  € (BAC)
  budget_consumed_pct,           // 2  AC / BAC, %
  elapsed_ratio,                 // 3  calendar days since planned start / planned days
  incidents_total,               // 4
  incidents_critical,            // 5  with the labels known at t
  incident_resolution_hours,     // 6  mean, of the incidents resolved by t
  photos_14d,                    // 7  activity
  bad_weather_days_7d,           // 8  rain, snow or frost days in the last forecast (at most 7)
  team_size,                     // 9  people with a timesheet on the site in the last 14 days
  chief_experience_years,        // 10
  plan_modifications,            // 11
  design_office_response_hours,  // 12 mean, of the technical requests and questions answered
  team_presence_rate,            // 13 1 − absent person-days / (present + absent)
  complexity,                    // 14 1–5
  similar_sites_delay_days,      // 15 mean delay of completed sites of the same type and region
  season,                        // 16 0 winter … 3 autumn
  weekday,                       // 17 1 Monday … 7 Sunday
  region,                        // 18 index in the model's region list
  subcontractors,                // 19
  material_vs_progress,          // 20 material spent / material budget − progress, in points
  percent_complete,              // extra: the last progress report
  schedule_performance,          // extra: SPI = progress / planned progress (elapsed ratio)
  incidents_open,                // extra: opened and not resolved at t
  design_requests_open,          // extra: technical requests and questions not answered at t
  site_type,                     // extra: 0 residentiel, 1 tertiaire, 2 industriel, 3 commercial
  planned_days,                  // extra: planned_end − planned_start; the regressor's scale
};
inline constexpr std::size_t kFeatureCount = 26;
inline constexpr std::string_view kDelayFeatureSet = "delay-features-1";

inline constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {
    "budget_total",          "budget_consumed_pct",     "elapsed_ratio",
    "incidents_total",       "incidents_critical",      "incident_resolution_hours",
    "photos_14d",            "bad_weather_days_7d",     "team_size",
    "chief_experience_years","plan_modifications",      "design_office_response_hours",
    "team_presence_rate",    "complexity",              "similar_sites_delay_days",
    "season",                "weekday",                 "region",
    "subcontractors",        "material_vs_progress",    "percent_complete",
    "schedule_performance",  "incidents_open",          "design_requests_open",
    "site_type",             "planned_days",
};

inline constexpr std::array<std::string_view, 4> kSiteTypes = {"residentiel", "tertiaire",
                                                               "industriel", "commercial"};

inline constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

// One site at one date: the model's inputs, NaN where the history does not say.
struct FeatureRow {
  std::array<float, kFeatureCount> values;
  FeatureRow() { values.fill(kMissing); }
  float& operator[](Feature f) { return values[static_cast<std::size_t>(f)]; }
  float operator[](Feature f) const { return values[static_cast<std::size_t>(f)]; }
  bool operator==(const FeatureRow& other) const {
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
      const float a = values[i], b = other.values[i];
      if (!(a == b || (std::isnan(a) && std::isnan(b)))) return false;
    }
    return true;
  }
};

inline std::string_view feature_name(Feature f) { return kFeatureNames[static_cast<std::size_t>(f)]; }

// What the explanations quote beside the features, as known at the same date.
struct SiteFigures {
  std::string region;
  std::string type;
  float rain_days = 0, snow_days = 0, frost_days = 0;
  int technical_incidents_open = 0;
  int events_seen = 0;                 // facts up to t: how much the model has to go on
  double days_since_progress = -1;     // -1: no progress report yet
  bool started = false;                // t is on or after the planned start
};

}  // namespace vigie::models
