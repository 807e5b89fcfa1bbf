#include "common/alert_channels.hpp"

#include <algorithm>

#include "common/config.hpp"

namespace vigie {
namespace {

constexpr std::size_t kMinSecretBytes = 16;  // as for incoming webhooks

Expected<std::string> text_setting(const std::string& key, const SettingValue& value) {
  if (!value.is_string) return Error::invalid(key, "must be a string");
  return value.text;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string{text.substr(first, last - first + 1)};
}

// An address as SMTP's envelope and the To: header take it: one '@' with text on both sides, and
// nothing that could end a header or a command (spaces, angle brackets, commas, control bytes).
bool plain_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return std::none_of(address.begin(), address.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' ||
           c == '"' || c == 0x7f;
  });
}

Expected<std::string> address_setting(const std::string& key, const SettingValue& value) {
  auto text = text_setting(key, value);
  if (!text) return text;
  const std::string address = trimmed(*text);
  if (!plain_address(address)) return Error::invalid(key, "must be an e-mail address (name@domain)");
  return address;
}

// "a, b, c" → {"a", "b", "c"}, each trimmed.
std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> items;
  for (;;) {
    const auto comma = text.find(',');
    items.push_back(trimmed(text.substr(0, comma)));
    if (comma == std::string_view::npos) return items;
    text.remove_prefix(comma + 1);
  }
}

// "a@x.fr, b@x.fr": one or more addresses.
Expected<std::vector<std::string>> address_list_setting(const std::string& key, const SettingValue& value) {
  auto text = text_setting(key, value);
  if (!text) return text.error();
  std::vector<std::string> addresses = comma_list(*text);
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    if (!plain_address(addresses[i])) {
      return Error::invalid(key, "address " + std::to_string(i + 1) +
                                     " must be an e-mail address (name@domain); separate them by commas");
    }
  }
  return addresses;
}

Expected<void> apply_webhook(AlertDeliverySettings& delivery, const std::string& key,
                             const SettingValue& value) {
  const std::string rest = key.substr(kAlertWebhooksPrefix.size());
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || rest.find('.', dot + 1) != std::string::npos) {
    return Error::invalid(key, "unknown setting (alert webhooks are alerts.webhooks.<name>.<key>)");
  }
  const std::string name = rest.substr(0, dot), field = rest.substr(dot + 1);
  auto target = std::find_if(delivery.webhooks.begin(), delivery.webhooks.end(),
                             [&](const AlertWebhookTarget& t) { return t.name == name; });
  if (target == delivery.webhooks.end()) {
    delivery.webhooks.push_back({name, "", "", {}});
    target = std::prev(delivery.webhooks.end());
  }
  auto text = text_setting(key, value);
  if (!text) return text.error();
  if (field == "url") {
    if (!text->starts_with("http://") && !text->starts_with("https://")) {
      return Error::invalid(key, "must be an http:// or https:// URL");
    }
    target->url = *text;
  } else if (field == "secret") {
    if (text->size() < kMinSecretBytes) {
      return Error::invalid(key, "must be at least " + std::to_string(kMinSecretBytes) + " bytes");
    }
    target->secret = *text;
  } else if (field == "audiences") {
    target->audiences.clear();
    for (const std::string& name_of : comma_list(*text)) {
      const auto audience = parse_alert_audience(name_of);
      if (!audience) return Error::invalid(key, "must list manager, direction or admin, separated by commas");
      target->audiences.push_back(*audience);
    }
  } else {
    return Error::invalid(key, "unknown setting of an alert webhook (url, secret, audiences)");
  }
  return {};
}

