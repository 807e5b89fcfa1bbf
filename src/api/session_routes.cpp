// Dashboard sessions over HTTP (issue 10; api/sessions.hpp):
//   POST   /api/v1/session               {"email", "password"} → the user, and the session cookie
//                                        (401 wrong e-mail or password, 429 after 5 failures)
//   GET    /api/v1/session               who is signed in (a token's holder too)
//   DELETE /api/v1/session               signs out: the session ends, the cookie is cleared
//   GET    /api/v1/session/demo-accounts the demo's accounts, for the sign-in page; 404 unless
//                                        the server runs with --demo
#include <simdjson.h>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

// Behind an HTTPS proxy the cookie must say Secure; on plain loopback HTTP it cannot.
bool through_https(const HttpRequest& request) { return request.header("x-forwarded-proto") == "https"; }

void write_user(JsonWriter& json, const std::string& email, store::Role role, const std::string& person_id) {
  json.key("email");
  if (email.empty()) json.null();  // a token's holder
  else json.value(email);
  json.field("role", store::role_name(role)).key("person_id");
  if (person_id.empty()) json.null();
  else json.value(person_id);
}

HttpResponse post_session(ApiServices& services, const HttpRequest& request) {
  if (services.sign_in == nullptr) return json_error(503, ErrorCode::unavailable, "no sign-in on this server");
  simdjson::dom::parser parser;
  simdjson::dom::object body;
  std::string_view email, password;
  if (parser.parse(request.body).get_object().get(body) != simdjson::SUCCESS) {
    return json_error(Error::invalid("body", "must be a JSON object with email and password"));
  }
  if (body["email"].get_string().get(email) != simdjson::SUCCESS) {
    return json_error(Error::invalid("email", "is required (a string)"));
  }
  if (body["password"].get_string().get(password) != simdjson::SUCCESS) {
    return json_error(Error::invalid("password", "is required (a string)"));
  }
  auto opened = services.sign_in->open(email, password, instant_now());
  if (!opened) {
    if (opened.error().code == ErrorCode::unauthorized) {
      services.log.warn("sign-in refused", {{"email", std::string{email}.substr(0, 254)}});
    }
    return json_error(opened.error());
  }
  services.log.info("signed in", {{"email", opened->user.email}});
  JsonWriter json;
  json.begin_object();
  write_user(json, opened->user.email, opened->user.role, opened->user.person_id);
  json.time_field("expires_at", opened->expires_at).end_object();
  HttpResponse response = json_ok(json.take());
  response.headers.emplace("Set-Cookie", session_cookie(opened->cookie, services.sign_in->lifetime(),
                                                        through_https(request)));
  return response;
}

HttpResponse get_session(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  JsonWriter json;
  json.begin_object();
  write_user(json, principal->user, principal->role, principal->person_id);
  json.end_object();
  return json_ok(json.take());
}

HttpResponse delete_session(ApiServices& services, const HttpRequest& request) {
  if (services.sign_in == nullptr) return json_error(503, ErrorCode::unavailable, "no sign-in on this server");
  const auto cookie = cookie_value(request.header("cookie"), kSessionCookie);
  if (cookie) {
    if (auto closed = services.sign_in->close(*cookie); !closed) return json_error(closed.error());
  }
  HttpResponse response = json_ok(R"({"signed_out":true})");
  response.headers.emplace("Set-Cookie", cleared_session_cookie(through_https(request)));
  return response;
}

HttpResponse get_demo_accounts(ApiServices& services) {
  if (services.demo_accounts.empty()) {
    return json_error(404, ErrorCode::not_found, "no demo accounts: the server does not run with --demo");
  }
  JsonWriter json;
  json.begin_object().field("password", kDemoPassword).key("accounts").begin_array();
  for (const DemoAccount& account : services.demo_accounts) {
    json.begin_object();
    write_user(json, account.email, account.role, account.person_id);
    json.field("name", account.name).end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> session_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/session", {}, "/api/v1/session",
       [&services](const HttpRequest& r) { return post_session(services, r); }},
      {"GET", "/api/v1/session", {}, "/api/v1/session",
       [&services](const HttpRequest& r) { return get_session(services, r); }},
      {"DELETE", "/api/v1/session", {}, "/api/v1/session",
       [&services](const HttpRequest& r) { return delete_session(services, r); }},
      {"GET", "/api/v1/session/demo-accounts", {}, "/api/v1/session/demo-accounts",
       [&services](const HttpRequest&) { return get_demo_accounts(services); }},
  };
}

}  // namespace vigie::api
