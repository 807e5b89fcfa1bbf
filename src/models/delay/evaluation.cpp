#include "models/delay/evaluation.hpp"

#include <cmath>

#include "common/french_format.hpp"
#include "common/json_writer.hpp"

namespace vigie::models {
namespace {

ScoreMetrics measure(const std::vector<double>& p, const std::vector<double>& days,
                     const std::vector<bool>& late, const std::vector<double>& actual_days,
                     double threshold) {
  ScoreMetrics m;
  m.at_threshold = classify(p, late, threshold);
  m.roc_auc = roc_auc(p, late);
  m.brier = brier(p, late);
  m.mae_days = mean_absolute_error(days, actual_days);
  m.calibration = calibration(p, late);
  return m;
}

bool rule_says_late(const FeatureRow& row) {
  const float spi = row[Feature::schedule_performance];
  return !std::isnan(spi) && spi < kRuleSpiThreshold;
}

void write_scores(JsonWriter& json, const ScoreMetrics& m) {
  json.field("precision", m.at_threshold.precision)
      .field("recall", m.at_threshold.recall)
      .field("f1", m.at_threshold.f1)
      .field("roc_auc", m.roc_auc)
      .field("brier", m.brier)
      .field("mae_days", m.mae_days);
}

std::string pct(double share) { return format_decimal_fr(100.0 * share, 1) + " %"; }
std::string dec(double value, int decimals = 3) { return format_decimal_fr(value, decimals); }

}  // namespace

DelayEvaluation evaluate_delay_model(const DelayModel& model, const DelayDataset& data,
                                     const CompanyHistory& history, double threshold,
                                     const SiteTruths& truths) {
  DelayEvaluation e;
  e.threshold = threshold;
  e.train_sites = data.train_sites;
  e.validation_sites = data.validation_sites;
  e.test_sites = data.test_sites;
  e.train_rows = data.train.size();
  e.validation_rows = data.validation.size();
  e.test_rows = data.test.size();
  e.cut = data.cut;
  e.first_end = data.first_end;
  e.last_end = data.last_end;
  e.classifier_rounds = model.classifier().best_round() + 1;
  e.regressor_rounds = model.regressor().best_round() + 1;

  std::vector<FeatureRow> rows;
  std::vector<bool> late, rule;
  std::vector<double> actual_days, oracle_p, oracle_days;
  bool oracle_known = !data.test.empty();
  for (const DelayRow& row : data.test) {
    rows.push_back(row.features);
    late.push_back(row.late);
    rule.push_back(rule_says_late(row.features));
    actual_days.push_back(row.delay_days);
    const auto truth = truths.find(history.sites()[row.site].id);
    oracle_known = oracle_known && truth != truths.end();
    if (truth != truths.end()) {
      oracle_p.push_back(truth->second.p_late);
      oracle_days.push_back(truth->second.expected_delay_days);
    }
  }
  std::vector<double> p, days;
  if (auto scores = model.score(rows)) {
    for (const auto& s : *scores) {
      p.push_back(s.p_late);
      days.push_back(s.delay_days);
    }
  }
  std::size_t late_rows = 0;
  for (const bool l : late) late_rows += l ? 1 : 0;
  e.test_late_share = late.empty() ? 0 : static_cast<double>(late_rows) / static_cast<double>(late.size());
  e.model = measure(p, days, late, actual_days, threshold);
  std::vector<double> rule_scores;
  for (const bool r : rule) rule_scores.push_back(r ? 1.0 : 0.0);
  e.rule = classify(rule_scores, late, 0.5);
  if (oracle_known) e.oracle = measure(oracle_p, oracle_days, late, actual_days, threshold);

  const char* names[] = {"early", "middle", "late"};
  for (int phase = 0; phase < 3; ++phase) {
    std::vector<double> part_p, part_rule, part_oracle;
    std::vector<bool> part_late;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const float elapsed = rows[i][Feature::elapsed_ratio];
      const int in = std::isnan(elapsed) ? 0 : elapsed < 1.0f / 3 ? 0 : elapsed < 2.0f / 3 ? 1 : 2;
      if (in != phase) continue;
      part_p.push_back(p[i]);
      part_rule.push_back(rule_scores[i]);
      part_late.push_back(late[i]);
      if (oracle_known) part_oracle.push_back(oracle_p[i]);
    }
    PhaseMetrics m{names[phase], part_p.size(), classify(part_p, part_late, threshold).f1,
                   classify(part_rule, part_late, 0.5).f1, std::nullopt};
    if (oracle_known) m.oracle_f1 = classify(part_oracle, part_late, threshold).f1;
    e.phases.push_back(m);
  }
  return e;
}

