#include "demo/french_names.hpp"

namespace vigie::demo {
namespace {

using Words = std::span<const std::string_view>;

constexpr std::string_view kFirstNames[] = {
    "Marc", "Julie", "Thomas", "Sophie", "Nicolas", "Camille", "Julien", "Laura", "Antoine",
    "Émilie", "Mathieu", "Sarah", "Romain", "Claire", "Sébastien", "Pauline", "Kevin", "Marion",
    "Florian", "Céline", "Maxime", "Aurélie", "Guillaume", "Élodie", "Alexandre", "Manon",
    "Jérôme", "Chloé", "Vincent", "Lucie", "Olivier", "Anaïs", "Cédric", "Justine", "Damien",
    "Inès", "Yannick", "Nadia", "Mehdi", "Karim", "Samir", "Youssef", "Fatima", "Ahmed", "Rui",
    "João", "Paulo", "Stéphane", "Frédéric", "Benoît", "Hugo", "Lucas", "Théo", "Léa", "Jordan",
    "Anthony", "Mickaël", "Fabien", "Grégory", "Ludovic", "Arnaud", "Bruno", "Patrick", "Alain",
    "Christophe", "Didier", "Pascal", "Gilles", "Hervé", "Loïc"};
constexpr std::string_view kLastNames[] = {
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel",
    "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
    "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Chevalier",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Perret", "Brun", "Chauvet", "Pereira",
    "Da Silva", "Ferreira", "Rodrigues", "Benali", "Haddad", "Mansouri", "Cuzin", "Ravier",
    "Jacquet", "Favre", "Bouvier", "Rey", "Berthet", "Gonnet", "Chapuis", "Pellet", "Vuillermoz",
    "Tissot", "Mollard", "Duchêne", "Vial", "Arnaud", "Besson", "Collomb", "Pralong", "Bouchet",
    "Giraud", "Roche", "Charvet", "Janin", "Dumas", "Chambon", "Marchand", "Revol"};

constexpr std::string_view kResidential[] = {
    "Résidence Les Tilleuls", "Les Jardins du Parc", "Le Clos des Vignes", "Villa Beauséjour",
    "Les Terrasses du Lac", "Réhabilitation 24 logements", "Le Hameau des Cèdres",
    "Maison individuelle", "Résidence Le Belvédère", "Les Balcons de Belledonne",
    "Rénovation énergétique copropriété", "Résidence seniors Les Lilas", "Surélévation R+2",
    "Îlot Confluence", "Les Allées du Rhône", "Résidence étudiante Le Campus"};
constexpr std::string_view kTertiary[] = {
    "Tour Oxygène", "Immeuble de bureaux Le Carré", "Campus Saône", "Siège social",
    "Plateau de bureaux Part-Dieu", "Centre d'affaires Les Pléiades", "Pôle médical",
    "Groupe scolaire Jules-Ferry", "Médiathèque", "Réaménagement hôtel de ville",
    "Espace coworking La Fabrique", "Maison de santé", "Bureaux Le Trident", "Gymnase municipal"};
constexpr std::string_view kIndustrial[] = {
    "Entrepôt logistique ZI Nord", "Extension usine agroalimentaire", "Atelier de maintenance",
    "Bâtiment de stockage ZA des Platières", "Extension ligne de production",
    "Plateforme logistique", "Chaufferie biomasse", "Hall de décolletage",
    "Station de traitement", "Centre technique municipal", "Bâtiment frigorifique"};
constexpr std::string_view kCommercial[] = {
    "Centre commercial Les Halles", "Supermarché", "Galerie marchande", "Cellules commerciales",
    "Concession automobile", "Restaurant Le Comptoir", "Jardinerie", "Boulangerie industrielle",
    "Retail park", "Magasin de bricolage", "Hôtel-restaurant du Lac"};

constexpr std::string_view kClientForms[] = {"SCI", "SAS", "SARL", "SCCV"};
constexpr std::string_view kClientWords[] = {
    "Belledonne", "Confluence", "Vercors", "Chartreuse", "Mont-Blanc", "Dauphiné", "Forez",
    "Bresse", "Velay", "Volcans", "Rhône-Alpes", "Léman", "Bauges", "Beaujolais", "Pilat"};
constexpr std::string_view kClientTrades[] = {
    "Immobilier", "Promotion", "Invest", "Habitat", "Logistique", "Patrimoine", "Développement",
    "Industries", "Distribution", "Santé"};

constexpr std::string_view kTradeSkills[] = {
    "gros_oeuvre", "maconnerie", "electricite", "plomberie", "cvc", "menuiserie", "charpente",
    "couverture", "platrerie", "carrelage", "peinture", "vrd", "etancheite"};
constexpr std::string_view kDesignSkills[] = {"structure", "fluides", "electricite", "methodes",
                                              "thermique", "economie"};
constexpr std::string_view kVehicleKinds[] = {"fourgon", "camion benne", "utilitaire",
                                              "camion plateau grue"};
constexpr std::string_view kToolKinds[] = {
    "mini-pelle", "nacelle élévatrice", "bétonnière", "échafaudage roulant", "groupe électrogène",
    "compacteur", "laser de chantier", "marteau-piqueur", "scie à sol"};

std::string_view type_label(SiteType type) {
  switch (type) {
    case SiteType::residentiel: return "Résidentiel";
    case SiteType::tertiaire: return "Tertiaire";
    case SiteType::industriel: return "Industriel";
    case SiteType::commercial: return "Commercial";
  }
  return "";
}

Words projects_of(SiteType type) {
  switch (type) {
    case SiteType::residentiel: return kResidential;
    case SiteType::tertiaire: return kTertiary;
    case SiteType::industriel: return kIndustrial;
    case SiteType::commercial: return kCommercial;
  }
  return kResidential;
}

}  // namespace

std::string person_name(Rng& rng) {
  std::string name{rng.pick(Words{kFirstNames})};
  name += ' ';
  name += rng.pick(Words{kLastNames});
  return name;
}

std::string site_name(Rng& rng, std::string_view town, SiteType type) {
  std::string name{town};
  name += ' ';
  name += type_label(type);
  name += " – ";
  name += rng.pick(projects_of(type));
  return name;
}

std::string client_name(Rng& rng, std::string_view town, SiteType type) {
  const int form = rng.between(0, 9);
  if (form < 2 && type != SiteType::industriel) return "Commune de " + std::string{town};
  if (form < 4) return "SCI " + std::string{rng.pick(Words{kLastNames})};
  if (form < 6) {
    return std::string{rng.pick(Words{kLastNames})} + " " + std::string{rng.pick(Words{kClientTrades})};
  }
  std::string name{rng.pick(Words{kClientForms})};
  name += ' ';
  name += rng.pick(Words{kClientWords});
  name += ' ';
  name += rng.pick(Words{kClientTrades});
  return name;
}

std::span<const std::string_view> trade_skills() { return kTradeSkills; }
std::span<const std::string_view> design_skills() { return kDesignSkills; }
std::span<const std::string_view> vehicle_kinds() { return kVehicleKinds; }
std::span<const std::string_view> tool_kinds() { return kToolKinds; }

}  // namespace vigie::demo
