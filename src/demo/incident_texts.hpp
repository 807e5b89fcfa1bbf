// demo/incident_texts.hpp
//
// The French that site chiefs and the office write: incident descriptions, resolutions, requests
// and plan-change notes. Built from many fragments (a problem that fits the category and severity,
// where, what it does to the work, an opener and a sign-off), then written the way chiefs type on
// a phone: abbreviations, accents sometimes missing, casual case, so that no two read alike and a
// triage model has to learn the language rather than a template.
#pragma once

#include <string>

#include "demo/causal_model.hpp"
#include "demo/rng.hpp"

namespace vigie::demo {

std::string incident_description(Rng& rng, IncidentCategory category, Severity severity);
std::string incident_resolution(Rng& rng, IncidentCategory category);
std::string request_description(Rng& rng, RequestKind kind);
std::string plan_change_note(Rng& rng, int revision);

// Fills {loc}, {mat}, {trade}, {n} placeholders with drawn words.
std::string fill_placeholders(Rng& rng, std::string_view pattern);
// The chief's phone style: abbreviations, dropped accents, a lower-case start, now and then.
std::string in_chief_style(Rng& rng, std::string text);

}  // namespace vigie::demo
