// ingest/webhook_mapping.hpp
//
// What a pushing system's JSON means in Vigie events: one mapping file per source
// (config/webhooks/<source>.toml). A file names its source and lists rules; a rule applies when
// its condition holds, makes one event (or one per element of an array, `each`) and says how
// each field is taken from the body (mapping_field.hpp). Every rule that applies contributes;
// a delivery no rule applies to is refused, so that a new kind of message from the sender is
// noticed rather than silently dropped.
//
//   source = "erp"
//   [[rules]]
//   name = "expense_lines"
//   when = { path = "/evenement", equals = "facture_achat.comptabilisee" }
//   each = "/document/lignes"
//   [rules.fields]
//   id = { template = "erp-{/document/numero}-{@/num_ligne}" }
//   ...
//   [rules.fields.data]
//   amount = { path = "@/montant_ht_centimes", divide_by = 100 }
//
// Secrets are not in mapping files (the configuration holds them: webhook_receiver.hpp).
// Ids should be templates over the body, so that a delivery sent twice maps to the same event
// ids and is stored once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "events/event.hpp"
#include "ingest/mapping_event.hpp"

namespace vigie::ingest {

struct WebhookRule {
  struct Condition {
    std::string path;
    std::string equals;  // compared with the value's text ("12", "true", the string)
  };
  std::string name;
  std::optional<Condition> when;  // none: always applies
  std::string each;               // empty: one event per delivery
  FieldList fields;
};

struct WebhookMapping {
  std::string source;  // the {source} of /api/v1/webhooks/{source}
  std::vector<WebhookRule> rules;
};

inline constexpr std::size_t kMaxEventsPerDelivery = 10'000;

// `origin` names the text in errors (its file path).
Expected<WebhookMapping> parse_webhook_mapping(std::string_view toml_text, std::string_view origin);
Expected<WebhookMapping> load_webhook_mapping(const std::filesystem::path& path);

// The events a delivery's body maps to, in rule order. All or nothing: a delivery is one
// business message (an invoice and its lines), and storing part of it would show a cost
// half-booked; the sender gets the first refusal and can resend the whole once corrected.
// Errors: invalid with the event's field ("data.amount") and a message naming the rule and
// element; invalid "body" when it is not JSON or no rule applies; too_large past
// kMaxEventsPerDelivery. Thread-safe.
Expected<std::vector<events::Event>> map_delivery(const WebhookMapping& mapping,
                                                  std::string_view body);

}  // namespace vigie::ingest
