// tests/support/webhook_samples.hpp — deliveries as the shipped webhook mappings' senders send
// them (config/webhooks/*.toml), shared by the mapping tests and the HTTP tests.
#pragma once

#include <string_view>

namespace vigie::testing {

// A purchase invoice of three lines on site CH-2025-017: 1 840,50 €, 950,00 € and 12 400,00 € HT.
inline constexpr std::string_view kErpInvoice = R"({
  "evenement": "facture_achat.comptabilisee", "horodatage": "2026-11-24T09:12:44+01:00",
  "document": {"numero": "FA-2026-004512", "date_piece": "2026-11-24", "affaire": "CH-2025-017",
    "saisi_par": "P-0042", "fournisseur": "Point.P Lyon Gerland",
    "lignes": [
      {"num_ligne": 1, "nature": "MAT", "libelle": "Parpaings 20x20x50", "montant_ht_centimes": 184050},
      {"num_ligne": 2, "nature": "LOC", "libelle": "Location mini-pelle", "montant_ht_centimes": 95000},
      {"num_ligne": 3, "nature": "ST", "libelle": "Étanchéité toiture", "montant_ht_centimes": 1240000}]}})";

}  // namespace vigie::testing
