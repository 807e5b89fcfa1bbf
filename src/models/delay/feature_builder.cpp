#include "models/delay/feature_builder.hpp"

#include <algorithm>
#include <chrono>

#include "common/paris_time.hpp"

namespace vigie::models {
namespace {

constexpr auto kActivityWindow = std::chrono::days{14};
constexpr int kCritical = 4;
constexpr int kTechnical = 1;
// Under this share of the planned time, "behind schedule" means nothing yet.
constexpr double kMinElapsedForSpi = 0.02;

double hours_between(Instant from, Instant to) {
  return std::chrono::duration<double, std::ratio<3600>>(to - from).count();
}

int season_of(LocalDate day) {
  const unsigned month = static_cast<unsigned>(day.month());
  return static_cast<int>((month % 12) / 3);  // Dec–Feb 0, Mar–May 1, Jun–Aug 2, Sep–Nov 3
}

std::optional<std::size_t> index_in(std::span<const std::string> list, const std::string& value) {
  const auto found = std::find(list.begin(), list.end(), value);
  if (found == list.end()) return std::nullopt;
  return static_cast<std::size_t>(found - list.begin());
}

}  // namespace

void FeatureBuilder::add(const Fact& fact) {
  ++facts_;
  switch (fact.kind) {
    case FactKind::site_record:
      record_ = &site_.records[static_cast<std::size_t>(fact.key)];
      budget_total_ = record_->budget_total;
      budget_material_ = record_->budget_material;
      break;
    case FactKind::budget_revised:
      budget_total_ = fact.x;
      budget_material_ = fact.y;
      break;
    case FactKind::expense:
      spent_total_ += fact.x;
      if (fact.y > 0) spent_material_ += fact.x;
      break;
    case FactKind::progress:
      progress_ = fact.x;
      progress_at_ = fact.at;
      break;
    case FactKind::absence:
      person_days_absent_ += fact.x;
      break;
    case FactKind::incident_opened:
    case FactKind::incident_relabelled: {
      Item& item = incidents_[fact.key];
      if (fact.kind == FactKind::incident_opened && !item.opened_at) item.opened_at = fact.at;
      if (fact.x > 0) item.severity = static_cast<int>(fact.x);
      if (fact.y >= 0) item.category = static_cast<int>(fact.y);
      break;
    }
    case FactKind::incident_resolved: {
      Item& item = incidents_[fact.key];
      if (!item.resolved_at) item.resolved_at = fact.at;
      break;
    }
    case FactKind::request_opened: {
      Item& item = requests_[fact.key];
      if (!item.opened_at) item.opened_at = fact.at;
      item.design_office = fact.x > 0;
      break;
    }
    case FactKind::request_resolved: {
      Item& item = requests_[fact.key];
      if (!item.resolved_at) item.resolved_at = fact.at;
      break;
    }
    case FactKind::plan_modified:
      ++plan_modifications_;
      break;
    case FactKind::weather:
      weather_ = fact;
      break;
    case FactKind::completed:
      break;
  }
}

FeatureRow FeatureBuilder::at(Instant t, const FeatureContext& context, SiteFigures* figures) const {
  FeatureRow row;
  const LocalDate today = paris_date(t);
  const std::int32_t day = days_since_epoch(today);
  row[Feature::season] = static_cast<float>(season_of(today));
  row[Feature::weekday] = static_cast<float>(
      std::chrono::weekday{std::chrono::sys_days{today}}.iso_encoding());
  row[Feature::plan_modifications] = static_cast<float>(plan_modifications_);
  // Photos and timesheets up to t (none after: the leakage test holds this).
  const auto photos_end = std::partition_point(site_.photos.begin(), site_.photos.end(),
                                               [t](Instant at) { return at <= t; });
  const auto days_end = std::partition_point(site_.timesheets.begin(), site_.timesheets.end(),
                                             [t](const PersonDay& d) { return d.at <= t; });
  if (figures != nullptr) {
    figures->events_seen = facts_ + static_cast<int>(photos_end - site_.photos.begin()) +
                           static_cast<int>(days_end - site_.timesheets.begin());
    figures->days_since_progress = progress_at_ ? hours_between(*progress_at_, t) / 24.0 : -1.0;
  }

  // The site's record: budget, schedule, who, what.
  const double progress = std::max(0.0, progress_);
  if (record_ != nullptr) {
    row[Feature::budget_total] = static_cast<float>(budget_total_);
    if (budget_total_ > 0) {
      row[Feature::budget_consumed_pct] = static_cast<float>(100.0 * spent_total_ / budget_total_);
    }
    const int planned_days = days_since_epoch(record_->planned_end) -
                             days_since_epoch(record_->planned_start);
    double elapsed = -1;
    if (planned_days > 0) {
      row[Feature::planned_days] = static_cast<float>(planned_days);
      elapsed = static_cast<double>(day - days_since_epoch(record_->planned_start)) / planned_days;
      row[Feature::elapsed_ratio] = static_cast<float>(elapsed);
    }
    if (progress_ >= 0 && elapsed >= kMinElapsedForSpi) {
      row[Feature::schedule_performance] =
          static_cast<float>((progress / 100.0) / std::min(1.0, elapsed));
    }
    if (budget_material_ > 0) {
      row[Feature::material_vs_progress] =
          static_cast<float>(100.0 * spent_material_ / budget_material_ - progress);
    }
    row[Feature::complexity] = static_cast<float>(record_->complexity);
    row[Feature::subcontractors] = static_cast<float>(record_->subcontractors);
    const auto type_at = std::find(kSiteTypes.begin(), kSiteTypes.end(), record_->type);
    if (type_at != kSiteTypes.end()) {
      row[Feature::site_type] = static_cast<float>(type_at - kSiteTypes.begin());
    }
    if (const auto region = index_in(context.regions, record_->region)) {
      row[Feature::region] = static_cast<float>(*region);
    }
    if (const auto similar = context.similar.mean_delay(record_->type, record_->region, t)) {
      row[Feature::similar_sites_delay_days] = static_cast<float>(*similar);
    }
    if (const auto years = context.history.experience_at(record_->chief_id, t)) {
      row[Feature::chief_experience_years] = static_cast<float>(*years);
    }
    if (figures != nullptr) {
      figures->region = record_->region;
      figures->type = record_->type;
      figures->started = elapsed >= 0;
    }
  }
  if (progress_ >= 0) row[Feature::percent_complete] = static_cast<float>(progress_);

  // Activity and the team.
  const Instant window_start = t - kActivityWindow;
  row[Feature::photos_14d] = static_cast<float>(
      photos_end - std::upper_bound(site_.photos.begin(), photos_end, window_start));
  // The people with a day on the site in the window: a few dozen entries, a dozen people.
  std::vector<std::int32_t> present;
  for (auto it = days_end; it != site_.timesheets.begin() && std::prev(it)->at > window_start;) {
    --it;
    if (std::find(present.begin(), present.end(), it->person) == present.end()) {
      present.push_back(it->person);
    }
  }
  int people = static_cast<int>(present.size());
  if (people == 0 && record_ != nullptr) people = context.history.team_size_at(record_->team_id, t);
  if (people > 0) row[Feature::team_size] = static_cast<float>(people);
  const auto person_days_present = static_cast<double>(days_end - site_.timesheets.begin());
  if (person_days_present + person_days_absent_ > 0) {
    row[Feature::team_presence_rate] = static_cast<float>(
        person_days_present / (person_days_present + person_days_absent_));
  }
  if (weather_) {
    row[Feature::bad_weather_days_7d] = std::min(7.0f, weather_->x + weather_->y + weather_->z);
    if (figures != nullptr) {
      figures->rain_days = weather_->x;
      figures->snow_days = weather_->y;
      figures->frost_days = weather_->z;
    }
  }

  // Incidents and design-office requests.
  int total = 0, critical = 0, open = 0, technical_open = 0, resolved = 0;
  double resolution_hours = 0;
  for (const auto& [key, item] : incidents_) {
    if (!item.opened_at) continue;
    ++total;
    critical += item.severity == kCritical ? 1 : 0;
    if (item.resolved_at) {
      ++resolved;
      resolution_hours += std::max(0.0, hours_between(*item.opened_at, *item.resolved_at));
    } else {
      ++open;
      technical_open += item.category == kTechnical ? 1 : 0;
    }
  }
  row[Feature::incidents_total] = static_cast<float>(total);
  row[Feature::incidents_critical] = static_cast<float>(critical);
  row[Feature::incidents_open] = static_cast<float>(open);
  if (resolved > 0) row[Feature::incident_resolution_hours] = static_cast<float>(resolution_hours / resolved);
  if (figures != nullptr) figures->technical_incidents_open = technical_open;

  int waiting = 0, answered = 0;
  double answer_hours = 0;
  for (const auto& [key, item] : requests_) {
    if (!item.opened_at || !item.design_office) continue;
    if (item.resolved_at) {
      ++answered;
      answer_hours += std::max(0.0, hours_between(*item.opened_at, *item.resolved_at));
    } else {
      ++waiting;
    }
  }
  row[Feature::design_requests_open] = static_cast<float>(waiting);
  if (answered > 0) row[Feature::design_office_response_hours] = static_cast<float>(answer_hours / answered);
  return row;
}

FeatureRow features_at(const SiteHistory& site, Instant t, const FeatureContext& context,
                       SiteFigures* figures) {
  FeatureBuilder builder(site);
  for (const Fact& fact : site.facts) {
    if (fact.at > t) break;
    builder.add(fact);
  }
  return builder.at(t, context, figures);
}

void for_each_snapshot(const SiteHistory& site, std::span<const Instant> instants,
                       const FeatureContext& context,
                       const std::function<void(std::size_t, const FeatureRow&)>& visit) {
  FeatureBuilder builder(site);
  auto next = site.facts.begin();
  for (std::size_t i = 0; i < instants.size(); ++i) {
    for (; next != site.facts.end() && next->at <= instants[i]; ++next) builder.add(*next);
    visit(i, builder.at(instants[i], context));
  }
}

}  // namespace vigie::models
