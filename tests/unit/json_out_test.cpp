// The JSON report writes findings and inventory rows straight into text (report/json_out.h); the
// reference is the nlohmann value of each (finding_json, which the diff report still uses, and
// the inventory row below) dumped as the rest of the report is. Both must give the same bytes for any content:
// generated strings over control bytes, quotes, backslashes, multi-byte UTF-8, U+2028/U+2029 and invalid UTF-8, and
// every optional part.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/report.h"
#include "core/severity.h"
#include "report/json_dump.h"
#include "report/json_out.h"

using namespace calint;

namespace {

using Json = nlohmann::ordered_json;

Json date_or_null(const std::optional<Date>& d) { return d ? Json(format_date(*d)) : Json(nullptr); }

/// The inventory row as nlohmann values, in schemas/report.schema.json's order.
Json inventory_json(const InventoryApp& a) {
  Json findings;
  for (Severity s : kSeverities) findings[std::string(to_string(s))] = a.findings[static_cast<std::size_t>(s)];
  Json j = {{"type", a.component.type},
            {"name", a.component.name},
            {"label", a.component.label},
            {"same_as", a.same_as.empty() ? Json(nullptr) : Json(a.same_as)},
            {"export", a.export_index},
            {"file", a.file},
            {"contact_email", a.contact_email},
            {"permitted_users", a.permitted_users},
            {"permitted_users_default", a.permitted_users_default},
            {"scopes", a.scopes},
            {"callback_urls", a.callback_urls},
            {"flows", a.flows},
            {"run_as_user", a.run_as_user},
            {"pkce", a.pkce},
            {"ip_relaxation", a.ip_relaxation},
            {"refresh_token_policy", a.refresh_token_policy},
            {"session_timeout", a.session_timeout},
            {"profiles", a.profiles},
            {"permission_sets", a.permission_sets},
            {"owner", a.owner},
            {"criticality", a.criticality},
            {"findings", findings}};
  if (a.usage) {
    j["usage"] = {{"users", a.usage->users},
                  {"tokens", a.usage->tokens},
                  {"first_use", date_or_null(a.usage->first_use)},
                  {"last_use", date_or_null(a.usage->last_use)}};
  }
  return j;
}

class Gen {
 public:
  explicit Gen(unsigned seed) : rng_(seed) {}
  std::string text() {
    static const std::vector<std::string> pieces = {"a",
                                                    "Z",
                                                    " ",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "\n",
                                                    "\r",
                                                    "\t",
                                                    "\b",
                                                    "\f",
                                                    "\x01",
                                                    "\x1f",
                                                    "\x7f",
                                                    "<",
                                                    "&",
                                                    "\xC3\xA9",
                                                    "\xE2\x80\xA8",
                                                    "\xE2\x80\xA9",
                                                    "\xE2\x82\xAC",
                                                    "\xF0\x9F\x94\x91",
                                                    "\xE2\x80",
                                                    "\xFF",
                                                    "\xC3",
                                                    "\x80",
                                                    "{",
                                                    "}",
                                                    "[",
                                                    "0"};
    std::string s;
    for (std::size_t n = rng_() % 12; n > 0; --n) s += pieces[rng_() % pieces.size()];
    return s;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> out;
    for (std::size_t n = rng_() % 4; n > 0; --n) out.push_back(text());
    return out;
  }
  bool coin() { return rng_() % 2 == 0; }
  int number() { return static_cast<int>(rng_() % 100000) - (coin() ? 0 : 50); }

 private:
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("findings and inventory rows are written as nlohmann writes them", "[report][json]") {
  Gen g(20261202);
  for (int i = 0; i < 3000; ++i) {
    Finding f;
    f.rule = g.coin() ? "CA101" : g.text();
    f.name = g.text();
    f.severity = kSeverities[static_cast<std::size_t>(i) % kSeverities.size()];
    f.message = g.text();
    if (g.coin()) {
      f.file = g.text() + "x";
      f.line = g.number();
      f.column = g.number();
    }
    f.component = {g.text(), g.text(), g.coin() ? g.text() : std::string()};
    if (g.coin()) f.same_as = {g.text() + "T", g.text(), ""};
    f.element = g.text();
    f.key = g.text();
    f.fingerprint = g.text();
    if (g.coin()) {
      Suppression s;
      s.kind = g.text();
      s.justification = g.text();
      if (g.coin()) s.expires = Date{20000 + i};
      s.owner = g.text();
      s.ticket = g.text();
      s.where = g.text();
      f.suppression = s;
    }
    f.baseline = static_cast<BaselineState>(i % 3);
    f.evidence = g.text();
    f.export_index = i % 3;
    INFO("finding " << i);
    for (std::size_t indent : {std::size_t{0}, std::size_t{4}}) {
      CHECK(finding_text(f, indent) == dump_indented(finding_json(f), std::string(indent, ' ')));
    }

    InventoryApp a;
    a.component = {g.text(), g.text(), g.text()};
    a.same_as = g.text();
    a.export_index = i % 2;
    a.file = g.text();
    a.contact_email = g.text();
    a.permitted_users = g.text();
    a.permitted_users_default = g.coin();
    a.scopes = g.texts();
    a.callback_urls = g.texts();
    a.flows = g.texts();
    a.run_as_user = g.text();
    a.pkce = g.text();
    a.ip_relaxation = g.text();
    a.refresh_token_policy = g.text();
    a.session_timeout = g.text();
    a.profiles = g.texts();
    a.permission_sets = g.texts();
    a.owner = g.text();
    a.criticality = g.text();
    for (auto& n : a.findings) n = static_cast<std::size_t>(g.number() < 0 ? 0 : g.number());
    if (g.coin()) {
      InventoryUsage u;
      u.users = static_cast<std::size_t>(i);
      u.tokens = static_cast<std::size_t>(i) * 3;
      if (g.coin()) u.first_use = Date{19000 + i};
      if (g.coin()) u.last_use = Date{19500 + i};
      a.usage = u;
    }
    INFO("inventory row " << i);
    for (std::size_t indent : {std::size_t{0}, std::size_t{4}}) {
      CHECK(inventory_text(a, indent) == dump_indented(inventory_json(a), std::string(indent, ' ')));
    }
  }
}
