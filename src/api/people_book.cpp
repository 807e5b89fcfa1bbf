#include "api/people_book.hpp"

#include <simdjson.h>

namespace vigie::api {

std::string PeopleBook::name(const std::string& person_id) const {
  const std::string* found = find(person_id);
  return found == nullptr ? person_id : *found;
}

const std::string* PeopleBook::find(const std::string& person_id) const {
  const auto found = person_names.find(person_id);
  return found == person_names.end() ? nullptr : &found->second;
}

Expected<PeopleBook> read_people(const store::Store& store) {
  PeopleBook book;
  simdjson::dom::parser parser;
  auto persons = store.entities(store::EntityKind::person);
  if (!persons) return persons.error();
  for (const auto& person : *persons) {
    std::string_view name;
    if (parser.parse(person.record).get_object()["name"].get_string().get(name) == simdjson::SUCCESS) {
      book.person_names.emplace(person.id, std::string{name});
    }
  }
  auto teams = store.entities(store::EntityKind::team);
  if (!teams) return teams.error();
  for (const auto& team : *teams) {
    simdjson::dom::array members;
    if (parser.parse(team.record).get_object()["member_ids"].get_array().get(members) != simdjson::SUCCESS) continue;
    auto& ids = book.team_members[team.id];
    for (const auto member : members) {
      std::string_view id;
      if (member.get_string().get(id) == simdjson::SUCCESS) ids.emplace_back(id);
    }
  }
  return book;
}

}  // namespace vigie::api
