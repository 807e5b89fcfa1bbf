// Webhooks: HMAC, the shipped mappings on realistic deliveries, and the receiver's refusals.
#include <gtest/gtest.h>

#include "common/time.hpp"
#include "common/webhook_signature.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/webhook_receiver.hpp"
#include "support/random.hpp"
#include "support/webhook_samples.hpp"

namespace vigie::ingest {
namespace {

using vigie::testing::kErpInvoice;

constexpr std::string_view kErpBudget = R"({
  "evenement": "budget_affaire.revise", "horodatage": "2026-11-25T16:40:02+01:00",
  "document": {"affaire": "CH-2025-017", "version": 3, "date_effet": "2026-11-25",
    "budget_total_ht_centimes": 125000000, "budget_materiaux_ht_centimes": 48000050,
    "valide_par": "P-0007"}})";

// Rain days (>= 1 mm): 6.5, 12, 1.0, 3.4 → 4. Snow days (> 0 cm): 2, 0.5 → 2.
// Frost days (min <= 0 °C): -0.5, 0.0, -3.2, -1.0 → 4.
constexpr std::string_view kWeather = R"({
  "issued_at": "2026-11-24T05:00:00Z", "model": "AROME/ARPEGE",
  "forecasts": [
    {"location": {"ref": "CH-2025-017", "lat": 45.7578, "lon": 4.832}, "days": [
      {"date": "2026-11-24", "precip_mm": 0.2, "snow_cm": 0, "tmin_c": 3.1, "tmax_c": 11.4},
      {"date": "2026-11-25", "precip_mm": 6.5, "snow_cm": 0, "tmin_c": 1.0, "tmax_c": 8.0},
      {"date": "2026-11-26", "precip_mm": 12.0, "snow_cm": 2, "tmin_c": -0.5, "tmax_c": 4.0},
      {"date": "2026-11-27", "precip_mm": 1.0, "snow_cm": 0, "tmin_c": 0.0, "tmax_c": 6.0},
      {"date": "2026-11-28", "precip_mm": 0.0, "snow_cm": 0, "tmin_c": -3.2, "tmax_c": 5.5},
      {"date": "2026-11-29", "precip_mm": 0.9, "snow_cm": 0, "tmin_c": -1.0, "tmax_c": 7.0},
      {"date": "2026-11-30", "precip_mm": 3.4, "snow_cm": 0.5, "tmin_c": 2.0, "tmax_c": 9.0}]},
    {"location": {"ref": "CH-2025-021", "lat": 45.1885, "lon": 5.7245}, "days": [
      {"date": "2026-11-24", "precip_mm": 0, "snow_cm": 0, "tmin_c": 4, "tmax_c": 12},
      {"date": "2026-11-25", "precip_mm": 0, "snow_cm": 0, "tmin_c": 5, "tmax_c": 13},
      {"date": "2026-11-26", "precip_mm": 0, "snow_cm": 0, "tmin_c": 5, "tmax_c": 12},
      {"date": "2026-11-27", "precip_mm": 0, "snow_cm": 0, "tmin_c": 3, "tmax_c": 10},
      {"date": "2026-11-28", "precip_mm": 0, "snow_cm": 0, "tmin_c": 2, "tmax_c": 9},
      {"date": "2026-11-29", "precip_mm": 0, "snow_cm": 0, "tmin_c": 2, "tmax_c": 11},
      {"date": "2026-11-30", "precip_mm": 0, "snow_cm": 0, "tmin_c": 3, "tmax_c": 12}]}]})";

WebhookMapping shipped_mapping(const std::string& name) {
  auto mapping = load_webhook_mapping(source_file("config/webhooks/" + name + ".toml"));
  EXPECT_TRUE(mapping) << mapping.error().describe();
  return mapping ? std::move(*mapping) : WebhookMapping{};
}

std::string with_replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out{text};
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// --- HMAC ------------------------------------------------------------------------------------

