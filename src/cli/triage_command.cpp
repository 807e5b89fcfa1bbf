// `vigie train triage [--corpus DIR] [--heldout DIR]` and
// `vigie eval triage --test FILE.jsonl [--version N] [--format text|json]`: incident triage
// (models.md, Model 3) from the command line. Training reads the shipped corpus
// (models.triage.corpus_dir), measures the model on the held-out texts
// (models.triage.heldout_dir), records the version and makes it active. Evaluation measures a
// recorded version on any labelled JSON Lines file. Refused lines are named on stderr.
#include <cstdio>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/file_io.hpp"
#include "common/french_format.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {
namespace {

namespace triage = models::triage;

// Names each refused line on stderr; true when there were some.
bool report_refused(const char* command, const triage::ReadIncidents& read) {
  for (const Error& error : read.refused) {
    std::fprintf(stderr, "vigie %s: refused %s\n", command, error.describe().c_str());
  }
  return !read.refused.empty();
}

struct TrainFlags {
  std::string corpus;   // default: models.triage.corpus_dir
  std::string heldout;  // default: models.triage.heldout_dir
  std::string views = "both";
  bool structured = true;
};


int run_train(Context& context, const TrainFlags& flags) {
  const TriageSettings& settings = context.config().triage;
  auto corpus = triage::read_incident_corpus(flags.corpus.empty() ? settings.corpus_dir : flags.corpus);
  if (!corpus) return report_failure("train triage", corpus.error());
  auto heldout = triage::read_incident_corpus(flags.heldout.empty() ? settings.heldout_dir : flags.heldout);
  if (!heldout) return report_failure("train triage", heldout.error());
  // Refused lines are named and left out; the good ones beside them are used.
  const bool corpus_refused = report_refused("train triage", *corpus);
  const bool refused = report_refused("train triage", *heldout) || corpus_refused;
  triage::StackParams params = triage::stack_params(settings);
  params.views = triage::views_named(flags.views).value_or(triage::Views::both);  // flag checked
  params.structured = flags.structured;
  auto set = triage::triage_training_set(context.store(), std::move(corpus->incidents));
  if (!set) return report_failure("train triage", set.error());
  auto trained = triage::train_triage_version(context.store(), *set, heldout->incidents, params,
                                              settings, "vigie train triage", instant_now());
  if (!trained) return report_failure("train triage", trained.error());
  std::printf("Tri des incidents : %s\nApprise sur %s "
              "(%s livrés avec Vigie, %s de l'entreprise dont %s corrigés).\n",
              models::promotion_fr(trained->promotion, trained->version).c_str(),
              count_fr(trained->trained_on, "texte", "textes").c_str(),
              format_integer_fr(static_cast<std::int64_t>(set->shipped)).c_str(),
              format_integer_fr(static_cast<std::int64_t>(set->company)).c_str(),
              format_integer_fr(static_cast<std::int64_t>(set->corrected)).c_str());
  if (trained->heldout) std::printf("\n%s", triage::evaluation_text(*trained->heldout).c_str());
  return refused ? kExitPartial : kExitOk;
}

struct EvalFlags {
  std::string test;
  std::int64_t version = 0;
  std::string format = "text";
};

int run_eval(Context& context, const EvalFlags& flags) {
  auto loaded = triage::load_triage_version(context.store(), flags.version);
  if (!loaded) return report_failure("eval triage", loaded.error());
  if (!*loaded) {
    std::fprintf(stderr, flags.version == 0
                             ? "vigie eval triage: no triage model yet: run `vigie train triage`\n"
                             : "vigie eval triage: the triage model has no version %lld\n",
                 static_cast<long long>(flags.version));
    return kExitFailure;
  }
  auto text = read_file(flags.test);
  if (!text) return report_failure("eval triage", text.error());
  const auto test = triage::read_incident_lines(*text, flags.test, triage::LabelsWanted::required);
  const bool refused = report_refused("eval triage", test);
  auto evaluation = triage::evaluate_triage((*loaded)->model, test.incidents,
                                            triage::sla_of(context.config().triage));
  if (!evaluation) return report_failure("eval triage", evaluation.error());
  if (flags.format == "json") {
    std::printf("%s\n", triage::evaluation_json(*evaluation).c_str());
  } else {
    std::printf("Modèle de tri, version %lld\n%s", static_cast<long long>((*loaded)->row.version),
                triage::evaluation_text(*evaluation).c_str());
  }
  return refused ? kExitPartial : kExitOk;
}

}  // namespace

void add_triage_commands(CLI::App& train, CLI::App& eval, Context& context, int& exit_code) {
  auto* train_triage = train.add_subcommand(
      "triage", "incident triage, from the shipped corpus; measured on its held-out texts");
  auto train_flags = std::make_shared<TrainFlags>();
  train_triage->add_option("--corpus", train_flags->corpus,
                           "labelled JSON Lines files (default: models.triage.corpus_dir)");
  train_triage->add_option("--heldout", train_flags->heldout,
                           "held-out JSON Lines files (default: models.triage.heldout_dir)");
  train_triage->add_option("--views", train_flags->views,
                           "the text views the forests read: both, fasttext or tfidf (to compare)")
      ->check(CLI::IsMember({"both", "fasttext", "tfidf"}))->capture_default_str();
  train_triage->add_flag("--structured,!--no-structured", train_flags->structured,
                         "the forests also read site type, hour and weekday");
  train_triage->callback([&context, &exit_code, train_flags] {
    exit_code = run_train(context, *train_flags);
  });

  auto* eval_triage = eval.add_subcommand("triage", "a recorded triage model, on labelled incidents");
  auto eval_flags = std::make_shared<EvalFlags>();
  eval_triage->add_option("--test", eval_flags->test,
                          "JSON Lines: description, type, severity, urgency (site_type, opened_at)")
      ->required();
  eval_triage->add_option("--version", eval_flags->version, "the version (default: the active one)");
  eval_triage->add_option("--format", eval_flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  eval_triage->callback([&context, &exit_code, eval_flags] { exit_code = run_eval(context, *eval_flags); });
  add_eval_text_command(eval, context, exit_code);
  add_eval_planner_command(eval, context, exit_code);
}

}  // namespace vigie::cli
