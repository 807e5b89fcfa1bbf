// models/delay/dataset.hpp
//
// The delay model's rows (models.md, Model 1): weekly snapshots over the life of every completed
// site, each labelled by the site's real end, split by time and never by rows of one site.
// Sites completed before the cut date train (the latest of them, by end date, are the
// validation slice for early stopping); those completed on or after it test.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"
#include "models/delay/feature_builder.hpp"

namespace vigie::models {

struct DatasetOptions {
  int late_tolerance_days = 0;  // late when actual_end − planned_end > this
  int snapshot_every_days = 7;
  double test_share = 0.3;        // of completed sites, the latest to finish
  double validation_share = 0.2;  // of the training sites, the latest to finish
  std::optional<LocalDate> cut;   // set: test = sites completed on or after it
  // Rows only up to this instant, and only sites completed by then (evaluation "as of").
  std::optional<Instant> as_of;
  // Feature 18's list of a trained version (evaluating it again); else every region, sorted.
  std::optional<std::vector<std::string>> regions;
};

struct DelayRow {
  std::size_t site = 0;  // index in CompanyHistory::sites()
  Instant at{};
  FeatureRow features;
  bool late = false;
  double delay_days = 0;
};

struct DelayDataset {
  std::vector<DelayRow> train, validation, test;
  std::size_t train_sites = 0, validation_sites = 0, test_sites = 0;
  LocalDate cut{};                 // first end date of the test sites
  LocalDate first_end{}, last_end{};  // the window of end dates the rows come from
  std::vector<std::string> regions;  // feature 18's list, sorted
};

// The snapshot instants of a site: 18:00 Paris on the day it started (its first record saying
// active, else its planned start), then every `every_days`, before `until`.
std::vector<Instant> snapshot_instants(const SiteHistory& site, Instant until, int every_days);

// Fails when there are too few completed sites to train and test on (named in the message).
Expected<DelayDataset> build_delay_dataset(const CompanyHistory& history, const SimilarSites& similar,
                                           const DatasetOptions& options);

// Every region named by a site record, sorted: the list feature 18 indexes.
std::vector<std::string> regions_of(const CompanyHistory& history);

}  // namespace vigie::models