TEST(Hmac, MatchesRfc4231TestCase2) {
  const auto hex = hmac_sha256_hex("Jefe", {"what do ya want ", "for nothing?"});
  ASSERT_TRUE(hex);
  EXPECT_EQ(*hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, SignatureHeaderAcceptsOnlyTheExactDigest) {
  const std::string good =
      "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  const auto matches = [](std::string_view header) {
    return signature_header_matches(header, "Jefe", {"what do ya want for nothing?"});
  };
  EXPECT_TRUE(matches(good));
  EXPECT_TRUE(matches("sha256=5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"));
  EXPECT_FALSE(matches(""));
  EXPECT_FALSE(matches(good.substr(7)));                       // no prefix
  EXPECT_FALSE(matches("sha1=" + good.substr(7)));             // another algorithm
  EXPECT_FALSE(matches(good.substr(0, good.size() - 2)));      // too short
  EXPECT_FALSE(matches(good + "00"));                          // too long
  EXPECT_FALSE(matches(with_replaced(good, "5bdc", "5bdd")));  // one bit off
  EXPECT_FALSE(matches(with_replaced(good, "5bdc", "5bdg")));  // not hex
}

// --- the shipped mappings
// -------------------------------------------------------------------------

TEST(ErpMapping, InvoiceGivesOneExpensePerLine) {
  const auto events = map_delivery(shipped_mapping("erp"), kErpInvoice);
  ASSERT_TRUE(events) << events.error().describe();
  ASSERT_EQ(events->size(), 3u);
  const events::Event& first = (*events)[0];
  EXPECT_EQ(first.id, "erp-fa-FA-2026-004512-1");
  EXPECT_EQ(first.type, events::EventType::expense_recorded);
  EXPECT_EQ(first.site_id, "CH-2025-017");
  EXPECT_EQ(first.source, events::Source::webhook);
  EXPECT_EQ(first.actor_id, "P-0042");
  // A piece date is taken at noon in Paris (UTC+1 in November).
  EXPECT_EQ(format_rfc3339_utc(first.occurred_at), "2026-11-24T11:00:00Z");
  EXPECT_EQ(first.data, R"({"amount":1840.5,"category":"material","invoice":"FA-2026-004512",)"
                        R"("label":"Parpaings 20x20x50","supplier":"Point.P Lyon Gerland"})");
  EXPECT_EQ((*events)[1].id, "erp-fa-FA-2026-004512-2");
  EXPECT_EQ((*events)[1].data,
            R"({"amount":950,"category":"other","invoice":"FA-2026-004512",)"
            R"("label":"Location mini-pelle","supplier":"Point.P Lyon Gerland"})");
  EXPECT_EQ((*events)[2].data, R"({"amount":12400,"category":"subcontracting",)"
                               R"("invoice":"FA-2026-004512","label":"Étanchéité toiture",)"
                               R"("supplier":"Point.P Lyon Gerland"})");
}

TEST(ErpMapping, BudgetRevisionInEuros) {
  const auto events = map_delivery(shipped_mapping("erp"), kErpBudget);
  ASSERT_TRUE(events) << events.error().describe();
  ASSERT_EQ(events->size(), 1u);
  const events::Event& budget = events->front();
  EXPECT_EQ(budget.id, "erp-budget-CH-2025-017-v3");
  EXPECT_EQ(budget.type, events::EventType::budget_revised);
  EXPECT_EQ(budget.actor_id, "P-0007");
  EXPECT_EQ(format_rfc3339_utc(budget.occurred_at), "2026-11-25T11:00:00Z");
  EXPECT_EQ(budget.data, R"({"budget_material":480000.5,"budget_total":1250000,"revision":3})");
}

TEST(ErpMapping, SameDocumentMapsToSameIds) {
  const auto once = map_delivery(shipped_mapping("erp"), kErpInvoice);
  const auto again = map_delivery(shipped_mapping("erp"), kErpInvoice);
  ASSERT_TRUE(once && again);
  for (std::size_t i = 0; i < once->size(); ++i) EXPECT_EQ((*once)[i].id, (*again)[i].id);
}

