// `vigie token create --role R [--person P-…] [--label L]`: prints a new bearer token once.
#include <chrono>
#include <cstdio>
#include <memory>

#include "api/auth.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"

namespace vigie::cli {

void add_token_command(CLI::App& app, Context& context, int& exit_code) {
  auto* token = app.add_subcommand("token", "manage API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "create a token and print it (shown only once)");
  struct Options {
    std::string role, person, label;
  };
  auto options = std::make_shared<Options>();
  create->add_option("--role", options->role, "ingest, admin, direction, manager, design_office or chief")
      ->required();
  create->add_option("--person", options->person, "the person (P-…) whose sites a manager or chief sees");
  create->add_option("--label", options->label, "a note to recognise the token by");
  create->callback([&context, &exit_code, options] {
    const auto role = store::parse_role(options->role);
    if (!role) {
      std::fprintf(stderr, "vigie: --role: must be one of ingest, admin, direction, manager, "
                           "design_office, chief\n");
      exit_code = kExitUsage;
      return;
    }
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
    auto created = api::create_token(context.store(), *role, options->person, options->label, now);
    if (!created) {
      std::fprintf(stderr, "vigie: %s\n", created.error().describe().c_str());
      exit_code = created.error().code == ErrorCode::invalid ? kExitUsage : kExitFailure;
      return;
    }
    std::printf("%s\n", created->c_str());
  });
}

}  // namespace vigie::cli
