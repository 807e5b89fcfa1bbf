#include "demo/towns.hpp"

#include <cmath>
#include <iterator>

namespace vigie::demo {
namespace {

// Town-hall coordinates, altitude of the centre, population (2020 census, rounded).
constexpr Town kTowns[] = {
    {"Lyon", "Rhône", 45.7640, 4.8357, 173, 522},
    {"Villeurbanne", "Rhône", 45.7719, 4.8902, 170, 152},
    {"Vénissieux", "Rhône", 45.6975, 4.8867, 200, 67},
    {"Vaulx-en-Velin", "Rhône", 45.7786, 4.9214, 170, 52},
    {"Caluire-et-Cuire", "Rhône", 45.7953, 4.8469, 230, 43},
    {"Villefranche-sur-Saône", "Rhône", 45.9897, 4.7186, 190, 36},
    {"Grenoble", "Isère", 45.1885, 5.7245, 214, 158},
    {"Échirolles", "Isère", 45.1436, 5.7203, 240, 37},
    {"Vienne", "Isère", 45.5256, 4.8744, 160, 30},
    {"Bourgoin-Jallieu", "Isère", 45.5861, 5.2736, 250, 29},
    {"Voiron", "Isère", 45.3642, 5.5889, 290, 20},
    {"Saint-Étienne", "Loire", 45.4397, 4.3872, 516, 173},
    {"Roanne", "Loire", 46.0344, 4.0725, 280, 34},
    {"Saint-Chamond", "Loire", 45.4753, 4.5147, 380, 35},
    {"Montbrison", "Loire", 45.6075, 4.0653, 391, 16},
    {"Annecy", "Haute-Savoie", 45.8992, 6.1294, 448, 130},
    {"Annemasse", "Haute-Savoie", 46.1934, 6.2342, 432, 36},
    {"Thonon-les-Bains", "Haute-Savoie", 46.3705, 6.4793, 426, 35},
    {"Cluses", "Haute-Savoie", 46.0606, 6.5797, 486, 17},
    {"Chamonix-Mont-Blanc", "Haute-Savoie", 45.9237, 6.8694, 1035, 9},
    {"Chambéry", "Savoie", 45.5646, 5.9178, 270, 60},
    {"Aix-les-Bains", "Savoie", 45.6885, 5.9153, 250, 31},
    {"Albertville", "Savoie", 45.6756, 6.3925, 344, 19},
    {"Valence", "Drôme", 44.9334, 4.8924, 126, 64},
    {"Montélimar", "Drôme", 44.5581, 4.7509, 79, 40},
    {"Romans-sur-Isère", "Drôme", 45.0433, 5.0511, 162, 33},
    {"Annonay", "Ardèche", 45.2400, 4.6708, 350, 16},
    {"Aubenas", "Ardèche", 44.6197, 4.3903, 300, 12},
    {"Privas", "Ardèche", 44.7353, 4.5992, 300, 8},
    {"Bourg-en-Bresse", "Ain", 46.2052, 5.2255, 240, 41},
    {"Oyonnax", "Ain", 46.2561, 5.6556, 540, 22},
    {"Clermont-Ferrand", "Puy-de-Dôme", 45.7772, 3.0870, 401, 147},
    {"Riom", "Puy-de-Dôme", 45.8936, 3.1128, 342, 19},
    {"Issoire", "Puy-de-Dôme", 45.5442, 3.2497, 400, 15},
    {"Vichy", "Allier", 46.1277, 3.4260, 263, 25},
    {"Montluçon", "Allier", 46.3401, 2.6033, 208, 34},
    {"Moulins", "Allier", 46.5660, 3.3331, 220, 19},
    {"Le Puy-en-Velay", "Haute-Loire", 45.0434, 3.8855, 629, 19},
    {"Aurillac", "Cantal", 44.9264, 2.4397, 622, 25},
    {"Saint-Flour", "Cantal", 45.0339, 3.0931, 883, 6},
};

constexpr double kKmPerDegreeLat = 111.2;
constexpr double kCosMeanLatitude = 0.7009;  // cos(45.5°), the region's middle

}  // namespace

std::span<const Town> towns() { return kTowns; }

int pick_town(Rng& rng) {
  double weights[std::size(kTowns)];
  for (std::size_t i = 0; i < std::size(kTowns); ++i) weights[i] = std::sqrt(kTowns[i].population_k);
  return static_cast<int>(rng.weighted(weights));
}

double distance_km(double lat_a, double lon_a, double lat_b, double lon_b) {
  const double north_km = (lat_b - lat_a) * kKmPerDegreeLat;
  const double east_km = (lon_b - lon_a) * kKmPerDegreeLat * kCosMeanLatitude;
  return std::sqrt(north_km * north_km + east_km * east_km);
}

}  // namespace vigie::demo
