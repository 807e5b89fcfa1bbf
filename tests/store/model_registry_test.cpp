// The model registry of the store: versions numbered per model, listed newest first without
// their files, the active one being the latest promotion (a rollback is a promotion of an
// older version), and a promotion of a version that does not exist refused.
#include <gtest/gtest.h>

#include <chrono>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::store {
namespace {

ModelVersionRow version(const std::string& model, const std::string& file, int minute) {
  ModelVersionRow row;
  row.model = model;
  row.created_at = Instant{std::chrono::minutes{minute}};
  row.trained_by = "test";
  row.params = R"({"eta":0.05})";
  row.data_window = R"({"cut":"2026-03-02"})";
  row.metrics = R"({"f1":0.9})";
  row.file = file;
  return row;
}

TEST(ModelRegistry, NumbersListsAndPromotes) {
  const testing::TempDir dir;
  auto store = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(store);
  Store& s = **store;
  auto none = s.model_version("delay", 0);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);

  EXPECT_EQ(*s.add_model_version(version("delay", "first model", 1)), 1);
  EXPECT_EQ(*s.add_model_version(version("delay", "second model", 2)), 2);
  EXPECT_EQ(*s.add_model_version(version("triage", "other", 3)), 1);
  EXPECT_TRUE(*s.promote_model_version("delay", 2, Instant{std::chrono::minutes{10}}, "vigie train delay"));
  EXPECT_FALSE(*s.promote_model_version("delay", 7, Instant{std::chrono::minutes{11}}, "x"));

  auto listed = s.model_versions("delay");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].version, 2);
  EXPECT_TRUE((*listed)[0].active);
  EXPECT_FALSE((*listed)[1].active);
  EXPECT_TRUE((*listed)[0].file.empty());
  EXPECT_EQ((*listed)[0].promoted_by, "vigie train delay");

  auto active = s.model_version("delay", 0);
  ASSERT_TRUE(active && *active);
  EXPECT_EQ((*active)->version, 2);
  EXPECT_EQ((*active)->file, "second model");
  EXPECT_EQ((*active)->metrics, R"({"f1":0.9})");

  // A rollback: version 1 promoted again serves from now on.
  EXPECT_TRUE(*s.promote_model_version("delay", 1, Instant{std::chrono::minutes{20}}, "admin"));
  active = s.model_version("delay", 0);
  ASSERT_TRUE(active && *active);
  EXPECT_EQ((*active)->version, 1);
  EXPECT_EQ((*active)->file, "first model");
}

}  // namespace
}  // namespace vigie::store
