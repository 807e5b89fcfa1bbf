// ingest/mapping_toml.hpp
//
// Reads the parts of a mapping file that webhook and import mappings share: the TOML document
// itself and the tables of fields (mapping_field.hpp documents their keys). Included only by
// the .cpp files that load mappings, so that toml++ stays out of other headers.
// Errors are `invalid`, with the file as field and "line N: where: what" as message, so that
// a typo in a mapping is found at start-up rather than when the first delivery arrives.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "common/expected.hpp"
#include "ingest/mapping_event.hpp"

namespace vigie::ingest {

// Webhook mappings read JSON paths ("/a/b", "@/c"); import mappings read CSV columns.
enum class MappingDialect { json_body, csv_rows };

Expected<toml::table> parse_toml(std::string_view text, std::string_view origin);
Expected<toml::table> load_toml_file(const std::filesystem::path& path);

// "line 12: fields.data.amount: <message>", with the file as field.
Error mapping_error(std::string_view origin, const toml::node& at, std::string_view message);

// Fails on a key of `table` outside `allowed` (a misspelt key would otherwise be ignored).
Expected<void> check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                          std::string_view origin, std::string_view context);

// A TOML scalar as a mapped value; an array, table or date-time is refused.
Expected<MappedValue> scalar_value(const toml::node& node, std::string_view origin,
                                   std::string_view context);

// A table of fields: each key is a field name, each value a constant or a table of the keys of
// mapping_field.hpp. Checks the names, that id, type and occurred_at are there, and that the
// origins suit the dialect.
Expected<FieldList> parse_field_table(const toml::table& table, MappingDialect dialect,
                                      std::string_view origin, std::string_view context);

}  // namespace vigie::ingest
