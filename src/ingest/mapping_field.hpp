// ingest/mapping_field.hpp
//
// One field of a mapping: where its value comes from in the sender's record and how it is
// converted. Webhook mappings (JSON bodies) and import mappings (CSV rows) share it, and their
// files use the same keys (mapping_toml.hpp reads them):
//
//   value = <constant>                      a constant (any TOML scalar)
//   path = "/document/affaire"              webhooks: a JSON pointer (RFC 6901) into the body;
//   path = "@/montant_ht"                     "@" starts from the current element of `each`
//   column = "Montant HT"                   imports: a CSV column, named as in the header
//   template = "erp-{/doc/numero}-{@/ligne}"  text with {path} or {column} placeholders;
//                                             webhooks also have {index} (position in `each`)
//   count = "@/jours", where = "/pluie_mm", at_least = 1.0
//                                           webhooks: how many elements of an array meet a
//                                             condition (at_least, at_most, above, below);
//                                             `where` starts from each element
// then, in this order:
//   map = { MAT = "material", MO = "labour" }   the sender's codes → Vigie's values
//   as = "text|number|integer|bool|date|datetime"   conversion (mapping_value.hpp)
//   divide_by = 100                          e.g. cents → euros (a division, so that 184050
//                                              gives exactly 1840.5, as parsing "1840.50" does)
//   default = <constant>                     when the value is missing or not in `map`
//   optional = true                          when missing, the field is left out of the event
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/expected.hpp"
#include "ingest/mapping_value.hpp"

namespace vigie::ingest {

// Text with placeholders, split once at load: "erp-{/no}" → literal "erp-", placeholder "/no".
struct TextTemplate {
  struct Piece {
    bool placeholder = false;
    std::string text;  // the literal, or what the placeholder names
  };
  std::vector<Piece> pieces;
};

// "{{" and "}}" stand for literal braces. Fails on an unclosed or empty placeholder.
Expected<TextTemplate> parse_template(std::string_view text);

struct CountRule {
  enum class Test { any, at_least, at_most, above, below };
  std::string array;  // where the array is
  std::string where;  // in each element; empty: the element itself
  Test test = Test::any;
  double threshold = 0;
};

// A sender's record as a mapping sees it: a JSON body (and the current element of `each`),
// or a CSV row. Implementations are cheap views over data they do not own.
class RecordView {
 public:
  virtual ~RecordView() = default;
  // The scalar at `where` (a path, a column); monostate when absent, null or empty.
  virtual Expected<MappedValue> lookup(std::string_view where) const = 0;
  // How `where` reads in a message: `column "Montant HT"`, `/document/affaire`.
  virtual std::string describe(std::string_view where) const = 0;
  // The number of elements meeting the rule. Only JSON records have arrays.
  virtual Expected<std::int64_t> count(const CountRule& rule) const;
};

struct FieldSpec {
  enum class Origin { constant, lookup, text_template, count };
  Origin origin = Origin::constant;
  MappedValue constant;                                    // Origin::constant
  std::string where;                                       // Origin::lookup
  TextTemplate text_template;                              // Origin::text_template
  CountRule count;                                         // Origin::count
  std::vector<std::pair<std::string, MappedValue>> codes;  // `map`, in file order
  std::optional<ValueType> as;
  std::optional<double> divide_by;
  std::optional<MappedValue> fallback;  // `default`
  bool optional = false;
};

// What a field reads from the record (paths or columns), for checks made at load or when a
// CSV header is known.
std::vector<std::string> referenced_names(const FieldSpec& spec);

// The field's value for one record, or nullopt when it is optional and missing.
// Errors have no field (the caller names it) and say what was wrong and where it was read.
Expected<std::optional<MappedValue>> evaluate_field(const FieldSpec& spec, const RecordView& record,
                                                    const ConvertOptions& options);

}  // namespace vigie::ingest
