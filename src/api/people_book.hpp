// api/people_book.hpp
//
// Persons' names and teams' members by id, read from the store's reference entities once per
// request: the pages name people, the events only give their ids.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "common/expected.hpp"
#include "store/store.hpp"

namespace vigie::api {

struct PeopleBook {
  std::unordered_map<std::string, std::string> person_names;
  std::unordered_map<std::string, std::vector<std::string>> team_members;  // team → person ids
  std::string name(const std::string& person_id) const;  // the id itself when unknown
  const std::string* find(const std::string& person_id) const;  // nullptr when unknown
};
Expected<PeopleBook> read_people(const store::Store& store);

}  // namespace vigie::api
