// alerts/alert_email.hpp — an alert as the e-mail that delivers it, in French: the title as
// subject, what and why with the figures, what to do set apart, where, for whom and since when
// (Paris time). Plain text and the same in HTML.
#pragma once

#include <string>

#include "alerts/email_sender.hpp"
#include "store/rows.hpp"

namespace vigie::alerts {

// `site_name` may be empty (then the id alone names the site). `message_id` identifies this
// delivery, the same on every try.
EmailMessage alert_email(const store::AlertRow& alert, const std::string& site_name,
                         const std::string& to, const std::string& message_id);

}  // namespace vigie::alerts
