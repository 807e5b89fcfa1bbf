// The sites as the dashboards read them, over real HTTP (issue 10): each site's budget, spent,
// progress and open incidents by severity (hand-counted from the events below), who sees which
// site (a manager their own, a chief those they lead), the orders and filters of "Tous les
// chantiers" and their refusals, the CSV and Excel exports of the same rows, the 360° view's
// durations, open incidents and timeline (the day's routine left out), and the filter values.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>

#include "common/paris_time.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using testing::event_from;
using testing::event_json;

constexpr const char* kStart = "2026-01-05T08:00:00+01:00";

std::string incident(const std::string& id, const std::string& severity, const std::string& urgency) {
  return R"({"incident_id":")" + id + R"(","description":"Fuite sur le réseau","category":"technical","severity":")" +
         severity + R"(","urgency":")" + urgency + R"("})";
}

class SitesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<events::Event> company = testing::overrunning_site();  // CH-1 of P-M: 100 000 €, 60 000 € spent, 50 %
    const std::vector<events::Event> more = {
        event_from(testing::person_json("p2", "P-N", kStart, "manager")),
        event_from(testing::person_json("p3", "P-CCH-1", kStart, "chief")),
        event_from(event_json("s2", "site.upserted", "CH-2", kStart,
                              testing::site_data("CH-2", "residentiel", "Isère", "P-N", "T-2", 200000,
                                                 "2026-01-05", "2027-06-30", "active"))),
        event_from(event_json("i1", "incident.opened", "CH-2", "2026-11-30T09:00:00+01:00", incident("INC-1", "critical", "1h"))),
        event_from(event_json("i2", "incident.opened", "CH-2", "2026-11-10T09:00:00+01:00", incident("INC-2", "low", "3d"))),
        event_from(event_json("i3", "incident.resolved", "CH-2", "2026-11-11T09:00:00+01:00",
                              R"({"incident_id":"INC-2","resolution":"Réparé"})")),
        event_from(event_json("i4", "incident.opened", "CH-2", "2026-11-20T09:00:00+01:00", incident("INC-3", "high", "1d"))),
        event_from(event_json("i5", "incident.taken", "CH-2", "2026-11-20T10:00:00+01:00",
                              R"({"incident_id":"INC-3","by":"P-D"})")),
        event_from(event_json("h1", "timesheet.recorded", "CH-2", "2026-12-01T17:00:00+01:00",
                              R"({"person_id":"P-N","date":"2026-12-01","hours_total":8,"hours_billable":8})")),
    };
    company.insert(company.end(), more.begin(), more.end());
    ASSERT_TRUE(server_.store().append(company));
    direction_ = server_.token(store::Role::direction);
    ASSERT_TRUE(server_.start());
  }

  httplib::Result get(const std::string& path, const std::string& token) {
    return server_.client().Get(path, {{"Authorization", "Bearer " + token}});
  }

  // The ids of GET /api/v1/sites`query`, in the order given.
  std::vector<std::string> ids(const std::string& query, const std::string& token) {
    const auto reply = get("/api/v1/sites" + query, token);
    EXPECT_EQ(reply->status, 200) << reply->body;
    std::vector<std::string> found;
    for (auto site : parser_.parse(reply->body)["sites"].get_array()) found.emplace_back(site["id"].get_string().value());
    return found;
  }

  testing::ApiServer server_;
  std::string direction_;
  simdjson::dom::parser parser_;
};