std::string evaluation_json(const DelayEvaluation& e) {
  JsonWriter json;
  json.begin_object();
  write_scores(json, e.model);
  json.field("rule_precision", e.rule.precision).field("rule_recall", e.rule.recall)
      .field("rule_f1", e.rule.f1);
  if (e.oracle) {
    json.field("oracle_precision", e.oracle->at_threshold.precision)
        .field("oracle_recall", e.oracle->at_threshold.recall)
        .field("oracle_f1", e.oracle->at_threshold.f1)
        .field("oracle_roc_auc", e.oracle->roc_auc)
        .field("oracle_brier", e.oracle->brier)
        .field("oracle_mae_days", e.oracle->mae_days);
  } else {
    json.key("oracle_f1").null();
  }
  json.field("test_sites", static_cast<std::uint64_t>(e.test_sites))
      .field("test_rows", static_cast<std::uint64_t>(e.test_rows))
      .field("test_late_share", e.test_late_share)
      .field("train_sites", static_cast<std::uint64_t>(e.train_sites))
      .field("train_rows", static_cast<std::uint64_t>(e.train_rows))
      .field("validation_sites", static_cast<std::uint64_t>(e.validation_sites))
      .field("validation_rows", static_cast<std::uint64_t>(e.validation_rows))
      .field("threshold", e.threshold)
      .field("cut", format_iso_date(e.cut))
      .field("first_end", format_iso_date(e.first_end))
      .field("last_end", format_iso_date(e.last_end))
      .field("classifier_rounds", e.classifier_rounds)
      .field("regressor_rounds", e.regressor_rounds);
  json.key("calibration").begin_array();
  for (const auto& bin : e.model.calibration) {
    json.begin_object().field("from", bin.from).field("to", bin.to)
        .field("count", static_cast<std::uint64_t>(bin.count))
        .field("mean_predicted", bin.mean_predicted).field("observed_rate", bin.observed_rate)
        .end_object();
  }
  json.end_array().key("phases").begin_array();
  for (const auto& phase : e.phases) {
    json.begin_object().field("phase", phase.phase).field("rows", static_cast<std::uint64_t>(phase.rows))
        .field("f1", phase.f1).field("rule_f1", phase.rule_f1);
    if (phase.oracle_f1) json.field("oracle_f1", *phase.oracle_f1); else json.key("oracle_f1").null();
    json.end_object();
  }
  json.end_array().end_object();
  return json.take();
}

std::string evaluation_markdown(const DelayEvaluation& e) {
  std::string md = "# Modèle de retard : évaluation\n\n";
  md += "Chantiers terminés entre le " + format_date_fr(e.first_end) + " et le " +
        format_date_fr(e.last_end) + ". Coupure dans le temps au " + format_date_fr(e.cut) +
        " : apprentissage sur " + count_fr(e.train_sites + e.validation_sites, "chantier", "chantiers") +
        " terminés avant (dont " + std::to_string(e.validation_sites) + " pour l'arrêt anticipé), test sur " +
        count_fr(e.test_sites, "chantier", "chantiers") + " terminés depuis, vus chaque semaine de leur vie (" +
        count_fr(e.test_rows, "instantané", "instantanés") + ", " + pct(e.test_late_share) +
        " en retard). Seuil : " + pct(e.threshold) + ".\n\n";
  md += "| | précision | rappel | F1 | ROC-AUC | Brier | erreur moyenne (jours) |\n";
  md += "| --- | --- | --- | --- | --- | --- | --- |\n";
  const auto line = [&md](const std::string& who, const Classification& c, const ScoreMetrics* m) {
    md += "| " + who + " | " + pct(c.precision) + " | " + pct(c.recall) + " | " + dec(c.f1) + " | " +
          (m ? dec(m->roc_auc) : "–") + " | " + (m ? dec(m->brier) : "–") + " | " +
          (m ? dec(m->mae_days, 1) : "–") + " |\n";
  };
  line("Modèle Vigie", e.model.at_threshold, &e.model);
  line("Règle simple (SPI < 0,95)", e.rule, nullptr);
  if (e.oracle) line("Probabilités vraies du simulateur", e.oracle->at_threshold, &*e.oracle);
  md += "\n## Selon l'avancement du chantier\n\n| phase | instantanés | F1 modèle | F1 règle | F1 probabilités vraies |\n"
        "| --- | --- | --- | --- | --- |\n";
  const char* french[] = {"début (< 1/3 du délai)", "milieu", "fin (> 2/3 du délai)"};
  for (std::size_t i = 0; i < e.phases.size(); ++i) {
    const auto& phase = e.phases[i];
    md += std::string{"| "} + french[i] + " | " + std::to_string(phase.rows) + " | " + dec(phase.f1) +
          " | " + dec(phase.rule_f1) + " | " + (phase.oracle_f1 ? dec(*phase.oracle_f1) : "–") + " |\n";
  }
  md += "\n## Calibration\n\n| probabilité prédite | instantanés | moyenne prédite | retard observé |\n"
        "| --- | --- | --- | --- |\n";
  for (const auto& bin : e.model.calibration) {
    md += "| " + pct(bin.from) + " – " + pct(bin.to) + " | " + std::to_string(bin.count) + " | " +
          (bin.count ? pct(bin.mean_predicted) : "–") + " | " + (bin.count ? pct(bin.observed_rate) : "–") + " |\n";
  }
  md += "\nArbres retenus : " + std::to_string(e.classifier_rounds) + " (classifieur), " +
        std::to_string(e.regressor_rounds) + " (régression).\n";
  return md;
}

}  // namespace vigie::models
