// `vigie train delay`, `vigie eval delay [--version N] [--format text|json]` and `vigie models`
// with `promote|rollback VERSION`, `compare A B`, `drift` and `history` (triage's `train` and `eval` are in
// triage_command.cpp): the registry from the command line (models.md, "Operating the models").
// Training reads the whole stored history, records a version with its held-out metrics and makes
// it the active one unless it does worse than the active one (models/promotion.hpp); evaluation
// measures a recorded version again on every site completed since its cut and writes the report
// as Markdown and JSON under <data_dir>/models/; a person can make any version serve; two
// versions are compared on the predictions the server stored (A/B test); the serving version's
// drift is measured on them; the promotions say which version served when.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/file_io.hpp"
#include "common/french_format.hpp"
#include "common/paris_time.hpp"
#include "models/delay/ab_test.hpp"
#include "models/delay/drift.hpp"
#include "models/delay/training.hpp"
#include "models/delay/history_loader.hpp"
#include "models/triage/company_incidents.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {
namespace {

int run_train(Context& context) {
  auto loaded = models::load_history(context.store());
  if (!loaded) return report_failure("train", loaded.error());
  const Instant now = instant_now();
  auto trained = models::train_delay_version(context.store(), loaded->history, context.config().delay,
                                             "vigie train delay", now);
  if (!trained) return report_failure("train", trained.error());
  const auto& e = trained->evaluation;
  std::printf("Modèle de retard : %s\n", models::promotion_fr(trained->promotion, trained->version).c_str());
  std::printf("Test sur %s terminés depuis le %s : précision %s %%, rappel %s %%, F1 %s "
              "(règle SPI < 0,95 : F1 %s%s).\n",
              count_fr(e.test_sites, "chantier", "chantiers").c_str(), format_date_fr(e.cut).c_str(),
              format_decimal_fr(100 * e.model.at_threshold.precision, 1).c_str(),
              format_decimal_fr(100 * e.model.at_threshold.recall, 1).c_str(),
              format_decimal_fr(e.model.at_threshold.f1, 3).c_str(),
              format_decimal_fr(e.rule.f1, 3).c_str(),
              e.oracle ? ("; probabilités vraies du simulateur : F1 " +
                          format_decimal_fr(e.oracle->at_threshold.f1, 3)).c_str() : "");
  return kExitOk;
}

int run_eval(Context& context, std::int64_t version, const std::string& format) {
  auto loaded_model = models::load_delay_version(context.store(), version);
  if (!loaded_model) return report_failure("eval", loaded_model.error());
  if (!*loaded_model) {
    std::fprintf(stderr, version == 0 ? "vigie eval: no delay model yet: run `vigie train delay`\n"
                                      : "vigie eval: the delay model has no version %lld\n",
                 static_cast<long long>(version));
    return kExitFailure;
  }
  auto history = models::load_history(context.store());
  if (!history) return report_failure("eval", history.error());
  auto evaluation = models::evaluate_delay_version(context.store(), history->history,
                                                   **loaded_model, context.config().delay);
  if (!evaluation) return report_failure("eval", evaluation.error());
  const std::string json = models::evaluation_json(*evaluation);
  const std::string markdown = models::evaluation_markdown(*evaluation);
  const std::filesystem::path dir = context.config().models_dir();
  const std::string stem = "delay-v" + std::to_string((*loaded_model)->row.version) + "-evaluation";
  const std::string json_line = json + "\n";
  for (const auto& [name, text] : {std::pair<std::string, std::string_view>{stem + ".json", json_line},
                                   std::pair<std::string, std::string_view>{stem + ".md", markdown}}) {
    const std::string_view parts[] = {text};
    if (auto written = replace_file(dir / name, parts); !written) return report_failure("eval", written.error());
  }
  if (format == "json") {
    std::printf("%s\n", json.c_str());
  } else {
    std::printf("%s\nRapport écrit dans %s.{md,json}\n", markdown.c_str(), (dir / stem).c_str());
  }
  return kExitOk;
}

int run_models(Context& context) {
  std::vector<store::ModelVersionRow> rows;
  for (const auto name : {models::kDelayModelName, models::triage::kTriageModelName}) {
    auto versions = context.store().model_versions(std::string{name});
    if (!versions) return report_failure("models", versions.error());
    rows.insert(rows.end(), versions->begin(), versions->end());
  }
  if (rows.empty()) {
    std::printf("Aucun modèle entraîné. Lancez `vigie train delay` ou `vigie train triage`.\n");
    return kExitOk;
  }
  std::printf("modèle  version  entraîné le          par                  active  métriques\n");
  for (const auto& row : rows) {
    std::printf("%-7s %7lld  %-19s  %-20s %-6s  %s\n", row.model.c_str(),
                static_cast<long long>(row.version),
                format_paris_rfc3339(row.created_at).substr(0, 19).c_str(), row.trained_by.c_str(),
                row.active ? "oui" : "non", row.metrics.substr(0, 120).c_str());
  }
  const bool has_triage = std::any_of(rows.begin(), rows.end(), [](const auto& row) {
    return row.model == models::triage::kTriageModelName;
  });
  if (has_triage) {  // models.md: the share of corrected predictions is a tracked metric
    auto incidents = models::triage::load_company_incidents(context.store());
    if (!incidents) return report_failure("models", incidents.error());
    const auto share = incidents->correction_share();
    std::printf("\nTri des incidents : %s par Vigie, dont %s par une personne (%s %%).\n",
                count_fr(share.classified, "incident classé", "incidents classés").c_str(),
                count_fr(share.corrected, "corrigé", "corrigés").c_str(),
                format_decimal_fr(share.share() * 100.0, 1).c_str());
  }
  return kExitOk;
}

// `vigie models promote|rollback VERSION [--model M]`: a person makes a version serve, whatever
// the promotion rule said; the registry records who (the command) and when.
int run_promote(Context& context, const std::string& model, std::int64_t version, bool rollback) {
  const char* command = rollback ? "models rollback" : "models promote";
  auto versions = context.store().model_versions(model);
  if (!versions) return report_failure(command, versions.error());
  const auto active = std::find_if(versions->begin(), versions->end(), [](const auto& r) { return r.active; });
  const bool known = std::any_of(versions->begin(), versions->end(), [&](const auto& r) { return r.version == version; });
  if (!known) {
    std::fprintf(stderr, "vigie %s: the %s model has no version %lld (see `vigie models`)\n", command,
                 model.c_str(), static_cast<long long>(version));
    return kExitFailure;
  }
  if (rollback && (active == versions->end() || version >= active->version)) {
    std::fprintf(stderr, "vigie models rollback: version %lld is not earlier than the active one; use "
                         "`vigie models promote`\n", static_cast<long long>(version));
    return kExitFailure;
  }
  auto promoted = context.store().promote_model_version(model, version, instant_now(),
                                                        std::string{"vigie "} + command);
  if (!promoted) return report_failure(command, promoted.error());
  std::printf("Modèle %s : version %lld active%s (%s à la main).\n", model.c_str(),
              static_cast<long long>(version),
              active != versions->end() ? (" à la place de la version " + std::to_string(active->version)).c_str() : "",
              rollback ? "retour en arrière" : "promue");
  return kExitOk;
}

// `vigie models compare A B`: two delay versions on the same completed sites and days, from the
// predictions the server stored (A/B test, models/delay/ab_test.hpp).
int run_compare(Context& context, std::int64_t a, std::int64_t b, const std::string& format) {
  auto loaded = models::load_history(context.store());
  if (!loaded) return report_failure("models compare", loaded.error());
  auto compared = models::compare_stored_versions(context.store(), a, b, loaded->history,
                                                  context.config().delay, paris_today());
  if (!compared) return report_failure("models compare", compared.error());
  const models::VersionComparison& comparison = *compared;
  if (format == "json") {
    std::printf("%s\n", models::comparison_json(comparison).c_str());
    return kExitOk;
  }
  std::printf("Modèle de retard : versions %lld et %lld sur les mêmes %s terminés (%s de prédictions).\n",
              static_cast<long long>(a), static_cast<long long>(b),
              count_fr(comparison.sites, "chantier", "chantiers").c_str(),
              count_fr(comparison.rows, "jour", "jours").c_str());
  if (comparison.rows == 0) {
    std::printf("Rien à comparer encore : il faut des jours où les deux versions ont noté un chantier "
                "qui s'est terminé depuis (score quotidien de `vigie serve`, models.delay.challenger_version).\n");
    return kExitOk;
  }
  std::printf("version  précision  rappel     F1  Brier  erreur moyenne (jours)\n");
  for (const models::ArmMetrics* arm : {&comparison.a, &comparison.b}) {
    std::printf("%7lld  %9s  %6s  %5s  %5s  %s\n", static_cast<long long>(arm->version),
                format_decimal_fr(100 * arm->at_threshold.precision, 1).c_str(),
                format_decimal_fr(100 * arm->at_threshold.recall, 1).c_str(),
                format_decimal_fr(arm->at_threshold.f1, 3).c_str(), format_decimal_fr(arm->brier, 3).c_str(),
                format_decimal_fr(arm->mae_days, 1).c_str());
  }
  return kExitOk;
}

// `vigie models drift`: the serving delay version's drift over its stored predictions.
int run_drift(Context& context, const std::string& format) {
  const DelayModelSettings& settings = context.config().delay;
  auto check = models::serving_version_drift(context.store(), settings, paris_today());
  if (!check) return report_failure("models drift", check.error());
  if (!check->report) {
    std::fprintf(stderr, "vigie models drift: not measured: %s\n", check->not_measured.c_str());
    return kExitFailure;
  }
  const models::DriftReport& report = *check->report;
  if (format == "json") {
    std::printf("%s\n", models::drift_json(report).c_str());
    return kExitOk;
  }
  std::printf("Modèle de retard, version %lld : %s des %d dernières semaines contre ses données "
              "d'entraînement (PSI ; dérive au-delà de %s).\n",
              static_cast<long long>(report.version),
              count_fr(report.rows, "prédiction", "prédictions").c_str(), settings.drift_weeks,
              format_decimal_fr(settings.drift_threshold, 2).c_str());
  std::printf("%-30s  %6s  %s\n", "indicateur", "PSI", "dérive");
  for (const models::DriftItem& item : report.items) {
    std::printf("%-30s  %6s  %s\n", item.name.c_str(), format_decimal_fr(item.psi, 3).c_str(),
                item.drifted ? "oui" : "");
  }
  return kExitOk;
}

// `vigie models history [--model M]`: which version served from when, and who promoted it.
int run_history(Context& context, const std::string& model) {
  auto promotions = context.store().model_promotions(model);
  if (!promotions) return report_failure("models history", promotions.error());
  if (promotions->empty()) {
    std::printf("Aucune version du modèle %s n'a encore servi.\n", model.c_str());
    return kExitOk;
  }
  std::printf("version  active depuis        par\n");
  for (const auto& row : *promotions) {
    std::printf("%7lld  %-19s  %s\n", static_cast<long long>(row.version),
                format_paris_rfc3339(row.promoted_at).substr(0, 19).c_str(), row.promoted_by.c_str());
  }
  return kExitOk;
}

}  // namespace

