#include "api/metrics.hpp"

#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

// Label values are quoted; backslash, quote and newline escaped as the format requires.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

void render_event_counter(std::string& out, const char* name, const char* help,
                          const std::map<std::tuple<std::string, std::string>, std::uint64_t>& counts) {
  out += std::string{"# HELP "} + name + " " + help + "\n# TYPE " + name + " counter\n";
  for (const auto& [key, count] : counts) {
    out += std::string{name} + "{type=\"" + label(std::get<0>(key)) + "\",source=\"" +
           label(std::get<1>(key)) + "\"} " + std::to_string(count) + "\n";
  }
}

}  // namespace

void Metrics::record_request(const std::string& route, const std::string& method, int status,
                             double seconds) {
  const std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
  Histogram& histogram = latency_[route];
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::on_committed(std::span<const events::Event> batch,
                           std::span<const store::AppendStatus> statuses) {
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EventKey key{std::string{events::type_name(batch[i].type)},
                 std::string{events::source_name(batch[i].source)}};
    ++(statuses[i] == store::AppendStatus::accepted ? accepted_ : duplicates_)[key];
  }
}

void Metrics::on_refused(std::string_view type, std::string_view source, const Error&) {
  const std::lock_guard lock(mutex_);
  ++refused_[{std::string{type}, std::string{source}}];
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  const std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::add_family(std::string name, std::string help, std::string type,
                         std::function<LabelledValues()> read) {
  const std::lock_guard lock(mutex_);
  families_.push_back({std::move(name), std::move(help), std::move(type), std::move(read)});
}

std::string Metrics::render_prometheus() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP vigie_http_requests_total HTTP requests by route, method and status.\n"
         "# TYPE vigie_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "vigie_http_requests_total{route=\"" + label(std::get<0>(key)) + "\",method=\"" +
           label(std::get<1>(key)) + "\",status=\"" + std::to_string(std::get<2>(key)) + "\"} " +
           std::to_string(count) + "\n";
  }
  out += "# HELP vigie_http_request_duration_seconds Time to answer, by route.\n"
         "# TYPE vigie_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    const std::string name = "vigie_http_request_duration_seconds";
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += name + "_bucket{route=\"" + label(route) + "\",le=\"" +
             format_json_number(kBucketsSeconds[i]) + "\"} " + std::to_string(histogram.buckets[i]) + "\n";
    }
    out += name + "_bucket{route=\"" + label(route) + "\",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out += name + "_sum{route=\"" + label(route) + "\"} " + format_json_number(histogram.sum) + "\n";
    out += name + "_count{route=\"" + label(route) + "\"} " + std::to_string(histogram.count) + "\n";
  }
  render_event_counter(out, "vigie_events_accepted_total", "Events stored, by type and source.",
                       accepted_);
  render_event_counter(out, "vigie_events_duplicate_total",
                       "Events acknowledged as already stored (same id).", duplicates_);
  render_event_counter(out, "vigie_events_refused_total", "Events refused by validation.",
                       refused_);
  for (const Gauge& gauge : gauges_) {
    out += "# HELP " + gauge.name + " " + gauge.help + "\n# TYPE " + gauge.name + " gauge\n" +
           gauge.name + " " + format_json_number(gauge.read()) + "\n";
  }
  for (const Family& family : families_) {
    out += "# HELP " + family.name + " " + family.help + "\n# TYPE " + family.name + " " + family.type + "\n";
    for (const auto& [labels, value] : family.read()) {
      out += family.name + "{" + labels + "} " + format_json_number(value) + "\n";
    }
  }
  return out;
}

}  // namespace vigie::api
