// cli/page_routes.hpp
//
// The dashboards' pages and files over HTTP (issue 10), from the assets embedded in the binary
// (web/assets.hpp). Here rather than in api/ because api/ does not depend on web/ (STYLE.md);
// the server stack adds them after the API's routes.
//   GET /                 → 303 to /connexion (which leads a signed-in person on)
//   GET /{page}           the page web/pages/{page}.html (no-cache: always the current build)
//   GET /assets/{file}    scripts and styles, named by their content: cached for a year
// Pages carry a Content-Security-Policy allowing only this server's own scripts and styles.
#pragma once

#include <vector>

#include "api/routes.hpp"

namespace vigie::cli {

std::vector<api::Route> page_routes();

}  // namespace vigie::cli