TEST_F(SitesApiTest, EachSiteHasItsFiguresAndItsOpenIncidentsBySeverity) {
  const auto reply = get("/api/v1/sites", direction_);
  ASSERT_EQ(reply->status, 200) << reply->body;
  simdjson::dom::element sites = parser_.parse(reply->body)["sites"];
  ASSERT_EQ(sites.get_array().size(), 2u);
  simdjson::dom::element one = sites.at(0), two = sites.at(1);  // by name: "Chantier CH-1", "… CH-2"
  EXPECT_EQ(std::string_view{one["id"].get_string()}, "CH-1");
  EXPECT_EQ(double{one["budget_eur"].get_double()}, 100000);
  EXPECT_EQ(double{one["actual_cost_eur"].get_double()}, 60000);
  EXPECT_DOUBLE_EQ(double{one["spent_share"].get_double()}, 0.6);
  EXPECT_EQ(double{one["progress_percent"].get_double()}, 50);
  EXPECT_EQ(int64_t{one["open_incidents"].get_int64()}, 0);
  EXPECT_EQ(std::string_view{one["manager"]["name"].get_string()}, "Karim Benali");
  EXPECT_TRUE(one["prediction"].is_null());  // no model trained
  EXPECT_TRUE(one["risk"].is_null());
  // INC-1 (critical) and INC-3 (high, taken) are open; INC-2 is resolved.
  EXPECT_EQ(int64_t{two["open_incidents"].get_int64()}, 2);
  EXPECT_EQ(int64_t{two["open_incidents_by_severity"]["critical"].get_int64()}, 1);
  EXPECT_EQ(int64_t{two["open_incidents_by_severity"]["high"].get_int64()}, 1);
  EXPECT_EQ(int64_t{two["open_incidents_by_severity"]["low"].get_int64()}, 0);
  EXPECT_EQ(int64_t{two["highest_open_severity"].get_int64()}, 4);
}

