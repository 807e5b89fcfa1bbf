#include "alerts/alert_email.hpp"

#include "common/paris_time.hpp"

namespace vigie::alerts {
namespace {

constexpr std::string_view kWhatToDo = " À faire : ";  // how every alert message ends

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

EmailMessage alert_email(const store::AlertRow& alert, const std::string& site_name,
                         const std::string& to, const std::string& message_id) {
  // The message's "À faire" part gets its own paragraph.
  std::string why = alert.message, what_to_do;
  if (const auto cut = why.rfind(kWhatToDo); cut != std::string::npos) {
    what_to_do = why.substr(cut + kWhatToDo.size());
    why.resize(cut);
  }
  const std::string site = alert.site_id.empty() ? ""
                           : site_name.empty()   ? alert.site_id
                                                 : site_name + " (" + alert.site_id + ")";
  const std::string raised = format_date_fr(paris_date(alert.raised_at)) + " à " +
                             format_paris_clock(alert.raised_at) + " (heure de Paris)";
  const std::string reference = "Alerte n° " + std::to_string(alert.id) +
                                " — à acquitter dans Vigie, centre des alertes.";

  EmailMessage email;
  email.to = to;
  email.message_id = message_id;
  email.subject = "[Vigie] " + alert.title;

  std::string& text = email.text;
  text = alert.title + "\n\n" + why + "\n";
  if (!what_to_do.empty()) text += "\nÀ faire : " + what_to_do + "\n";
  text += "\n";
  if (!site.empty()) text += "Chantier : " + site + "\n";
  text += "Pour : " + alert.audience + "\nDéclenchée le " + raised + "\n\n" + reference + "\n";

  std::string& html = email.html;
  html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" +
         escape_html(alert.title) + "</title></head>\n<body style=\"font-family: sans-serif\">\n<h1 "
         "style=\"font-size: 1.2em\">" + escape_html(alert.title) + "</h1>\n<p>" + escape_html(why) + "</p>\n";
  if (!what_to_do.empty()) html += "<p><strong>À faire :</strong> " + escape_html(what_to_do) + "</p>\n";
  html += "<table>\n";
  if (!site.empty()) html += "<tr><th align=\"left\">Chantier</th><td>" + escape_html(site) + "</td></tr>\n";
  html += "<tr><th align=\"left\">Pour</th><td>" + escape_html(alert.audience) + "</td></tr>\n"
          "<tr><th align=\"left\">Déclenchée le</th><td>" + escape_html(raised) + "</td></tr>\n"
          "</table>\n<p style=\"color: #555\">" + escape_html(reference) + "</p>\n</body></html>\n";
  return email;
}

}  // namespace vigie::alerts
