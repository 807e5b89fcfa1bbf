#include "models/triage/live_triage.hpp"

#include <cstdio>

#include "common/fnv_hash.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "events/catalogue.hpp"
#include "events/parse.hpp"
#include "models/triage/critical_alert.hpp"

namespace vigie::models::triage {
namespace {

using namespace std::chrono_literals;

constexpr auto kModelRecheck = 60s;        // how stale the active version may be
constexpr std::size_t kSubmitChunk = 500;  // classifications per write (a catch-up has many)
constexpr std::size_t kOpenAlertsRead = 100'000;


// The event's id, fixed per incident, so that classifying twice (a catch-up racing a commit)
// stores one event: the second is a duplicate. Hashed when the ids are too long to concatenate.
std::string classification_id(const std::string& site_id, const std::string& incident_id) {
  std::string id = "triage:" + site_id + ":" + incident_id;
  if (id.size() <= events::kMaxIdLength) return id;
  return "triage:" + Fnv1a{}.add(site_id).add(std::string_view{"\0", 1}).add(incident_id).hex();
}

// The incident.classified event of a prediction: only the outputs no one has labelled.
Expected<events::Event> classification_event(const IncidentRecord& record,
                                             const TriagePrediction& prediction,
                                             std::int64_t model_version) {
  const Labels known = record.person_given();
  JsonWriter envelope;
  envelope.begin_object()
      .field("id", classification_id(record.site_id, record.incident_id))
      .field("type", events::type_name(events::EventType::incident_classified))
      .field("site_id", record.site_id)
      .field("occurred_at", format_paris_rfc3339(*record.opened_at))  // the labels it had from then
      .field("source", events::source_name(events::Source::vigie));
  envelope.key("data").begin_object().field("incident_id", record.incident_id);
  for (const Output output : kAllOutputs) {
    const auto o = static_cast<std::size_t>(output);
    if (known[o] >= 0) continue;
    const int cls = prediction.labels[o];
    envelope.field(kLabelFields[o], event_value(output, cls));
    envelope.field(std::string{kLabelFields[o]} + "_probability",
                   static_cast<double>(prediction.probabilities[o][static_cast<std::size_t>(cls)]));
  }
  envelope.field("model_version", model_version).end_object().end_object();
  return events::parse_event(envelope.str(), events::Origin::vigie);
}

}  // namespace

LiveTriage::LiveTriage(store::Store& store, CompanyIncidents incidents, TriageSettings settings,
                       SubmitEvents submit, const Logger& log)
    : store_(store),
      settings_(std::move(settings)),
      submit_(std::move(submit)),
      log_(log),
      incidents_(std::move(incidents)) {}

LiveTriage::~LiveTriage() { stop(); }

void LiveTriage::start() {
  {
    const std::lock_guard lock(mutex_);
    if (started_) return;
    started_ = true;
    for (const auto& [key, record] : incidents_.records()) {
      if (record.needs_classification()) to_classify_.insert(key);
      if (is_open_critical(record)) to_check_.insert(key);
    }
  }
  worker_ = std::thread([this] { run(); });
}

void LiveTriage::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  idle_.notify_all();
}

void LiveTriage::apply(std::span<const events::Event> batch,
                       std::span<const store::AppendStatus> statuses) {
  bool queued = false;
  {
    const std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const events::Event& event = batch[i];
      if (statuses[i] != store::AppendStatus::accepted) continue;
      const IncidentRecord* record = incidents_.apply(event);
      if (record == nullptr) continue;  // not an incident event
      if (event.type == events::EventType::incident_taken) continue;  // no label, no alert changes
      Key key{record->site_id, record->incident_id};
      if (record->needs_classification()) {
        to_classify_.insert(key);
        model_missing_ = false;  // a new incident: look for a version again
      }
      to_check_.insert(std::move(key));
      queued = true;
    }
  }
  if (queued) wake_.notify_all();
}

void LiveTriage::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] {
    return !started_ || stopping_ ||
           (!busy_ && to_check_.empty() && (to_classify_.empty() || model_missing_));
  });
}

CorrectionShare LiveTriage::correction_share() const {
  const std::lock_guard lock(mutex_);
  return incidents_.correction_share();
}

std::shared_ptr<const LoadedTriage> LiveTriage::current_model(bool force_check) {
  const std::lock_guard lock(model_mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!force_check && model_ && model_checked_at_ && now - *model_checked_at_ < kModelRecheck) {
    return model_;
  }
  model_checked_at_ = now;
  auto versions = store_.model_versions(std::string{kTriageModelName});
  if (!versions) {
    log_.warn("triage model lookup failed", {{"error", versions.error().describe()}});
    return model_;
  }
  std::int64_t active = 0;
  for (const store::ModelVersionRow& row : *versions) {
    if (row.active) active = row.version;
  }
  if (active == 0 || (model_ && model_->row.version == active)) return model_;
  auto loaded = load_triage_version(store_, active);
  if (!loaded || !*loaded) {
    log_.error("triage model not loaded",
               {{"version", active},
                {"error", loaded ? std::string_view{"absent"} : loaded.error().message}});
    return model_;
  }
  model_ = std::make_shared<const LoadedTriage>(std::move(**loaded));
  log_.info("triage model loaded", {{"version", active}});
  return model_;
}

Expected<std::optional<LiveTriage::Classified>> LiveTriage::classify(const IncidentText& incident) {
  const auto model = current_model(false);
  if (!model) return std::optional<Classified>{};
  const std::lock_guard lock(model_mutex_);
  auto prediction = model->model.classify(incident, sla_of(settings_));
  if (!prediction) return prediction.error();
  return std::optional<Classified>{Classified{std::move(*prediction), model->row.version}};
}

