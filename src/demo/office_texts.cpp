// The office's side of the texts: resolutions, requests and plan-change notes, and the words
// that fill every pattern's placeholders.
#include <span>
#include <string_view>

#include "demo/incident_texts.hpp"

namespace vigie::demo {
namespace {

using Words = std::span<const std::string_view>;

constexpr std::string_view kPlaces[] = {
    "au R+1", "au RDC", "au sous-sol", "cage d'escalier B", "dans le local technique",
    "en façade nord", "bâtiment A", "au niveau 2", "en toiture", "zone de livraison",
    "logement 12", "chambre 3", "salle de bain du lot 4", "au parking", "côté cour",
    "au R+3", "dans la gaine palière", "au droit de l'axe C"};
constexpr std::string_view kMaterials[] = {
    "plaques BA13", "parpaings", "sacs de ciment", "fers à béton", "tubes PER", "gaines ICTA",
    "panneaux isolants", "rails métalliques", "tuiles", "bastaings", "carreaux 60x60",
    "menuiseries alu", "plaques de plâtre hydro"};
constexpr std::string_view kTrades[] = {"plomberie", "électricité", "placo", "carrelage",
                                        "menuiserie", "peinture", "gros œuvre", "charpente",
                                        "couverture", "CVC"};

constexpr std::string_view kTechnicalFixes[] = {
    "Reprise effectuée selon la préconisation du BE", "Plan indice C transmis, réservation reprise",
    "Électricien intervenu, tableau refait", "Fissure traitée par injection de résine, suivi photo",
    "Nouveau ferraillage validé par le bureau de contrôle", "Étanchéité reprise par le couvreur",
    "Cote corrigée sur plan, reprise faite {loc}", "Ragréage fait, planéité OK"};
constexpr std::string_view kSafetyFixes[] = {
    "Garde-corps reposé et zone rebalisée", "Quart d'heure sécurité fait avec l'équipe",
    "Blessé soigné, déclaration d'accident faite", "Échafaudage vérifié et réceptionné",
    "Trémie fermée par plancher provisoire", "Harnais remplacé, EPI contrôlés",
    "Clôture réparée, gardiennage demandé pour les nuits", "GRDF passé, fuite réparée"};
constexpr std::string_view kMaterialFixes[] = {
    "Livraison reçue", "Matériel remplacé par le loueur", "Réparé par le mécanicien",
    "Commandé chez un autre fournisseur, livré", "Complément de {mat} livré",
    "Échange fait avec le fournisseur", "Plainte déposée, matériel racheté"};
constexpr std::string_view kAdministrativeFixes[] = {
    "Document reçu et affiché", "Arrêté obtenu", "Client relancé, avenant signé",
    "Facture annulée par le fournisseur", "Réunion replanifiée", "Attestation reçue",
    "Badges activés", "Accord trouvé avec le voisin"};

constexpr std::string_view kTechnicalRequests[] = {
    "Besoin du détail de ferraillage du linteau {loc}", "Confirmer la position des réservations {loc}",
    "Valider le remplacement des {mat} proposé par le fournisseur",
    "Note de calcul pour la trémie {loc} svp", "Besoin du carnet de détails étanchéité"};
constexpr std::string_view kMaterialRequests[] = {
    "Commande de {n} {mat} pour la semaine prochaine", "Besoin location nacelle 12 m pour 3 jours",
    "Réappro {mat} urgent", "Benne à gravats pleine, rotation à prévoir",
    "Besoin d'un second échafaudage {loc}"};
constexpr std::string_view kQuestions[] = {
    "Quelle cote pour la baie {loc} ? le plan n'est pas clair",
    "Peut-on remplacer les {mat} par un équivalent ?", "Hauteur sous plafond {loc} à confirmer",
    "Cote manquante sur le plan de coffrage du voile {loc}",
    "Quelle épaisseur d'isolant en rampant ?", "Le passage de gaine {loc} est-il validé ?"};

constexpr std::string_view kPlanChanges[] = {
    "déplacement de cloisons {loc} à la demande du client",
    "ajout d'une trémie pour la ventilation {loc}", "modification de charpente suite étude structure",
    "menuiseries alu au lieu de PVC", "reprise des réseaux suite aux sondages",
    "ajout de prises et de luminaires {loc}", "changement de revêtement de sol {loc}",
    "renfort de plancher {loc} suite changement d'usage"};

std::string_view replacement(Rng& rng, std::string_view name, std::string& number) {
  if (name == "loc") return rng.pick(Words{kPlaces});
  if (name == "mat") return rng.pick(Words{kMaterials});
  if (name == "trade") return rng.pick(Words{kTrades});
  number = std::to_string(rng.between(2, 40));
  return number;
}

}  // namespace

std::string fill_placeholders(Rng& rng, std::string_view pattern) {
  std::string out;
  std::string number;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out += pattern.substr(pos, open - pos);
    out += replacement(rng, pattern.substr(open + 1, close - open - 1), number);
    pos = close + 1;
  }
  if (pos < pattern.size()) out += pattern.substr(pos);
  return out;
}

std::string incident_resolution(Rng& rng, IncidentCategory category) {
  constexpr Words kFixes[] = {kSafetyFixes, kTechnicalFixes, kMaterialFixes, kAdministrativeFixes};
  std::string text = fill_placeholders(rng, rng.pick(kFixes[static_cast<int>(category)]));
  if (rng.chance(0.3)) text += rng.chance(0.5) ? ". Clos." : ", RAS depuis.";
  return text;
}

std::string request_description(Rng& rng, RequestKind kind) {
  constexpr Words kRequests[] = {kTechnicalRequests, kMaterialRequests, kQuestions};
  return in_chief_style(rng, fill_placeholders(rng, rng.pick(kRequests[static_cast<int>(kind)])));
}

std::string plan_change_note(Rng& rng, int revision) {
  std::string note = "Indice ";
  note += static_cast<char>('A' + (revision % 26));
  note += " : ";
  note += fill_placeholders(rng, rng.pick(Words{kPlanChanges}));
  return note;
}

}  // namespace vigie::demo