TEST(WeatherMapping, CountsRainSnowAndFrostDaysPerSite) {
  const auto events = map_delivery(shipped_mapping("weather"), kWeather);
  ASSERT_TRUE(events) << events.error().describe();
  ASSERT_EQ(events->size(), 2u);
  const events::Event& lyon = (*events)[0];
  EXPECT_EQ(lyon.id, "meteo-CH-2025-017-2026-11-24T05:00:00Z");
  EXPECT_EQ(lyon.type, events::EventType::weather_forecast);
  EXPECT_EQ(lyon.site_id, "CH-2025-017");
  EXPECT_EQ(format_rfc3339_utc(lyon.occurred_at), "2026-11-24T05:00:00Z");
  EXPECT_EQ(lyon.data,
            R"({"date":"2026-11-24","frost_days_7d":4,"rain_days_7d":4,"snow_days_7d":2})");
  EXPECT_EQ((*events)[1].site_id, "CH-2025-021");
  EXPECT_EQ((*events)[1].data,
            R"({"date":"2026-11-24","frost_days_7d":0,"rain_days_7d":0,"snow_days_7d":0})");
}

struct MappingRefusal {
  std::string_view name, from, to, field, message;
};
const MappingRefusal kMappingRefusals[] = {
    {"negative line amount", "\"montant_ht_centimes\": 95000", "\"montant_ht_centimes\": -95000",
     "data.amount", "must be >= 0 (rule \"facture_achat\", element /document/lignes/1)"},
    {"site code missing", "\"affaire\": \"CH-2025-017\",", "", "site_id",
     "is missing (/document/affaire) (rule \"facture_achat\", element /document/lignes/0)"},
    {"amount as text", "184050", "\"184 050\"", "data.amount",
     "\"184 050\" is not a number (/document/lignes/0/montant_ht_centimes) "
     "(rule \"facture_achat\", element /document/lignes/0)"},
    {"unknown kind of message", "facture_achat.comptabilisee", "facture_vente.emise", "body",
     "matches no rule of the \"erp\" mapping"},
};

TEST(ErpMapping, InvalidDeliveryNamesTheField) {
  const WebhookMapping erp = shipped_mapping("erp");
  for (const MappingRefusal& c : kMappingRefusals) {
    SCOPED_TRACE(c.name);
    const auto events = map_delivery(erp, with_replaced(kErpInvoice, c.from, c.to));
    ASSERT_FALSE(events);
    EXPECT_EQ(events.error().code, ErrorCode::invalid);
    EXPECT_EQ(events.error().field, c.field);
    EXPECT_EQ(events.error().message, c.message);
  }
}

TEST(ErpMapping, BodyThatIsNotJsonIsRefused) {
  const auto events = map_delivery(shipped_mapping("erp"),
                                   with_replaced(kErpInvoice, "\"lignes\": [", "\"lignes\" ["));
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().field, "body");
  EXPECT_EQ(events.error().message.rfind("is not valid JSON (", 0), 0u);  // then simdjson's words
}

TEST(WebhookMappingFile, TyposAreFoundAtLoad) {
  const auto mapping = parse_webhook_mapping(R"(source = "erp"
[[rules]]
name = "x"
[rules.fields]
id = { template = "x-{/n}" }
type = "expense.recorded"
occurred_at = { path = "/at", as = "datetime" }
[rules.fields.data]
amount = { path = "/cents", divide_by = 100, optionel = true }
)",
                                             "erp.toml");
  ASSERT_FALSE(mapping);
  EXPECT_EQ(mapping.error().field, "erp.toml");
  EXPECT_EQ(mapping.error().message,
            "line 9: rules[0].fields.data.amount: unknown key \"optionel\"");
}

