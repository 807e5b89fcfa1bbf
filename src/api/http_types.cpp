#include "api/http_types.hpp"

#include <algorithm>

namespace vigie::api {

std::string HttpRequest::header(std::string_view name) const {
  std::string key{name};
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto it = headers.find(key);
  return it == headers.end() ? std::string{} : it->second;
}

std::string HttpRequest::query_param(std::string_view name) const {
  const auto it = query.find(std::string{name});
  return it == query.end() ? std::string{} : it->second;
}

}  // namespace vigie::api
