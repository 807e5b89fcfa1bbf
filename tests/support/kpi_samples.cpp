#include "support/kpi_samples.hpp"

#include <gtest/gtest.h>

#include "demo/demo_company.hpp"
#include "events/parse.hpp"
#include "kpi/report.hpp"
#include "kpi/report_json.hpp"

namespace vigie::testing {
namespace {

using namespace std::chrono;

constexpr LocalDate kAsOf = 2026y / November / 29d;

std::vector<kpi::Scope> scopes_of(const kpi::Company& company) {
  std::vector<kpi::Scope> scopes(1);  // every site
  for (const kpi::SiteState& site : company.sites()) {
    const kpi::SiteAttributes* attributes = site.attributes.last();
    if (attributes == nullptr) continue;
    scopes.emplace_back().region = attributes->region;
    scopes.emplace_back().team = attributes->team_id;
    kpi::Scope& active_of_type = scopes.emplace_back();
    active_of_type.type = attributes->type;
    active_of_type.status = kpi::SiteStatus::active;
    if (scopes.size() > 6) break;
  }
  return scopes;
}

}  // namespace

std::vector<events::Event> demo_events(int sites, int years) {
  std::vector<events::Event> out;
  demo::generate({.seed = 7, .sites = sites, .years = years, .end = kAsOf},
                 [&out](std::string_view json) {
                   auto event = events::parse_event(json);
                   if (!event) {
                     ADD_FAILURE() << event.error().describe() << ": " << json;
                     std::abort();
                   }
                   out.push_back(std::move(*event));
                 });
  return out;
}

std::string reports_json(const kpi::Company& company) {
  const kpi::PeriodPair periods[] = {
      kpi::calendar_periods(kpi::PeriodKind::month, kAsOf),
      kpi::calendar_periods(kpi::PeriodKind::quarter, kAsOf),
      kpi::calendar_periods(kpi::PeriodKind::year, kAsOf),
      kpi::range_periods(2026y / March / 1d, 2026y / June / 30d),
  };
  std::string text;
  for (const kpi::Scope& scope : scopes_of(company)) {
    for (const kpi::PeriodPair& pair : periods) {
      text +=
          kpi::report_json(kpi::compute_report(company, scope, pair, pair.current.to, {}, {}, {}));
      text += '\n';
    }
  }
  const kpi::KpiReport year = kpi::compute_report(company, {}, periods[2], kAsOf, {}, {}, {});
  for (const int id : {4, 7}) {
    const auto by = kpi::BreakdownBy::site;
    text += kpi::kpi_json(year, id, by, kpi::breakdown(company, {}, periods[2], id, by, {}));
    text += '\n';
  }
  return text;
}

}  // namespace vigie::testing