TEST(WebhookMappingFile, ElementPathsNeedEach) {
  const auto mapping = parse_webhook_mapping(R"(source = "erp"
[[rules]]
name = "x"
[rules.fields]
id = { template = "x-{@/n}" }
type = "progress.reported"
occurred_at = { path = "/at" }
)",
                                             "erp.toml");
  ASSERT_FALSE(mapping);
  EXPECT_EQ(mapping.error().message,
            "line 2: rules[0].fields.id: @/n reads an element, but the rule has no `each`");
}

TEST(WebhookMappingProperty, RandomBodiesAreRefusedWithAMessage) {
  const WebhookMapping erp = shipped_mapping("erp");
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int i = 0; i < 500; ++i) {
    std::string body{kErpInvoice};
    // Overwrite a few bytes: mostly broken JSON, sometimes valid JSON with odd values.
    for (int k = 0, n = static_cast<int>(random.integer(1, 4)); k < n; ++k) {
      body[random.index(body.size())] = random.bytes(1)[0];
    }
    const auto events =
        map_delivery(erp, random.chance(0.2) ? random.bytes(random.index(64)) : body);
    if (!events) {
      EXPECT_FALSE(events.error().message.empty());
    }
  }
}

// --- the receiver ---------------------------------------------------------------------------

constexpr std::string_view kSecret = "erp-shared-secret-0123456789";
const Instant kNow = *parse_rfc3339("2026-11-24T08:12:50Z");

std::string unix_text(Instant t) {
  return std::to_string(std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count());
}

// A delivery as the ERP sends it.
struct Delivery {
  std::string delivery_id = "dlv_01JD8Q6Z4K";
  std::string timestamp = unix_text(kNow);
  std::string body{kErpInvoice};
  std::string signature;
  WebhookRequest request() const { return {"erp", signature, delivery_id, timestamp, body}; }
};

Delivery signed_delivery(Delivery delivery = {}) {
  delivery.signature =
      *webhook_signature(kSecret, delivery.body);
  return delivery;
}

class WebhookReceiverTest : public IngestFixture {
 protected:
  void SetUp() override {
    IngestFixture::SetUp();
    std::vector<WebhookSource> sources;
    sources.push_back({"erp", std::string{kSecret}, shipped_mapping("erp")});
    receiver_ = std::make_unique<WebhookReceiver>(std::move(sources), *pipeline_, *store_,
                                                  WebhookSettings{});
  }

  std::unique_ptr<WebhookReceiver> receiver_;
};

TEST_F(WebhookReceiverTest, GoodSignatureStoresTheEvents) {
  const auto result = receiver_->handle(signed_delivery().request(), kNow);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->accepted, 3u);
  EXPECT_TRUE(result->refused.empty());
  EXPECT_EQ(stored_events(), 3u);
}

TEST_F(WebhookReceiverTest, BadSignatureIsRefusedAndNothingStored) {
  Delivery tampered = signed_delivery();
  tampered.body =
      with_replaced(tampered.body, "184050", "984050");  // the amount changed in transit
  Delivery wrong_secret = signed_delivery();
  wrong_secret.signature = *webhook_signature("another-secret-0123456789", wrong_secret.body);
  Delivery unsigned_delivery;
  for (const Delivery& delivery : {tampered, wrong_secret, unsigned_delivery}) {
    const auto result = receiver_->handle(delivery.request(), kNow);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::unauthorized);
    EXPECT_EQ(result.error().message.find(kSecret), std::string::npos);
  }
  EXPECT_EQ(stored_events(), 0u);
}

TEST_F(WebhookReceiverTest, ReplayedDeliveryIsRefused) {
  const Delivery delivery = signed_delivery();
  ASSERT_TRUE(receiver_->handle(delivery.request(), kNow));
  const auto replay = receiver_->handle(delivery.request(), kNow + std::chrono::seconds{30});
  ASSERT_FALSE(replay);
  EXPECT_EQ(replay.error().code, ErrorCode::conflict);
  EXPECT_EQ(replay.error().message, "replayed delivery");
  EXPECT_EQ(stored_events(), 3u);
}