TEST_F(SitesApiTest, AManagerSeesTheirSitesAndAChiefTheSitesTheyLead) {
  EXPECT_EQ(ids("", server_.token(store::Role::manager, "P-N")), std::vector<std::string>{"CH-2"});
  EXPECT_EQ(ids("?manager=P-M", server_.token(store::Role::manager, "P-N")), std::vector<std::string>{"CH-2"});
  EXPECT_EQ(ids("", server_.token(store::Role::chief, "P-CCH-1")), std::vector<std::string>{"CH-1"});
  EXPECT_EQ(get("/api/v1/sites/CH-2", server_.token(store::Role::manager, "P-M"))->status, 404);
  EXPECT_EQ(get("/api/v1/sites/CH-2", server_.token(store::Role::chief, "P-CCH-1"))->status, 404);
  const auto theirs = get("/api/v1/sites?format=csv", server_.token(store::Role::manager, "P-N"))->body;
  EXPECT_NE(theirs.find("\r\nCH-2,"), std::string::npos);
  EXPECT_EQ(theirs.find("CH-1"), std::string::npos);
  // The KPIs too: a chief's figures are those of the sites they lead (CH-1's 100 000 €).
  for (const auto& [token, budget] : {std::pair{direction_, 300000.0},
                                      {server_.token(store::Role::chief, "P-CCH-1"), 100000.0}}) {
    const auto kpis = get("/api/v1/kpis/2?period=month", token);
    ASSERT_EQ(kpis->status, 200) << kpis->body;
    EXPECT_EQ(double{parser_.parse(kpis->body)["kpi"]["value"]["budget_total"].get_double()}, budget);
  }
  const auto filters = get("/api/v1/filters", server_.token(store::Role::manager, "P-N"));
  ASSERT_EQ(filters->status, 200);
  simdjson::dom::element values = parser_.parse(filters->body);
  EXPECT_EQ(values["managers"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view{values["managers"].at(0)["id"].get_string()}, "P-N");
  EXPECT_EQ(std::string_view{values["regions"].at(0).get_string()}, "Isère");
}

TEST_F(SitesApiTest, SortsAndFiltersAsTheTableAsksAndRefusesWhatItCannot) {
  EXPECT_EQ(ids("?sort=budget", direction_), (std::vector<std::string>{"CH-2", "CH-1"}));
  EXPECT_EQ(ids("?sort=budget&order=asc", direction_), (std::vector<std::string>{"CH-1", "CH-2"}));
  EXPECT_EQ(ids("?sort=urgency", direction_), (std::vector<std::string>{"CH-2", "CH-1"}));
  EXPECT_EQ(ids("?sort=name&order=desc", direction_), (std::vector<std::string>{"CH-2", "CH-1"}));
  EXPECT_EQ(ids("?region=Rh%C3%B4ne", direction_), std::vector<std::string>{"CH-1"});
  EXPECT_TRUE(ids("?risk=high", direction_).empty());  // no prediction, no risk
  for (const auto& [query, field] : {std::pair{"?sort=age", "sort"}, {"?order=up", "order"},
                                     {"?risk=huge", "risk"}, {"?format=pdf", "format"}, {"?status=open", "status"}}) {
    const auto refused = get(std::string{"/api/v1/sites"} + query, direction_);
    EXPECT_EQ(refused->status, 422) << query;
    EXPECT_NE(refused->body.find(std::string{"\""} + field + "\""), std::string::npos) << refused->body;
  }
}

TEST_F(SitesApiTest, ExportsTheSameRowsAsCsvAndAsAnExcelWorkbook) {
  const auto file = get("/api/v1/sites?sort=budget&format=csv", direction_);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(file->get_header_value("Content-Disposition").find("attachment; filename=\"chantiers-"), std::string::npos);
  const std::string& body = file->body;
  EXPECT_EQ(body.substr(0, body.find("\r\n")),
            "\xEF\xBB\xBF"
            "Code,Chantier,Client,Type,Région,Responsable,Chef de chantier,Statut,Budget (€),Dépensé (€),"
            "Consommé (%),Avancement (%),Retard prévu (j),Probabilité de retard (%),Risque,Incidents ouverts,Fin prévue");
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 3);
  EXPECT_LT(body.find("\r\nCH-2,"), body.find("\r\nCH-1,"));  // the order asked
  EXPECT_NE(body.find("\r\nCH-1,Chantier CH-1,Client,tertiaire,Rhône,Karim Benali,Karim Benali,En cours,"
                      "100000,60000,60,50,,,,0,2027-06-30\r\n"), std::string::npos) << body;

  const auto workbook = get("/api/v1/sites?format=xlsx", direction_);
  ASSERT_EQ(workbook->status, 200);
  EXPECT_EQ(workbook->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(workbook->body.substr(0, 2), "PK");  // a zip: the browser test reads it back as a workbook
  EXPECT_NE(workbook->body.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST_F(SitesApiTest, TheSiteViewHasItsDurationsOpenIncidentsAndTimeline) {
  const auto reply = get("/api/v1/sites/CH-2", direction_);
  ASSERT_EQ(reply->status, 200) << reply->body;
  simdjson::dom::element site = parser_.parse(reply->body);
  EXPECT_EQ(int64_t{site["duration_days"].get_int64()}, 541);  // 05/01/2026 → 30/06/2027
  const int elapsed = days_since_epoch(paris_today()) - days_since_epoch(LocalDate{std::chrono::year{2026} / 1 / 5});
  EXPECT_EQ(int64_t{site["elapsed_days"].get_int64()}, std::clamp(elapsed, 0, 541));
  ASSERT_EQ(site["incidents"].get_array().size(), 2u);
  EXPECT_EQ(std::string_view{site["incidents"].at(0)["id"].get_string()}, "INC-1");  // the latest first
  EXPECT_EQ(std::string_view{site["incidents"].at(0)["severity"].get_string()}, "critical");
  EXPECT_FALSE(site["incidents"].at(1)["taken_at"].is_null());
  std::vector<std::string> types;
  for (auto event : site["timeline"].get_array()) types.emplace_back(event["type"].get_string().value());
  // The latest first; the timesheet is routine and left out.
  EXPECT_EQ(types, (std::vector<std::string>{"incident.opened", "incident.taken", "incident.opened",
                                             "incident.resolved", "incident.opened", "site.upserted"}));
  EXPECT_EQ(std::string_view{site["timeline"].at(3)["incident"]["category"].get_string()}, "technical");
  EXPECT_EQ(get("/api/v1/sites/CH-9", direction_)->status, 404);
}

}  // namespace
}  // namespace vigie::api
