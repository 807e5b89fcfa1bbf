// demo/site_steps.hpp
//
// The steps of one site's simulated day, by concern. simulation.cpp calls them in this order:
// status changes, then on working days issues opened, crew at work, output, the chief's
// paperwork, money, feedback, completion or suspension; and every day the follow-ups of open
// issues, last, so that an incident opened and taken in charge the same day is followed up that
// day. Each adds its events to the world's day buffer.
#pragma once

#include "demo/world.hpp"

namespace vigie::demo {

// site_lifecycle.cpp — signing, start, cancellation, suspension, completion.
void update_status(World& world, int site, const DayClock& clock);
void maybe_suspend(World& world, int site, const DayClock& clock);
void complete(World& world, int site, const DayClock& clock);

// site_issues.cpp — incidents, requests, plan changes.
void open_issues(World& world, int site, const DayClock& clock);
void follow_up_issues(World& world, int site, const DayClock& clock);
double issues_loss(const SiteState& state, Stamp noon);

// site_workday.cpp — who is there, their hours and trips;
// site_paperwork.cpp — the photos, reports and app use of the chief (or of a stand-in).
struct Presence {
  int workers_present = 0;
  int reporter = -1;  // the chief, or a worker standing in for an absent chief
  bool uses_app = false;
  double absence_loss = 0;
};
Presence crew_day(World& world, int site, const DayClock& clock, double expected_loss);
void paperwork(World& world, int site, const DayClock& clock, const Presence& presence,
               double output_today);
void app_used(World& world, int site, int person, std::string_view feature, Stamp when);

// site_money.cpp — expenses as the work progresses, budget revisions, final accounts.
void spend(World& world, int site, const DayClock& clock, const Presence& presence);
void revise_budget(World& world, int site, Stamp when);
void pay_rework(World& world, int site, Stamp when);  // after a serious fault is put right
void settle_accounts(World& world, int site, const DayClock& clock);

// site_feedback.cpp — weather forecasts, progress, satisfaction surveys.
void forecast(World& world, int site, const DayClock& clock);
void report_progress(World& world, int site, const DayClock& clock, int reporter);
void survey(World& world, int site, const DayClock& clock);

}  // namespace vigie::demo
