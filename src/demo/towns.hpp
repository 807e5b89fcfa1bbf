// demo/towns.hpp
//
// Real towns of Auvergne-Rhône-Alpes where the demo company works, with real coordinates,
// altitude (snow and frost depend on it) and population (bigger towns get more sites). Embedded in
// the binary so that `vigie demo` needs no data folder.
#pragma once

#include <span>
#include <string_view>

#include "demo/rng.hpp"

namespace vigie::demo {

struct Town {
  std::string_view name;
  std::string_view department;  // the site's `region`: the company's agencies follow departments
  double lat = 0;
  double lon = 0;
  int altitude_m = 0;
  int population_k = 0;  // thousands of inhabitants
};

std::span<const Town> towns();

// A town index, weighted by the square root of population: cities get more, small towns appear.
int pick_town(Rng& rng);

// Straight-line distance. An equirectangular projection at the region's mean latitude: within 1 %
// over the region, and free of trigonometric library calls so that bytes are the same everywhere.
double distance_km(double lat_a, double lon_a, double lat_b, double lon_b);

}  // namespace vigie::demo
