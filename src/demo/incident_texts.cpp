#include "demo/incident_texts.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace vigie::demo {
namespace {

using Words = std::span<const std::string_view>;

struct Problem {
  std::string_view text;
  IncidentCategory category;
  int lowest;  // severities this problem can have, as Severity ranks
  int highest;
};

using C = IncidentCategory;
constexpr Problem kProblems[] = {
    {"fissure sur voile béton {loc}", C::technical, 1, 3},
    {"problème de câblage sur le tableau électrique {loc}", C::technical, 0, 2},
    {"erreur de cote sur le plan, réservation décalée de {n} cm", C::technical, 1, 2},
    {"infiltration d'eau {loc}", C::technical, 0, 2},
    {"fuite sur le réseau d'eaux usées {loc}", C::technical, 0, 2},
    {"dalle pas de niveau, écart de {n} mm", C::technical, 0, 2},
    {"ferraillage non conforme au plan {loc}", C::technical, 1, 3},
    {"mur porteur à reprendre, doute sur la structure", C::technical, 2, 3},
    {"chape fissurée {loc}", C::technical, 0, 1},
    {"gaines de ventilation en conflit avec une poutre {loc}", C::technical, 1, 2},
    {"plan d'exécution pas à jour, indice différent de celui du bureau d'études", C::technical, 0, 2},
    {"réseau enterré non repéré sur le plan", C::technical, 1, 3},
    {"étanchéité de la toiture terrasse défaillante", C::technical, 1, 2},
    {"affaissement du terrain en fond de fouille", C::technical, 2, 3},
    {"carrelage posé avec un défaut de planéité {loc}", C::technical, 0, 1},
    {"menuiseries qui ne rentrent pas dans les baies, cotes fausses", C::technical, 1, 2},
    {"poutre fléchie après décoffrage {loc}", C::technical, 2, 3},
    {"disjoncteur qui saute dès qu'on branche la bétonnière", C::technical, 0, 1},
    {"garde-corps manquant {loc}", C::safety, 1, 3},
    {"échafaudage mal ancré en façade", C::safety, 2, 3},
    {"trémie non protégée {loc}", C::safety, 2, 3},
    {"câble électrique dénudé sur une zone de passage", C::safety, 2, 3},
    {"ouvrier blessé à la main, coupure profonde", C::safety, 2, 3},
    {"chute de plain-pied d'un compagnon, sans gravité", C::safety, 1, 2},
    {"casques pas portés par l'équipe du sous-traitant", C::safety, 0, 1},
    {"extincteur manquant dans la base vie", C::safety, 0, 1},
    {"départ de feu dans la benne à déchets", C::safety, 2, 3},
    {"odeur de gaz signalée {loc}", C::safety, 3, 3},
    {"balisage de la zone de levage absent", C::safety, 1, 2},
    {"harnais défectueux trouvé dans le fourgon", C::safety, 1, 2},
    {"intrusion cette nuit, clôture de chantier ouverte", C::safety, 0, 2},
    {"chute d'un ouvrier depuis l'escabeau, il se plaint du dos", C::safety, 2, 3},
    {"livraison de béton en retard", C::material, 1, 2},
    {"livraison de {mat} incomplète", C::material, 0, 2},
    {"mini-pelle en panne", C::material, 1, 2},
    {"mauvaise référence de {mat} livrée", C::material, 0, 1},
    {"nacelle pas livrée par le loueur", C::material, 1, 2},
    {"rupture de stock de {mat} chez le fournisseur", C::material, 1, 2},
    {"fourgon en panne, l'équipe arrive en retard", C::material, 0, 1},
    {"groupe électrogène hors service", C::material, 1, 2},
    {"{mat} abîmés à la livraison", C::material, 0, 1},
    {"il manque des {mat} pour finir {loc}", C::material, 0, 1},
    {"grue à l'arrêt, défaut moteur", C::material, 2, 3},
    {"vol de matériel sur le chantier cette nuit", C::material, 1, 3},
    {"DICT pas reçue pour les travaux de tranchée", C::administrative, 1, 2},
    {"panneau de permis de construire pas affiché", C::administrative, 0, 1},
    {"arrêté de voirie toujours pas délivré", C::administrative, 1, 2},
    {"accès au chantier bloqué par le voisin", C::administrative, 1, 2},
    {"facture fournisseur reçue en double", C::administrative, 0, 0},
    {"réunion de chantier décalée, client absent", C::administrative, 0, 0},
    {"avenant pas encore signé par le client", C::administrative, 0, 1},
    {"plainte du voisinage pour le bruit", C::administrative, 0, 1},
    {"badges d'accès pas activés pour les intérimaires", C::administrative, 0, 1},
    {"contrôle de l'inspection du travail demain, registre pas à jour", C::administrative, 1, 2},
    {"sous-traitant sans attestation URSSAF à jour", C::administrative, 1, 2},
    {"arrêt de chantier demandé par la mairie", C::administrative, 2, 3},
};

constexpr std::string_view kOpeners[] = {
    "", "", "", "Bonjour, ", "Salut, ", "Urgent : ", "Attention ", "Constat ce matin : ",
    "Problème : ", "Info : ", "Signalé par le sous-traitant : ", "Lors du passage ce matin, ",
    "Pour le BE : ", "Suite visite, ", "Encore ", "Re-bonjour, "};

constexpr std::string_view kLow[] = {
    "pas d'impact sur le planning", "on gère", "à voir à la prochaine réunion", "pas urgent",
    "on continue en attendant", "pour info", "à régler quand vous pouvez"};
constexpr std::string_view kMedium[] = {
    "on contourne pour l'instant", "ça va ralentir le lot {trade}", "à traiter cette semaine",
    "on décale une partie des travaux", "prévoir une reprise", "on avance sur une autre zone"};
constexpr std::string_view kHigh[] = {
    "ça bloque le lot {trade}", "équipe en attente", "on perd au moins une journée",
    "besoin d'une réponse rapide", "zone condamnée en attendant",
    "le {trade} ne peut pas intervenir"};
constexpr std::string_view kCritical[] = {
    "chantier à l'arrêt !!", "tout le monde est évacué", "arrêt immédiat des travaux",
    "danger immédiat", "pompiers appelés", "il faut quelqu'un sur place tout de suite",
    "on a tout arrêté"};

constexpr std::string_view kSignOffs[] = {
    "", "", "", " Merci.", " Merci", " svp", " Cf photos.", " Cf photo jointe.",
    " Merci de me rappeler.", " Rappelez-moi.", " Photos dans l'appli.", " Merci d'avance"};

Words consequences(Severity severity) {
  switch (severity) {
    case Severity::low: return kLow;
    case Severity::medium: return kMedium;
    case Severity::high: return kHigh;
    case Severity::critical: return kCritical;
  }
  return kLow;
}

const Problem& pick_problem(Rng& rng, IncidentCategory category, Severity severity) {
  const int rank = static_cast<int>(severity);
  std::vector<const Problem*> fitting;
  for (const Problem& p : kProblems) {
    if (p.category == category && p.lowest <= rank && rank <= p.highest) fitting.push_back(&p);
  }
  return *fitting[rng.below(fitting.size())];  // every category has each severity covered
}

}  // namespace

std::string incident_description(Rng& rng, IncidentCategory category, Severity severity) {
  std::string text{rng.pick(Words{kOpeners})};
  text += fill_placeholders(rng, pick_problem(rng, category, severity).text);
  if (rng.chance(0.8)) {
    text += rng.chance(0.5) ? ", " : ". ";
    text += fill_placeholders(rng, rng.pick(consequences(severity)));
  }
  if (text.back() != '!' && rng.chance(0.5)) text += '.';
  text += rng.pick(Words{kSignOffs});
  return in_chief_style(rng, std::move(text));
}

}  // namespace vigie::demo
