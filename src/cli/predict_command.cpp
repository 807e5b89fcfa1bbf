// `vigie predict [--as-of DATE] [--site ID] [--format table|json]`: the active delay model scores
// the sites under way (or one site) in-process, as seen at the end of DATE in Paris (default:
// now). The table lists risk, expected delay and the main factor; one site shows its three
// factors and the suggested actions; JSON is the API's (`GET /api/v1/predictions`).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "common/paris_time.hpp"
#include "models/delay/prediction.hpp"
#include "models/delay/history_loader.hpp"

namespace vigie::cli {
namespace {

struct PredictFlags {
  std::string as_of;
  std::string site;
  std::string format = "table";
};

std::string percent(double share) { return format_integer_fr(std::lround(100 * share)) + " %"; }
std::string days(double value) { return "+" + format_integer_fr(std::lround(value)) + " j"; }

void print_detail(const models::SitePrediction& p) {
  std::printf("Chantier %s, vu le %s (modèle de retard, version %lld)\n", p.site_id.c_str(),
              format_date_fr(paris_date(p.as_of)).c_str(), static_cast<long long>(p.model_version));
  std::printf("  Risque de retard : %s (entre %s et %s)\n", percent(p.p_late).c_str(),
              percent(p.p_low).c_str(), percent(p.p_high).c_str());
  std::printf("  Retard estimé : %s (entre %s et %s)\n", days(p.delay_days).c_str(),
              days(p.delay_low).c_str(), days(p.delay_high).c_str());
  if (p.low_coverage) {
    std::string reasons;
    for (const auto& r : p.coverage_reasons) reasons += (reasons.empty() ? "" : ", ") + r;
    std::printf("  Données insuffisantes (%s) : estimation à prendre avec prudence\n", reasons.c_str());
  }
  std::printf("  Principaux facteurs :\n");
  for (const auto& f : p.factors) {
    std::printf("    - %s (%s le risque)\n", f.text.c_str(), f.contribution > 0 ? "augmente" : "réduit");
  }
  if (p.actions.empty()) {
    std::printf("  Aucune action testée ne réduit le retard prédit.\n");
  } else {
    std::printf("  Actions suggérées :\n");
    for (const auto& a : p.actions) std::printf("    - %s\n", a.text.c_str());
  }
}

int run_predict(Context& context, const PredictFlags& flags) {
  Instant t = instant_now();
  if (!flags.as_of.empty()) {
    const auto day = parse_iso_date(flags.as_of);
    if (!day) {
      std::fprintf(stderr, "vigie predict: --as-of: \"%s\" is not a date (YYYY-MM-DD)\n", flags.as_of.c_str());
      return kExitUsage;
    }
    t = paris_instant(*day, 23, 59, 59);
  }
  auto loaded = models::load_delay_version(context.store());
  if (!loaded) {
    std::fprintf(stderr, "vigie predict: %s\n", loaded.error().describe().c_str());
    return kExitFailure;
  }
  if (!*loaded) {
    std::fprintf(stderr, "vigie predict: no delay model yet: run `vigie train delay`\n");
    return kExitFailure;
  }
  auto history = models::load_history(context.store());
  if (!history) {
    std::fprintf(stderr, "vigie predict: %s\n", history.error().describe().c_str());
    return kExitFailure;
  }
  const models::SimilarSites similar(history->history);
  const models::DelayPredictor predictor(**loaded, context.config().delay);
  std::vector<models::SitePrediction> predictions;
  for (const auto& site : history->history.sites()) {
    if (flags.site.empty() ? !models::under_way_at(site, t) : site.id != flags.site) continue;
    auto prediction = predictor.predict(history->history, similar, site, t);
    if (!prediction) {
      std::fprintf(stderr, "vigie predict: %s\n", prediction.error().describe().c_str());
      return kExitFailure;
    }
    predictions.push_back(std::move(*prediction));
  }
  if (!flags.site.empty() && predictions.empty()) {
    std::fprintf(stderr, "vigie predict: --site: no site \"%s\" in the store\n", flags.site.c_str());
    return kExitUsage;
  }
  if (flags.format == "json") {
    std::string out = "{\"as_of\":\"" + format_rfc3339_utc(t) + "\",\"predictions\":[";
    for (std::size_t i = 0; i < predictions.size(); ++i) {
      out += (i == 0 ? "" : ",") + models::prediction_json(predictions[i]);
    }
    std::printf("%s]}\n", out.c_str());
    return kExitOk;
  }
  if (!flags.site.empty()) {
    print_detail(predictions.front());
    return kExitOk;
  }
  std::sort(predictions.begin(), predictions.end(),
            [](const auto& a, const auto& b) { return a.p_late > b.p_late; });
  std::printf("%-14s %7s %9s  %-10s %s\n", "chantier", "risque", "retard", "données", "principal facteur");
  for (const auto& p : predictions) {
    std::printf("%-14s %7s %9s  %-10s %s\n", p.site_id.c_str(), percent(p.p_late).c_str(),
                days(p.delay_days).c_str(), p.low_coverage ? "faibles" : "ok",
                p.factors.empty() ? "" : p.factors.front().text.c_str());
  }
  std::printf("%s sous le modèle de retard, version %lld.\n",
              count_fr(predictions.size(), "chantier en cours", "chantiers en cours").c_str(),
              static_cast<long long>((*loaded)->row.version));
  return kExitOk;
}

}  // namespace

void add_predict_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("predict", "delay risk of the sites under way (active delay model)");
  auto flags = std::make_shared<PredictFlags>();
  command->add_option("--as-of", flags->as_of, "the date seen as today (default: now)");
  command->add_option("--site", flags->site, "one site, with its factors and suggested actions");
  command->add_option("--format", flags->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  command->callback([&context, &exit_code, flags] { exit_code = run_predict(context, *flags); });
}

}  // namespace vigie::cli