void add_models_commands(CLI::App& app, Context& context, int& exit_code) {
  auto* train = app.add_subcommand("train", "train a model, record it and make it the active one");
  train->require_subcommand(1);
  auto* train_delay = train->add_subcommand("delay", "the delay model, from the stored history");
  train_delay->callback([&context, &exit_code] { exit_code = run_train(context); });

  auto* eval = app.add_subcommand("eval", "measure a model on data it has not seen");
  eval->require_subcommand(1);
  auto* eval_delay = eval->add_subcommand("delay", "a recorded delay model, on the sites completed since its cut");
  auto eval_version = std::make_shared<std::int64_t>(0);
  auto eval_format = std::make_shared<std::string>("text");
  eval_delay->add_option("--version", *eval_version, "the version (default: the active one)");
  eval_delay->add_option("--format", *eval_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  eval_delay->callback([&context, &exit_code, eval_version, eval_format] {
    exit_code = run_eval(context, *eval_version, *eval_format);
  });
  add_triage_commands(*train, *eval, context, exit_code);

  auto* list = app.add_subcommand("models", "the versions in the model registry");
  list->require_subcommand(0, 1);
  list->callback([&context, &exit_code, list] {
    if (list->get_subcommands().empty()) exit_code = run_models(context);
  });
  for (const bool rollback : {false, true}) {
    auto* sub = list->add_subcommand(rollback ? "rollback" : "promote",
                                     rollback ? "go back to an earlier VERSION, by hand"
                                              : "make VERSION the one that serves, by hand");
    auto version = std::make_shared<std::int64_t>(0);
    auto model = std::make_shared<std::string>(std::string{models::kDelayModelName});
    sub->add_option("version", *version, "the version")->required();
    sub->add_option("--model", *model, "delay (default) or triage")
        ->check(CLI::IsMember({std::string{models::kDelayModelName}, std::string{models::triage::kTriageModelName}}));
    sub->callback([&context, &exit_code, version, model, rollback] {
      exit_code = run_promote(context, *model, *version, rollback);
    });
  }
  auto* compare = list->add_subcommand("compare", "two delay versions on the same completed sites (A/B test)");
  auto versions = std::make_shared<std::vector<std::int64_t>>();
  auto compare_format = std::make_shared<std::string>("text");
  compare->add_option("versions", *versions, "A B")->required()->expected(2);
  compare->add_option("--format", *compare_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  compare->callback([&context, &exit_code, versions, compare_format] {
    exit_code = run_compare(context, versions->at(0), versions->at(1), *compare_format);
  });
  auto* drift = list->add_subcommand("drift", "the serving delay version's drift (PSI per feature and prediction)");
  auto drift_format = std::make_shared<std::string>("text");
  drift->add_option("--format", *drift_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  drift->callback([&context, &exit_code, drift_format] { exit_code = run_drift(context, *drift_format); });
  auto* history = list->add_subcommand("history", "which version served from when, and who promoted it");
  auto history_model = std::make_shared<std::string>(std::string{models::kDelayModelName});
  history->add_option("--model", *history_model, "delay (default) or triage")
      ->check(CLI::IsMember({std::string{models::kDelayModelName}, std::string{models::triage::kTriageModelName}}));
  history->callback([&context, &exit_code, history_model] { exit_code = run_history(context, *history_model); });
}

}  // namespace vigie::cli