TEST_F(WebhookReceiverTest, AKnownDeliveryIdWithAnotherBodyStoresNothing) {
  ASSERT_TRUE(receiver_->handle(signed_delivery().request(), kNow));
  Delivery other;
  other.body = with_replaced(kErpInvoice, "FA-2026-004512", "FA-2026-004513");
  const auto result = receiver_->handle(signed_delivery(other).request(), kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "replayed delivery");
  EXPECT_EQ(stored_events(), 3u);  // the first invoice's three lines only
}

TEST_F(WebhookReceiverTest, StaleOrFutureTimestampIsRefused) {
  for (const auto offset : {std::chrono::seconds{-301}, std::chrono::seconds{301}}) {
    Delivery delivery;
    delivery.timestamp = unix_text(kNow + offset);
    const auto result = receiver_->handle(signed_delivery(delivery).request(), kNow);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::conflict);
    EXPECT_EQ(result.error().field, "X-Vigie-Timestamp");
    EXPECT_EQ(result.error().message,
              "is outside the accepted window of 300 s around the server's clock (a stale "
              "delivery, or a clock out of step)");
  }
  EXPECT_EQ(stored_events(), 0u);
  Delivery edge;
  edge.timestamp = unix_text(kNow - std::chrono::seconds{300});
  EXPECT_TRUE(receiver_->handle(signed_delivery(edge).request(), kNow));
}

TEST_F(WebhookReceiverTest, CapturedBodyUnderAFreshIdAndTimestampStoresNothingNew) {
  Delivery captured;
  captured.timestamp = unix_text(kNow - std::chrono::hours{1});
  captured = signed_delivery(captured);
  captured.timestamp = unix_text(kNow - std::chrono::seconds{10});
  ASSERT_TRUE(receiver_->handle(captured.request(), kNow));
  captured.timestamp = unix_text(kNow);
  captured.delivery_id = "dlv_fresh";
  const auto result = receiver_->handle(captured.request(), kNow);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->accepted, 0u);
  EXPECT_EQ(result->duplicates, 3u);
  EXPECT_EQ(stored_events(), 3u);
}

TEST_F(WebhookReceiverTest, UnknownSourceIsNotFound) {
  WebhookRequest request = signed_delivery().request();
  request.source = "sage";
  const auto result = receiver_->handle(request, kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::not_found);
}

TEST_F(WebhookReceiverTest, InvalidMappedEventIsRefusedWholeWithItsField) {
  Delivery delivery;
  delivery.body =
      with_replaced(kErpInvoice, "\"montant_ht_centimes\": 95000", "\"montant_ht_centimes\": -1");
  const auto result = receiver_->handle(signed_delivery(delivery).request(), kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::invalid);
  EXPECT_EQ(result.error().field, "data.amount");
  EXPECT_EQ(stored_events(), 0u);
  // Not recorded as delivered: once corrected, the same delivery id goes through.
  delivery.body = kErpInvoice;
  EXPECT_TRUE(receiver_->handle(signed_delivery(delivery).request(), kNow));
}

TEST(WebhookReceiverConfig, RefusesAShortSecretOrAMismatchedMapping) {
  vigie::testing::TempDir dir;
  auto store =
      store::open_store({.engine = "sqlite", .path = dir.file("v.sqlite"), .durable = true});
  ASSERT_TRUE(store);
  Pipeline pipeline(**store, PipelineOptions{});
  const auto build = [&](std::string name, std::string secret, std::string mapping) {
    std::vector<WebhookSource> sources;
    sources.push_back({std::move(name), std::move(secret), shipped_mapping(mapping)});
    WebhookReceiver receiver(std::move(sources), pipeline, **store, WebhookSettings{});
  };
  EXPECT_THROW(build("erp", "short", "erp"), StartupError);
  EXPECT_THROW(build("erp", std::string{kSecret}, "weather"), StartupError);
  EXPECT_NO_THROW(build("weather", std::string{kSecret}, "weather"));
}

}  // namespace
}  // namespace vigie::ingest
