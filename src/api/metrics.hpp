// api/metrics.hpp
//
// Counters and latency histograms, rendered in the Prometheus text format at /metrics:
// requests and latency per route, events accepted / duplicate / refused per type and source,
// and gauges read at scrape time (queue depth). Also an IngestObserver, so every door that
// ingests through the pipeline is counted the same way.
// Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/pipeline.hpp"

namespace vigie::api {

class Metrics final : public ingest::IngestObserver {
 public:
  static constexpr std::array<double, 14> kBucketsSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  void record_request(const std::string& route, const std::string& method, int status,
                      double seconds);
  void on_committed(std::span<const events::Event> batch,
                    std::span<const store::AppendStatus> statuses) override;
  void on_refused(std::string_view type, std::string_view source, const Error& error) override;

  // A value read when /metrics is scraped (queue depth, stored events…).
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  // Values read when /metrics is scraped, one per label set ("job=\"kpi_snapshot\""), of
  // `type` counter or gauge.
  using LabelledValues = std::vector<std::pair<std::string, double>>;
  void add_family(std::string name, std::string help, std::string type,
                  std::function<LabelledValues()> read);

  std::string render_prometheus() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  using EventKey = std::tuple<std::string, std::string>;  // type, source

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<EventKey, std::uint64_t> accepted_, duplicates_, refused_;
  std::vector<Gauge> gauges_;
  struct Family {
    std::string name, help, type;
    std::function<LabelledValues()> read;
  };
  std::vector<Family> families_;
};

}  // namespace vigie::api
