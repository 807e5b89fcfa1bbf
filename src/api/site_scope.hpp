// api/site_scope.hpp
//
// The sites whose incidents and alerts a principal sees (surfaces.md: "a manager sees only their
// sites"): a manager the sites they manage, a chief those they run; every other role that reads
// (admin, direction, the design office) every site.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "store/rows.hpp"

namespace vigie::api {

class SiteScope {
 public:
  // Whether the role is limited to its own sites (then of() needs the sites).
  static bool limited(const Principal& principal) {
    return principal.role == store::Role::manager || principal.role == store::Role::chief;
  }
  static SiteScope of(const Principal& principal, const std::vector<store::SiteRow>& sites) {
    SiteScope scope;
    scope.limited_ = limited(principal);
    if (!scope.limited_) return scope;
    for (const store::SiteRow& site : sites) {
      const std::string& person =
          principal.role == store::Role::manager ? site.manager_id : site.chief_id;
      if (person == principal.person_id) scope.own_.insert(site.id);
    }
    return scope;
  }

  bool contains(const std::string& site_id) const { return !limited_ || own_.contains(site_id); }

 private:
  bool limited_ = false;
  std::set<std::string> own_;
};

}  // namespace vigie::api
