// The chief's paperwork on a working day: photos (more when the work moves), the daily report,
// the weekly report to the client, the monthly safety report, and the mobile-app features used.
// A chief who skips the app that day writes from the office: slower, and the KPIs see it.
#include <span>

#include "common/json_writer.hpp"
#include "demo/site_steps.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

struct OptionalFeature {
  std::string_view name;
  double chance;
};
constexpr OptionalFeature kOptionalFeatures[] = {
    {"meteo", 0.5},  {"planning", 0.5}, {"incidents", 0.3}, {"messagerie", 0.6},
    {"plans", 0.4}, {"documents", 0.2}, {"commandes", 0.15}};

int take_photos(World& world, int site, const DayClock& clock, const Presence& presence,
                double output_today) {
  Rng& rng = world.sites[site].rng;
  const int photos = static_cast<int>(rng.uniform() * (6 + 14 * output_today));
  for (int i = 0; i < photos; ++i) {
    JsonWriter data;
    data.begin_object().field("photo_id", numbered_id("PH", ++world.counters.photos, 7));
    data.field("bytes", rng.between(800'000, 6'500'000)).end_object();
    world.add(site, at(clock.day, 8, 0) + rng.between(0, 9 * 3600), EventType::photo_uploaded,
              presence.uses_app ? Source::mobile : Source::web, presence.reporter, data.take());
  }
  return photos;
}

void submit_report(World& world, int site, const Presence& presence, Stamp when,
                   std::string_view kind, int minutes, bool to_client) {
  JsonWriter data;
  data.begin_object().field("report_id", numbered_id("CR", ++world.counters.reports, 6));
  data.field("kind", kind).field("writing_minutes", minutes);
  data.field("sent_to_client", to_client).end_object();
  world.add(site, when, EventType::report_submitted,
            presence.uses_app ? Source::mobile : Source::web, presence.reporter, data.take());
}

// Minutes to write a report: on the phone, or as a paper report typed up later.
int writing_minutes(Rng& rng, const Presence& presence, int app_lo, int app_hi) {
  return presence.uses_app ? rng.between(app_lo, app_hi) : rng.between(app_hi + 10, app_hi + 35);
}

bool write_reports(World& world, int site, const DayClock& clock, const Presence& presence) {
  Rng& rng = world.sites[site].rng;
  const Stamp evening = at(clock.day, 17, 0) + rng.between(0, 6300);
  const bool daily = rng.chance(presence.uses_app ? 0.92 : 0.75);
  if (daily) {
    submit_report(world, site, presence, evening, "journalier",
                  writing_minutes(rng, presence, 5, 18), false);
  }
  if (clock.weekday == 5) {
    submit_report(world, site, presence, evening + 600, "hebdomadaire",
                  writing_minutes(rng, presence, 15, 40), true);
  }
  if (clock.first_working_day_of_month) {
    submit_report(world, site, presence, at(clock.day, 11, 0) + rng.between(0, 3600), "securite",
                  writing_minutes(rng, presence, 10, 25), false);
  }
  return daily;
}

void use_app(World& world, int site, const DayClock& clock, const Presence& presence,
             int photos, bool reported) {
  Rng& rng = world.sites[site].rng;
  auto at_some_time = [&] { return at(clock.day, 7, 30) + rng.between(0, 10 * 3600); };
  app_used(world, site, presence.reporter, "pointage", at(clock.day, 16, 50) + rng.between(0, 1800));
  for (int burst = 0; burst < (photos + 3) / 4; ++burst) {
    app_used(world, site, presence.reporter, "photos", at_some_time());
  }
  if (reported) app_used(world, site, presence.reporter, "rapport_journalier", at(clock.day, 17, 0));
  for (const OptionalFeature& feature : kOptionalFeatures) {
    if (rng.chance(feature.chance)) app_used(world, site, presence.reporter, feature.name, at_some_time());
  }
}

}  // namespace

void app_used(World& world, int site, int person, std::string_view feature, Stamp when) {
  JsonWriter data;
  data.begin_object().field("person_id", world.person_id(person)).field("feature", feature);
  world.add(site, when, EventType::app_used, Source::mobile, person, data.end_object().take());
}

void paperwork(World& world, int site, const DayClock& clock, const Presence& presence,
               double output_today) {
  if (presence.reporter < 0) return;  // nobody on site today
  const int photos = take_photos(world, site, clock, presence, output_today);
  const bool reported = write_reports(world, site, clock, presence);
  if (presence.uses_app) use_app(world, site, clock, presence, photos, reported);
}

}  // namespace vigie::demo
