// `vigie classify "texte…" [--site-type T]` and `vigie classify --jsonl`: the active triage
// model in-process (models.md, Model 3). A text prints its prediction in French; --jsonl reads
// JSON Lines on stdin ({"id", "description", "site_type"?, "opened_at"?}) and writes one JSON
// line per input line (prediction_json.hpp), or {"line", "error"} for a line it refuses, so that
// the output keeps the input's order and count. Exit 3 when some line was refused.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "common/json_writer.hpp"
#include "models/triage/prediction_json.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {
namespace {

namespace triage = models::triage;

struct ClassifyFlags {
  std::string text;
  std::string site_type;
  bool jsonl = false;
};

void print_french(const triage::TriagePrediction& p, std::int64_t version) {
  const auto share = [&](triage::Output output) {
    const auto o = static_cast<std::size_t>(output);
    return format_integer_fr(std::lround(100 * p.probabilities[o][static_cast<std::size_t>(p.labels[o])])) + " %";
  };
  std::printf("Type : %s (%s)\n", std::string{triage::label_of(p, triage::Output::type)}.c_str(),
              share(triage::Output::type).c_str());
  std::printf("Gravité : %s (%s)\n", std::string{triage::label_of(p, triage::Output::severity)}.c_str(),
              share(triage::Output::severity).c_str());
  std::printf("Urgence : %s (%s)\n", std::string{triage::label_of(p, triage::Output::urgency)}.c_str(),
              share(triage::Output::urgency).c_str());
  std::string queues;
  for (const auto queue : p.routing) queues += (queues.empty() ? "" : ", ") + std::string{triage::queue_name(queue)};
  std::printf("Transmis à : %s\n", queues.c_str());
  std::printf("Délai de traitement : %s h\n", format_decimal_fr(p.sla_hours, p.sla_hours < 10 ? 1 : 0).c_str());
  std::printf("(modèle de tri, version %lld)\n", static_cast<long long>(version));
}

int run_jsonl(const triage::LoadedTriage& loaded, const triage::SlaHours& sla) {
  const std::string input{std::istreambuf_iterator<char>(std::cin), {}};
  bool refused = false;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    const std::string_view line = std::string_view{input}.substr(start, end - start);
    start = end + 1;
    ++line_number;
    const std::string source = "line " + std::to_string(line_number);
    auto read = triage::read_incident_lines(line, source, triage::LabelsWanted::none);
    if (read.incidents.empty() && read.refused.empty()) continue;  // a blank line
    if (!read.refused.empty()) {
      refused = true;
      JsonWriter json;
      json.begin_object()
          .field("line", static_cast<std::uint64_t>(line_number))
          .field("error", read.refused.front().describe())  // "line 3: description: is empty"
          .end_object();
      std::printf("%s\n", json.take().c_str());
      continue;
    }
    const auto& incident = read.incidents.front();
    // Without an id of its own, a line is known by its number.
    const std::string id = incident.id == source + ":1" ? std::to_string(line_number) : incident.id;
    auto prediction = loaded.model.classify(incident, sla);
    if (!prediction) return report_failure("classify", prediction.error());
    std::printf("%s\n", triage::prediction_json(*prediction, id, loaded.row.version).c_str());
  }
  return refused ? kExitPartial : kExitOk;
}

int run_classify(Context& context, const ClassifyFlags& flags) {
  if (flags.jsonl == !flags.text.empty()) {
    std::fprintf(stderr, "vigie classify: give a text, or --jsonl to read JSON Lines on stdin\n");
    return kExitUsage;
  }
  auto loaded = triage::load_triage_version(context.store());
  if (!loaded) return report_failure("classify", loaded.error());
  if (!*loaded) {
    std::fprintf(stderr, "vigie classify: no triage model yet: run `vigie train triage`\n");
    return kExitFailure;
  }
  const triage::SlaHours sla = triage::sla_of(context.config().triage);
  if (flags.jsonl) return run_jsonl(**loaded, sla);
  if (auto checked = triage::check_description(flags.text); !checked) {
    std::fprintf(stderr, "vigie classify: %s\n", checked.error().describe().c_str());
    return kExitUsage;
  }
  triage::IncidentText incident;
  incident.description = flags.text;
  incident.site_type = flags.site_type;
  incident.opened_at = instant_now();
  auto prediction = (*loaded)->model.classify(incident, sla);
  if (!prediction) return report_failure("classify", prediction.error());
  print_french(*prediction, (*loaded)->row.version);
  return kExitOk;
}

}  // namespace

void add_classify_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("classify", "triage of an incident text (active triage model)");
  auto flags = std::make_shared<ClassifyFlags>();
  command->add_option("text", flags->text, "the incident as written, in French");
  command->add_option("--site-type", flags->site_type, "residentiel, tertiaire, industriel or commercial")
      ->check(CLI::IsMember({"residentiel", "tertiaire", "industriel", "commercial"}));
  command->add_flag("--jsonl", flags->jsonl,
                    "read JSON Lines on stdin: {\"id\", \"description\", \"site_type\"?, \"opened_at\"?}");
  command->callback([&context, &exit_code, flags] { exit_code = run_classify(context, *flags); });
}

}  // namespace vigie::cli
