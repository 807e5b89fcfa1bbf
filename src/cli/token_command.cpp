// `vigie token create|list|revoke`: API bearer tokens.
//   create --role R [--person P-…] [--label L]   prints a new token once
//   list                                          id (hash prefix), role, person, label, created
//   revoke TOKEN-OR-ID                            deletes it; servers stop honouring it within
//                                                 api::kTokenCacheTtl
// A token is never shown again after create, and list shows only a prefix of its hash.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>

#include "api/auth.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"

namespace vigie::cli {
namespace {

// Shorter prefixes would too easily name a token other than the one meant.
constexpr std::size_t kMinIdPrefix = 6;

int create_token(Context& context, const std::string& role_text, const std::string& person,
                 const std::string& label) {
  const auto role = store::parse_role(role_text);
  if (!role) {
    std::fprintf(stderr, "vigie: --role: must be one of ingest, admin, direction, manager, "
                         "design_office, chief\n");
    return kExitUsage;
  }
  const auto now = instant_now();
  auto created = api::create_token(context.store(), *role, person, label, now);
  if (!created) return fail(created.error());
  std::printf("%s\n", created->c_str());
  return kExitOk;
}

int list_tokens(Context& context) {
  auto tokens = context.store().tokens();
  if (!tokens) return fail(tokens.error());
  std::printf("%-14s %-14s %-12s %-24s %s\n", "id", "role", "person", "created", "label");
  for (const store::TokenRow& token : *tokens) {
    std::printf("%-14s %-14s %-12s %-24s %s\n", token.hash.substr(0, api::kTokenIdLength).c_str(),
                std::string{store::role_name(token.role)}.c_str(),
                token.person_id.empty() ? "-" : token.person_id.c_str(),
                format_rfc3339_utc(token.created_at).c_str(), token.label.c_str());
  }
  return kExitOk;
}

// The hash a token or an id (a prefix of the hash, as `list` shows it) designates.
Expected<std::string> resolve_token(const store::Store& store, const std::string& target) {
  if (target.starts_with("vgt_")) return api::sha256_hex(target);
  std::string prefix = target;
  std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool hex = std::all_of(prefix.begin(), prefix.end(),
                               [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (!hex || prefix.size() < kMinIdPrefix) {
    return Error::invalid("token",
                          "must be a token (vgt_…) or an id from `vigie token list` (at least " +
                              std::to_string(kMinIdPrefix) + " hex characters)");
  }
  auto tokens = store.tokens();
  if (!tokens) return tokens.error();
  std::vector<std::string> matches;
  for (const store::TokenRow& token : *tokens) {
    if (token.hash.starts_with(prefix)) matches.push_back(token.hash);
  }
  if (matches.size() > 1) {
    return Error::invalid("token", std::to_string(matches.size()) +
                                       " tokens have an id starting with " + prefix +
                                       "; give more characters");
  }
  if (matches.empty()) return Error::invalid("token", "no token has the id " + prefix);
  return matches.front();
}

int revoke_token(Context& context, const std::string& target) {
  store::Store& store = context.store();
  auto hash = resolve_token(store, target);
  if (!hash) return fail(hash.error());
  auto revoked = store.revoke_token(*hash);
  if (!revoked) return fail(revoked.error());
  if (!*revoked) return fail(Error::invalid("token", "no such token"));
  std::printf("revoked %s; running servers refuse it within %lld s\n",
              hash->substr(0, api::kTokenIdLength).c_str(),
              static_cast<long long>(api::kTokenCacheTtl.count()));
  return kExitOk;
}

}  // namespace

void add_token_command(CLI::App& app, Context& context, int& exit_code) {
  auto* token = app.add_subcommand("token", "manage API tokens");
  token->require_subcommand(1);
  struct Options {
    std::string role, person, label, target;
  };
  auto options = std::make_shared<Options>();

  auto* create = token->add_subcommand("create", "create a token and print it (shown only once)");
  create->add_option("--role", options->role,
                     "ingest, admin, direction, manager, design_office or chief")
      ->required();
  create->add_option("--person", options->person,
                     "the stored person (P-…) the token speaks for; required for manager, "
                     "design_office and chief");
  create->add_option("--label", options->label, "a note to recognise the token by");
  create->callback([&context, &exit_code, options] {
    exit_code = create_token(context, options->role, options->person, options->label);
  });

  auto* list = token->add_subcommand("list", "list tokens: id, role, person, created, label");
  list->callback([&context, &exit_code] { exit_code = list_tokens(context); });

  auto* revoke = token->add_subcommand(
      "revoke", "revoke a token, given itself or its id from `vigie token list`");
  revoke->add_option("token", options->target, "the token (vgt_…) or its id")->required();
  revoke->callback([&context, &exit_code, options] {
    exit_code = revoke_token(context, options->target);
  });
}

}  // namespace vigie::cli
