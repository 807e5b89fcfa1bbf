// tests/ingest/ingest_fixture.hpp
//
// For the webhook and import tests: a fresh SQLite store and pipeline in a temporary directory,
// with the two sites the sample payloads and files name (CH-2025-017, CH-2025-021) already
// stored, and the path of files shipped in the source tree (mappings, sample data).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/pipeline.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::ingest {

// A file of the source tree: VIGIE_SOURCE_DIR (set by ctest), else found from this header.
inline std::filesystem::path source_file(const std::string& relative) {
  const char* root = std::getenv("VIGIE_SOURCE_DIR");
  const std::filesystem::path base =
      root != nullptr ? std::filesystem::path{root}
                      : std::filesystem::path{__FILE__}.parent_path().parent_path().parent_path();
  return base / relative;
}

class IngestFixture : public ::testing::Test {
 protected:
  static constexpr std::uint64_t kSiteEvents = 2;

  void SetUp() override {
    auto opened =
        store::open_store({.engine = "sqlite", .path = dir_.file("vigie.sqlite"), .durable = true});
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
    pipeline_ = std::make_unique<Pipeline>(*store_, PipelineOptions{});
    std::vector<events::Event> sites;
    sites.push_back(testing::event_from(
        testing::site_json("site-017", "CH-2025-017", "2025-03-03T08:00:00+01:00", 1'250'000)));
    sites.push_back(testing::event_from(
        testing::site_json("site-021", "CH-2025-021", "2025-06-02T08:00:00+02:00", 480'000)));
    const auto stored = pipeline_->submit_events(std::move(sites));
    ASSERT_TRUE(stored && stored->accepted == kSiteEvents);
  }

  // Events stored besides the fixture's sites.
  std::uint64_t stored_events() const { return *store_->event_count() - kSiteEvents; }

  vigie::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace vigie::ingest