Expected<void> apply_email(AlertEmailSettings& email, const std::string& key, const SettingValue& value) {
  const std::string field = key.substr(kAlertEmailPrefix.size());
  if (field.starts_with("persons.")) {
    const std::string person = field.substr(8);
    if (person.empty() || person.find('.') != std::string::npos) {
      return Error::invalid(key, "unknown setting (a manager's address is alerts.email.persons.<person id>)");
    }
    auto address = address_setting(key, value);
    if (!address) return address.error();
    email.persons[person] = *address;
    return {};
  }
  if (const auto audience = parse_alert_audience(field)) {
    auto addresses = address_list_setting(key, value);
    if (!addresses) return addresses.error();
    email.to[*audience] = std::move(*addresses);
    return {};
  }
  if (field == "starttls") {
    if (value.text != "true" && value.text != "false") return Error::invalid(key, "must be true or false");
    email.starttls = value.text == "true";
    return {};
  }
  if (field == "from") {
    auto address = address_setting(key, value);
    if (!address) return address.error();
    email.from = *address;
    return {};
  }
  auto text = text_setting(key, value);
  if (!text) return text.error();
  if (field == "smtp_url") {
    if (!text->starts_with("smtp://") && !text->starts_with("smtps://")) {
      return Error::invalid(key, "must be an smtp:// or smtps:// URL");
    }
    email.smtp_url = *text;
  } else if (field == "username") {
    email.username = *text;
  } else if (field == "password") {
    email.password = *text;
  } else if (field == "ca_file") {
    email.ca_file = *text;
  } else {
    return Error::invalid(key, "unknown setting of alert e-mail");
  }
  return {};
}

}  // namespace

Expected<void> apply_alert_channel_setting(AlertDeliverySettings& delivery, const std::string& key,
                                           const SettingValue& value) {
  if (key.starts_with(kAlertWebhooksPrefix)) return apply_webhook(delivery, key, value);
  return apply_email(delivery.email, key, value);
}

Expected<void> check_alert_channels(const AlertDeliverySettings& delivery) {
  for (const AlertWebhookTarget& target : delivery.webhooks) {
    const std::string prefix = std::string{kAlertWebhooksPrefix} + target.name + ".";
    if (target.url.empty()) return Error::invalid(prefix + "url", "an alert webhook needs its url");
    if (target.secret.empty()) return Error::invalid(prefix + "secret", "an alert webhook needs its secret");
  }
  const AlertEmailSettings& email = delivery.email;
  if (email.enabled() && email.from.empty()) {
    return Error::invalid(std::string{kAlertEmailPrefix} + "from", "alert e-mail needs a sender address");
  }
  if (!email.username.empty() && email.password.empty()) {
    return Error::invalid(std::string{kAlertEmailPrefix} + "password", "a username needs its password");
  }
  return {};
}

const std::vector<std::string>& alert_email_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const char* field : {"smtp_url", "starttls", "username", "password", "ca_file", "from"}) {
      out.push_back(std::string{kAlertEmailPrefix} + field);
    }
    for (const AlertAudience audience : {AlertAudience::manager, AlertAudience::direction, AlertAudience::admin}) {
      out.push_back(std::string{kAlertEmailPrefix} + std::string{alert_audience_name(audience)});
    }
    return out;
  }();
  return keys;
}

std::vector<std::pair<std::string, std::string>> alert_channel_settings(
    const AlertDeliverySettings& delivery) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const AlertWebhookTarget& target : delivery.webhooks) {
    const std::string prefix = std::string{kAlertWebhooksPrefix} + target.name + ".";
    std::string audiences;
    for (const AlertAudience a : target.audiences) {
      audiences += (audiences.empty() ? "" : ",") + std::string{alert_audience_name(a)};
    }
    out.emplace_back(prefix + "url", target.url);
    out.emplace_back(prefix + "secret", "(set)");
    out.emplace_back(prefix + "audiences", audiences.empty() ? "(all)" : audiences);
  }
  const AlertEmailSettings& email = delivery.email;
  if (!email.enabled()) return out;
  const std::string prefix{kAlertEmailPrefix};
  out.emplace_back(prefix + "smtp_url", email.smtp_url);
  out.emplace_back(prefix + "starttls", email.starttls ? "true" : "false");
  out.emplace_back(prefix + "username", email.username);
  out.emplace_back(prefix + "password", email.password.empty() ? "(none)" : "(set)");
  out.emplace_back(prefix + "ca_file", email.ca_file);
  out.emplace_back(prefix + "from", email.from);
  for (const auto& [audience, addresses] : email.to) {
    std::string list;
    for (const auto& a : addresses) list += (list.empty() ? "" : ", ") + a;
    out.emplace_back(prefix + std::string{alert_audience_name(audience)}, list);
  }
  for (const auto& [person, address] : email.persons) out.emplace_back(prefix + "persons." + person, address);
  return out;
}

}  // namespace vigie
