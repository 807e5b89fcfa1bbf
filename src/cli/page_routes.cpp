#include "cli/page_routes.hpp"

#include "api/json_response.hpp"
#include "web/assets.hpp"

namespace vigie::cli {
namespace {

using api::HttpRequest;
using api::HttpResponse;

// Pages may use only this server's scripts, styles and API; no other site may frame them.
void add_page_headers(HttpResponse& response) {
  response.headers.emplace("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                           "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.headers.emplace("X-Content-Type-Options", "nosniff");
  response.headers.emplace("Referrer-Policy", "same-origin");
}

HttpResponse not_found_page() {
  HttpResponse response{404, "text/html; charset=utf-8",
                        "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Page introuvable — Vigie"
                        "</title><p>Cette page n'existe pas. <a href=\"/connexion\">Retour à Vigie</a></p></html>",
                        {}};
  add_page_headers(response);
  return response;
}

// The asset with its validators; 304 when the browser already has these bytes.
HttpResponse serve(const web::Asset& asset, const HttpRequest& request, std::string_view cache) {
  HttpResponse response{200, std::string{asset.content_type}, {}, {}};
  response.headers.emplace("ETag", std::string{asset.etag});
  response.headers.emplace("Cache-Control", std::string{cache});
  if (request.header("if-none-match") == asset.etag) {
    response.status = 304;
  } else {
    response.body = std::string{asset.body};
  }
  return response;
}

HttpResponse page(const HttpRequest& request) {
  const web::Asset* asset = web::find_asset("/" + request.path_params.at("page") + ".html");
  if (asset == nullptr) return not_found_page();
  HttpResponse response = serve(*asset, request, "no-cache");
  add_page_headers(response);
  return response;
}

HttpResponse file(const HttpRequest& request) {
  const web::Asset* asset = web::find_asset("/assets/" + request.path_params.at("file"));
  if (asset == nullptr) return api::json_error(404, ErrorCode::not_found, "no such file");
  return serve(*asset, request, "public, max-age=31536000, immutable");
}

}  // namespace

std::vector<api::Route> page_routes() {
  return {
      {"GET", "/", {}, "/",
       [](const HttpRequest&) { return HttpResponse{303, "text/plain", "", {{"Location", "/connexion"}}}; }},
      {"GET", "/assets/([A-Za-z0-9_.-]+)", {"file"}, "/assets/{file}", file},
      {"GET", "/([a-z-]+)", {"page"}, "/{page}", page},
  };
}

}  // namespace vigie::cli