void LiveTriage::run() {
  clear_stale_alerts();
  for (;;) {
    std::vector<Key> checks;
    bool want_model = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kModelRecheck, [this] {
        return stopping_ || !to_check_.empty() || (!to_classify_.empty() && !model_missing_);
      });
      if (stopping_) return;
      if (model_missing_) model_missing_ = false;  // the minute is up: look again
      checks.assign(to_check_.begin(), to_check_.end());
      to_check_.clear();
      want_model = !to_classify_.empty();
      busy_ = true;
    }
    if (want_model) {
      const auto model = current_model(false);
      std::vector<Key> keys;
      {
        const std::lock_guard lock(mutex_);
        if (model) {
          keys.assign(to_classify_.begin(), to_classify_.end());
          to_classify_.clear();
        } else {
          model_missing_ = true;
        }
      }
      if (model) classify_pending(model, std::move(keys));
    }
    check_alerts(checks);
    {
      const std::lock_guard lock(mutex_);
      busy_ = false;
    }
    idle_.notify_all();
  }
}

void LiveTriage::classify_pending(const std::shared_ptr<const LoadedTriage>& model,
                                  std::vector<Key> keys) {
  std::vector<events::Event> batch;
  std::vector<Key> in_batch;
  const auto flush = [&] {
    if (batch.empty()) return;
    auto stored = submit_(std::move(batch));
    if (!stored) {
      // Kept to classify again: the next commit or the next minute retries.
      log_.error("triage classifications not stored", {{"error", stored.error().describe()}});
      const std::lock_guard lock(mutex_);
      to_classify_.insert(in_batch.begin(), in_batch.end());
    }
    batch.clear();
    in_batch.clear();
  };
  for (Key& key : keys) {
    IncidentText text;
    IncidentRecord record;
    {
      const std::lock_guard lock(mutex_);
      const IncidentRecord* found = incidents_.find(key.first, key.second);
      if (found == nullptr || !found->needs_classification()) continue;
      record = *found;
      text.similar_labels = incidents_.similar_labels(record.site_id, record.words,
                                                      *record.opened_at, record.incident_id);
    }
    text.id = record.incident_id;
    text.description = record.description;
    text.opened_at = record.opened_at;
    if (auto site = store_.site(record.site_id); site && *site) text.site_type = (*site)->type;
    Expected<TriagePrediction> prediction = Error::make(ErrorCode::internal, "not classified");
    {
      const std::lock_guard lock(model_mutex_);
      prediction = model->model.classify(text, sla_of(settings_));
    }
    if (!prediction) {
      log_.error("incident not classified", {{"site_id", record.site_id},
                                             {"incident_id", record.incident_id},
                                             {"error", prediction.error().describe()}});
      continue;
    }
    auto event = classification_event(record, *prediction, model->row.version);
    if (!event) {
      log_.error("incident classification refused", {{"incident_id", record.incident_id},
                                                      {"error", event.error().describe()}});
      continue;
    }
    batch.push_back(std::move(*event));
    in_batch.push_back(std::move(key));
    if (batch.size() >= kSubmitChunk) flush();
  }
  flush();
}

void LiveTriage::check_alerts(const std::vector<Key>& keys) {
  const SlaHours sla = sla_of(settings_);
  for (const Key& key : keys) {
    std::optional<IncidentRecord> critical;
    {
      const std::lock_guard lock(mutex_);
      const IncidentRecord* record = incidents_.find(key.first, key.second);
      if (record != nullptr && is_open_critical(*record)) critical = *record;
    }
    const std::string alert_key = critical_alert_key(key.first, key.second);
    if (!critical) {
      if (!open_alerts_.contains(alert_key)) continue;
      if (auto cleared = store_.clear_alert(alert_key, instant_now()); !cleared) {
        log_.error("alert not cleared", {{"key", alert_key}, {"error", cleared.error().describe()}});
        continue;
      }
      open_alerts_.erase(alert_key);
      continue;
    }
    if (open_alerts_.contains(alert_key)) continue;
    std::string site_name;
    if (auto site = store_.site(key.first); site && *site) site_name = (*site)->name;
    auto raised = store_.raise_alert(critical_alert(*critical, site_name, sla, instant_now()));
    if (!raised) {
      log_.error("alert not raised", {{"key", alert_key}, {"error", raised.error().describe()}});
      continue;
    }
    open_alerts_.insert(alert_key);
    if (*raised) {
      log_.info("alert raised", {{"kind", kCriticalAlertKind}, {"site_id", key.first},
                                 {"incident_id", key.second}, {"alert_id", **raised}});
    }
  }
}

void LiveTriage::clear_stale_alerts() {
  auto open = store_.alerts(true, kOpenAlertsRead);
  if (!open) {
    log_.error("open alerts not read", {{"error", open.error().describe()}});
    return;
  }
  std::set<std::string> critical_keys;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [key, record] : incidents_.records()) {
      if (is_open_critical(record)) critical_keys.insert(critical_alert_key(key.first, key.second));
    }
  }
  for (const store::AlertRow& alert : *open) {
    if (alert.kind != kCriticalAlertKind) continue;
    if (critical_keys.contains(alert.key)) {
      open_alerts_.insert(alert.key);
    } else if (auto cleared = store_.clear_alert(alert.key, instant_now()); !cleared) {
      log_.error("alert not cleared", {{"key", alert.key}, {"error", cleared.error().describe()}});
    }
  }
}

}  // namespace vigie::models::triage
