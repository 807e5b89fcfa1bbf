// `vigie user add|list|remove`: the people who sign in to the dashboards (issue 10).
//   add EMAIL --role R [--person P-…]  asks for the password twice on a terminal (not shown),
//                                       else reads it from the first line of stdin; a user of
//                                       that e-mail is replaced (new password or role) and
//                                       their sessions end
//   list                                e-mail, role, person, created
//   remove EMAIL                        the user and their sessions
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "api/auth.hpp"
#include "api/password.hpp"
#include "api/sessions.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"

namespace vigie::cli {
namespace {

// A line from stdin; on a terminal, with `prompt` on stderr and the typing not echoed.
std::optional<std::string> read_secret(const char* prompt) {
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
  }
  if (!read) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Expected<std::string> new_password() {
  auto password = read_secret("Mot de passe : ");
  if (!password) return Error::invalid("password", "none given on stdin");
  if (auto checked = api::check_new_password(*password); !checked) return checked.error();
  if (::isatty(STDIN_FILENO) != 0) {
    auto again = read_secret("Mot de passe (encore) : ");
    if (!again || *again != *password) return Error::invalid("password", "the two entries differ");
  }
  return *password;
}

int add_user(Context& context, const std::string& email_text, const std::string& role_text,
             const std::string& person) {
  auto email = api::normalise_email(email_text);
  if (!email) return fail(email.error());
  const auto role = store::parse_role(role_text);
  if (!role || *role == store::Role::ingest) {
    return fail(Error::invalid("role", "must be one of admin, direction, manager, design_office, chief"));
  }
  store::Store& store = context.store();
  if (api::role_needs_person(*role)) {
    if (person.empty()) return fail(Error::invalid("person", "is required for the " + role_text + " role"));
    auto known = store.entity_exists(store::EntityKind::person, person);
    if (!known) return fail(known.error());
    if (!*known) return fail(Error::invalid("person", "unknown person \"" + person + "\""));
  }
  auto password = new_password();
  if (!password) return fail(password.error());
  auto hash = api::hash_password(*password);
  if (!hash) return fail(hash.error());
  const std::string person_id = api::role_needs_person(*role) ? person : std::string{};
  auto stored = store.put_user({*email, *role, person_id, *hash, instant_now()});
  if (!stored) return fail(stored.error());
  std::printf("%s (%s) can sign in\n", email->c_str(), role_text.c_str());
  return kExitOk;
}

int list_users(Context& context) {
  auto users = context.store().users();
  if (!users) return fail(users.error());
  std::printf("%-36s %-14s %-12s %s\n", "email", "role", "person", "created");
  for (const store::UserRow& user : *users) {
    std::printf("%-36s %-14s %-12s %s\n", user.email.c_str(), std::string{store::role_name(user.role)}.c_str(),
                user.person_id.empty() ? "-" : user.person_id.c_str(), format_rfc3339_utc(user.created_at).c_str());
  }
  return kExitOk;
}

int remove_user(Context& context, const std::string& email_text) {
  auto email = api::normalise_email(email_text);
  if (!email) return fail(email.error());
  auto removed = context.store().remove_user(*email);
  if (!removed) return fail(removed.error());
  if (!*removed) return fail(Error::invalid("email", "no user " + *email));
  std::printf("removed %s; their sessions are closed\n", email->c_str());
  return kExitOk;
}

}  // namespace

void add_user_command(CLI::App& app, Context& context, int& exit_code) {
  auto* user = app.add_subcommand("user", "manage the people who sign in to the dashboards");
  user->require_subcommand(1);
  struct Options {
    std::string email, role, person;
  };
  auto options = std::make_shared<Options>();

  auto* add = user->add_subcommand("add", "add a user (or replace one), the password read from the terminal or stdin");
  add->add_option("email", options->email, "their e-mail address, which they sign in with")->required();
  add->add_option("--role", options->role, "admin, direction, manager, design_office or chief")->required();
  add->add_option("--person", options->person,
                  "the stored person (P-…) they are; required for manager, design_office and chief");
  add->callback([&context, &exit_code, options] {
    exit_code = add_user(context, options->email, options->role, options->person);
  });

  auto* list = user->add_subcommand("list", "list users: e-mail, role, person, created");
  list->callback([&context, &exit_code] { exit_code = list_users(context); });

  auto* remove = user->add_subcommand("remove", "remove a user and close their sessions");
  remove->add_option("email", options->email, "their e-mail address")->required();
  remove->callback([&context, &exit_code, options] { exit_code = remove_user(context, options->email); });
}

}  // namespace vigie::cli
