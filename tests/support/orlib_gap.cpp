#include "support/orlib_gap.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "common/file_io.hpp"
#include "support/child_process.hpp"

namespace vigie::testing {
namespace {

std::filesystem::path data_dir() {
  return source_dir() / "../shared/data/orlib-gap";
}

// optima.csv: file,index,orlib_name,agents,jobs,optimum_max,optimum_min.
std::map<std::pair<std::string, int>, std::pair<std::int64_t, std::int64_t>> read_optima() {
  std::map<std::pair<std::string, int>, std::pair<std::int64_t, std::int64_t>> optima;
  std::ifstream csv(data_dir() / "optima.csv");
  std::string line;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (cells.size() < 7) continue;
    optima[{cells[0], std::stoi(cells[1])}] = {std::stoll(cells[5]), std::stoll(cells[6])};
  }
  return optima;
}

}  // namespace

std::vector<PublishedGap> published_gap(int first_file, int last_file) {
  const auto optima = read_optima();
  std::vector<PublishedGap> all;
  for (int k = first_file; k <= last_file; ++k) {
    const std::string stem = "gap" + std::to_string(k);
    auto text = read_file(data_dir() / (stem + ".txt"));
    EXPECT_TRUE(text) << text.error().describe();
    if (!text) continue;
    auto instances = models::planning::parse_gap_file(*text, stem);
    EXPECT_TRUE(instances) << instances.error().describe();
    if (!instances) continue;
    for (std::size_t i = 0; i < instances->size(); ++i) {
      const auto known = optima.find({stem + ".txt", static_cast<int>(i) + 1});
      EXPECT_NE(known, optima.end()) << stem << "-" << i + 1 << " is not in optima.csv";
      if (known == optima.end()) continue;
      all.push_back({(*instances)[i], known->second.first, known->second.second});
    }
  }
  return all;
}

}  // namespace vigie::testing
