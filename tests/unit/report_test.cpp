// Every format on a report built in memory with what other work fills in (baseline states and fixed
// entries, a partial run, suppressions with owner/ticket/expiry, zip paths, org-wide findings) and
// hostile labels; and the JSON reader that `calint render` uses.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "report/json_reader.h"
#include "report_fixture.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// A golden of the feature report under tests/golden/features.*; CALINT_UPDATE_GOLDEN=1 rewrites it.
void check_golden(const std::string& name, const std::string& actual) {
  fs::path path = test::source_dir() / "tests" / "golden" / ("features." + name);
  INFO("golden " << path.filename().string() << " (rewrite with CALINT_UPDATE_GOLDEN=1, then review git diff)");
  if (std::getenv("CALINT_UPDATE_GOLDEN") != nullptr) test::write_file(path, actual);
  REQUIRE(fs::exists(path));
  CHECK(actual == test::read_file(path));
}

std::string render(std::string_view format) {
  return test::render_format(test::feature_report(), format, test::feature_options());
}

}  // namespace

TEST_CASE("the feature report renders the same in memory and read back from its JSON", "[report][render]") {
  Report report = test::feature_report();
  std::string json = render("json");
  std::string error;
  std::optional<Report> back = read_json_report(json, error);
  INFO(error);
  REQUIRE(back);
  for (const auto& format : formats()) {
    INFO("format " << format.name);
    std::string direct = render(format.name);
    CHECK(test::render_format(*back, format.name, test::feature_options()) == direct);
    check_golden(test::golden_extension(format.name), direct);
  }
}

TEST_CASE("SARIF carries baseline states, suppressions, zips and org-wide findings as GitHub needs",
          "[report][sarif]") {
  auto doc = nlohmann::json::parse(render("sarif"));
  const auto& run = doc["runs"][0];
  std::map<std::string, nlohmann::json> by_fingerprint;
  for (const auto& r : run["results"]) by_fingerprint[r["partialFingerprints"]["calint/v2"]] = r;
  REQUIRE(by_fingerprint.size() == 8);  // seven findings and one fixed entry
  CHECK(by_fingerprint["00000000000000000000000000000001"]["baselineState"] == "new");
  CHECK(by_fingerprint["00000000000000000000000000000002"]["baselineState"] == "unchanged");
  CHECK_FALSE(
      by_fingerprint["00000000000000000000000000000002"].contains("suppressions"));  // baselined, not suppressed
  const auto& fixed = by_fingerprint["00000000000000000000000000000009"];
  CHECK(fixed["baselineState"] == "absent");
  CHECK(fixed["kind"] == "pass");
  const auto& accepted = by_fingerprint["00000000000000000000000000000003"];
  REQUIRE(accepted["suppressions"].size() == 1);
  CHECK(accepted["suppressions"][0]["kind"] == "external");
  CHECK(accepted["suppressions"][0]["justification"] == "Vendor app <b>reviewed</b> yearly");
  CHECK(accepted["suppressions"][0]["properties"]["owner"] == "secops@example.com");
  CHECK(accepted["suppressions"][0]["properties"]["ticket"] == "SEC-42");
  CHECK(accepted["suppressions"][0]["properties"]["expires"] == "2026-12-31");
  // Percent-encoded, relative to %SRCROOT%.
  const auto& profile = by_fingerprint["00000000000000000000000000000004"]["locations"][0]["physicalLocation"];
  CHECK(profile["artifactLocation"]["uri"] ==
        "force-app/main/default/profiles/Integration%252FAPI%20Only.profile-meta.xml");
  CHECK(profile["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(profile["region"]["startLine"] == 3);
  CHECK(profile["region"]["startColumn"] == 5);
  // Inside a zip: the zip at line 1, the entry in the message and properties.
  const auto& zipped = by_fingerprint["00000000000000000000000000000005"];
  CHECK(zipped["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "unpackaged.zip");
  CHECK(zipped["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(zipped["properties"]["zipEntry"] == "unpackaged/connectedApps/Zipped.connectedApp");
  CHECK(zipped["properties"]["zipEntryLine"] == 5);
  CHECK(contains(zipped["message"]["text"], "in unpackaged/connectedApps/Zipped.connectedApp, line 5"));
  // Org-wide: at its export's anchor (here inside the zip, so the zip), and it says so.
  const auto& org = by_fingerprint["00000000000000000000000000000006"];
  CHECK(org["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "unpackaged.zip");
  CHECK(contains(org["message"]["text"], "org-wide"));
  // Escalated above the rule's default: the level says so, and so does the message.
  const auto& critical = by_fingerprint["00000000000000000000000000000002"];
  CHECK(critical["level"] == "error");
  CHECK(contains(critical["message"]["text"], "severity critical; the rule's default is high"));
  // Rules: every rule that ran, with GitHub's security-severity.
  std::map<std::string, nlohmann::json> rules;
  for (const auto& r : run["tool"]["driver"]["rules"]) rules[r["id"]] = r;
  CHECK(rules.size() == 6);
  CHECK(rules["CA103"]["properties"]["security-severity"] == "8.0");
  CHECK(rules["CA501"]["properties"]["security-severity"] == "5.5");
  CHECK(rules["CA201"]["properties"]["security-severity"] == "3.0");
  CHECK(rules["CA101"]["helpUri"] == "https://help.salesforce.com/topic");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["invocations"][0]["toolConfigurationNotifications"][0]["level"] == "warning");
  CHECK(run["properties"]["partial"] == true);
}

TEST_CASE("JUnit: one failure per rule and component, baselined and suppressed cases skipped", "[report][junit]") {
  std::string xml = render("junit");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node root = doc.child("testsuites");
  std::map<std::string, pugi::xml_node> suites;
  for (pugi::xml_node s : root.children("testsuite")) suites[s.attribute("name").value()] = s;
  REQUIRE(suites.size() == 6);
  auto cases = [](pugi::xml_node suite) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : suite.children("testcase")) out.push_back(c);
    return out;
  };
  // CA103 on Portal is unchanged since the baseline: skipped.
  auto ca103 = cases(suites["CA103 self-authorize"]);
  REQUIRE(ca103.size() == 1);
  CHECK(ca103[0].child("skipped"));
  CHECK(std::string(ca103[0].child("skipped").attribute("message").value()) == "unchanged since the baseline");
  // CA201: Legacy's finding is suppressed (skipped); Portal's is below the threshold (passes, in system-out).
  auto ca201 = cases(suites["CA201 ip-relaxation-unset"]);
  REQUIRE(ca201.size() == 2);
  CHECK(std::string(ca201[0].attribute("name").value()) == "Legacy (force-app)");
  CHECK(ca201[0].child("skipped"));
  CHECK(!ca201[1].child("failure"));
  CHECK(!ca201[1].child("skipped"));
  CHECK(contains(ca201[1].child("system-out").text().get(), "low force-app/main/default/connectedApps/Portal"));
  // CA101: two components, each one failure of type CA101, the file attribute set.
  auto ca101 = cases(suites["CA101 full-scope"]);
  REQUIRE(ca101.size() == 2);
  CHECK(std::string(ca101[0].attribute("classname").value()) == "ConnectedApp");
  CHECK(std::string(ca101[0].child("failure").attribute("type").value()) == "CA101");
  CHECK(std::string(ca101[1].attribute("classname").value()) == "Profile");
  CHECK(std::string(ca101[1].attribute("file").value()) ==
        "force-app/main/default/profiles/Integration%2FAPI Only.profile-meta.xml");
  // A rule without findings: one passing case.
  auto ca402 = cases(suites["CA402 eca-global-oauth-committed"]);
  REQUIRE(ca402.size() == 1);
  CHECK(!ca402[0].first_child());
  // Counts agree with the contents, per suite and in total.
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t skipped = 0;
  for (const auto& [name, suite] : suites) {
    INFO(name);
    std::size_t t = 0;
    std::size_t f = 0;
    std::size_t s = 0;
    for (pugi::xml_node c : suite.children("testcase")) {
      ++t;
      f += c.child("failure") ? 1 : 0;
      s += c.child("skipped") ? 1 : 0;
      CHECK(std::distance(c.children("failure").begin(), c.children("failure").end()) <= 1);
    }
    CHECK(suite.attribute("tests").as_ullong() == t);
    CHECK(suite.attribute("failures").as_ullong() == f);
    CHECK(suite.attribute("skipped").as_ullong() == s);
    tests += t;
    failures += f;
    skipped += s;
  }
  CHECK(root.attribute("tests").as_ullong() == tests);
  CHECK(root.attribute("failures").as_ullong() == failures);
  CHECK(root.attribute("skipped").as_ullong() == skipped);
  CHECK(failures == 3);  // CA101 x2 (high), CA000 in the zip (high); CA501 is medium, below high
}

TEST_CASE("human formats say the run is partial and show the baseline", "[report]") {
  std::string text = render("text");
  CHECK(contains(text, "Partial run"));
  CHECK(contains(text, "Baseline calint-baseline.json: 5 new, 1 unchanged, 1 fixed"));
  CHECK(contains(text, "Fixed since the baseline"));
  CHECK(contains(text, "(unchanged since the baseline)"));
  CHECK(contains(text, "owner secops@example.com; ticket SEC-42"));
  CHECK(contains(text, "3 new findings are at or above the fail threshold (high)"));

  std::string md = render("markdown");
  CHECK(contains(md, "**Partial run**"));
  CHECK(contains(md, "| new since the baseline | 5 |"));
  CHECK(contains(md, "| fixed | 1 |"));
  CHECK(contains(md, "Fixed since the baseline (1)"));
  CHECK(contains(md, "### Warnings"));
  CHECK_FALSE(contains(md, "<script>"));
  CHECK_FALSE(contains(md, "[a link](javascript"));
  CHECK_FALSE(contains(md, "![img]("));

  std::string html = render("html");
  CHECK(contains(html, "Partial run:"));
  CHECK(contains(html, "new since the baseline"));
  CHECK(contains(html, "Fixed since the baseline") == false);  // the HTML names it "Baseline"
  CHECK(contains(html, "Compared with calint-baseline.json: 5 new, 1 unchanged, 1 fixed."));
  CHECK(contains(html, "SEC-42"));
  CHECK_FALSE(contains(html, "<script>"));
  CHECK_FALSE(contains(html, "<img"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK_FALSE(contains(html, "href=\"javascript"));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_CASE("CSV: RFC 4180, formula cells neutralised, suppression and baseline columns", "[report][csv]") {
  Report report = test::feature_report();
  report.findings[1].message = "=HYPERLINK(\"http://x.test\",\"click\")";
  report.findings[2].component.label = "+1 555, \"quoted\"\nnext line";
  report.findings[3].message = "-2+3";
  report.findings[4].message = "@SUM(A1)";
  std::string csv = test::render_format(report, "csv", test::feature_options());
  CHECK(csv.rfind("severity,rule,name,component_type,component,label,file,line,column,message,fingerprint,"
                  "suppressed,justification,expires,owner,ticket,baseline,evidence\r\n",
                  0) == 0);
  CHECK(contains(csv, ",\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\","));
  CHECK(contains(csv, ",\"'+1 555, \"\"quoted\"\"\nnext line\","));
  CHECK(contains(csv, ",'-2+3,"));
  CHECK(contains(csv, ",'@SUM(A1),"));
  CHECK(contains(csv, "high,CA201,ip-relaxation-unset,ConnectedApp,Legacy,\"\"\"><img src=x onerror=alert(2)>\","));
  CHECK(contains(csv, ",true,Vendor app <b>reviewed</b> yearly,2026-12-31,secops@example.com,SEC-42,new,"));
  CHECK(contains(csv, ",false,,,,,unchanged,<isAdminApproved>false</isAdminApproved>\r\n"));
  CHECK(csv.substr(0, 3) != "\xEF\xBB\xBF");

  std::string inventory = render("inventory");
  CHECK(inventory.rfind("type,name,label,same_integration_as,export,file,contact_email,permitted_users,"
                        "permitted_users_default,scopes,callback_urls,flows,run_as_user,pkce,ip_relaxation,"
                        "refresh_token_policy,session_timeout,profiles,permission_sets,owner,criticality,critical,"
                        "high,medium,low,info,users,tokens,first_use,last_use\r\n",
                        0) == 0);
  CHECK(contains(inventory, "ConnectedApp,Portal,<script>alert(1)</script>,Portal,force-app,"));
  CHECK(contains(inventory, ",self-authorized,true,Full; RefreshToken,"));
  CHECK(contains(inventory, ",\"web-server; client-credentials\"") == false);  // no quoting needed
  CHECK(contains(inventory, ",web-server; client-credentials,integration@example.com,not required (default),"));
  CHECK(contains(inventory,
                 ",System Administrator; Integration/API Only,Portal Users,Portal "
                 "team,high,1,1,0,1,0,12,15,2025-01-02,2026-05-30\r\n"));
}

TEST_CASE("GitLab and GitHub: counted findings only, located, most severe first", "[report]") {
  auto gitlab = nlohmann::json::parse(render("gitlab"));
  REQUIRE(gitlab.is_array());
  CHECK(gitlab.size() == 6);  // the suppressed finding is left out
  std::set<std::string> severities;
  for (const auto& issue : gitlab) {
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
    CHECK_FALSE(issue["location"]["path"].get<std::string>().empty());
    severities.insert(issue["severity"]);
  }
  CHECK(severities == std::set<std::string>{"blocker", "critical", "major", "minor"});

  std::string github = render("github");
  std::istringstream lines(github);
  std::vector<std::string> commands;
  for (std::string line; std::getline(lines, line);) commands.push_back(line);
  REQUIRE(commands.size() == 6);
  // New findings first, most severe first; the unchanged critical one last.
  CHECK(
      commands[0].rfind("::error file=force-app/main/default/connectedApps/Portal.connectedApp-meta.xml,line=12,col=9,"
                        "title=CA101 full-scope::high: ",
                        0) == 0);
  CHECK(commands.back().rfind("::error file=force-app/main/default/connectedApps/Portal.connectedApp-meta.xml,line=5",
                              0) == 0);
  CHECK(contains(commands.back(), "(unchanged since the baseline)"));
  CHECK(contains(github, "::warning file=unpackaged.zip,line=1,title=CA501 my-domain-missing::medium: "));
  CHECK(contains(github, "::notice file=force-app/main/default/connectedApps/Portal.connectedApp-meta.xml,line=20"));
  CHECK_FALSE(contains(github, "Legacy"));  // suppressed: not annotated
}

TEST_CASE("GitHub workflow commands escape data and properties", "[report]") {
  Report report = test::feature_report();
  report.findings[2].message = "100% bad\r\n::error::injected";
  report.findings[2].file = "force-app/a,b:c.connectedApp-meta.xml";
  report.findings[2].rule = "CA101";
  std::string github = test::render_format(report, "github", test::feature_options());
  CHECK(contains(github, "file=force-app/a%2Cb%3Ac.connectedApp-meta.xml,line=12"));
  CHECK(contains(github, "100%25 bad%0D%0A::error::injected"));
  std::istringstream lines(github);
  for (std::string line; std::getline(lines, line);) CHECK(line.rfind("::", 0) == 0);
}

TEST_CASE("Markdown stays under 60,000 characters and says what it left out", "[report]") {
  Report report = test::feature_report();
  Finding base = report.findings[2];
  for (int i = 0; i < 2000; ++i) {
    Finding f = base;
    f.fingerprint = fmt::format("{:032x}", 1000 + i);
    f.line = 100 + i;
    report.findings.push_back(f);
  }
  std::string md = test::render_format(report, "markdown", test::feature_options());
  CHECK(md.size() < 60000);
  CHECK(contains(md, "left out"));
  CHECK(contains(md, "of 2006 left out"));
}

TEST_CASE("the JSON reader refuses what is not a calint report of its format version", "[report][render]") {
  std::string error;
  CHECK_FALSE(read_json_report("not json", error));
  CHECK(error.rfind("not JSON: ", 0) == 0);
  CHECK_FALSE(read_json_report("[1, 2]", error));
  CHECK(error == "not a calint report (no \"tool\": {\"name\": \"calint\"})");
  CHECK_FALSE(read_json_report(R"({"tool": {"name": "calint", "version": "0.1.0"}, "findings": []})", error));
  CHECK(contains(error, "without format_version"));
  CHECK_FALSE(read_json_report(R"({"tool": {"name": "calint"}, "format_version": 99})", error));
  CHECK(error == "a calint report of format_version 99; this calint reads format_version 1");

  auto json = nlohmann::json::parse(render("json"));
  auto broken = [&](auto mutate) {
    nlohmann::json copy = json;
    mutate(copy);
    std::string e;
    CHECK_FALSE(read_json_report(copy.dump(), e));
    return e;
  };
  CHECK(broken([](auto& d) { d["findings"][0]["severity"] = "severe"; }) ==
        "/findings/0/severity: expected a severity (critical, high, medium, low, info)");
  CHECK(broken([](auto& d) { d["findings"][1].erase("fingerprint"); }) == "/findings/1: missing 'fingerprint'");
  CHECK(broken([](auto& d) { d["findings"][0]["line"] = -3; }) ==
        "/findings/0/line: expected an integer from 0 to 2147483647");
  CHECK(broken([](auto& d) { d["findings"][1]["suppressed"] = true; }) ==
        "/findings/1/suppressed: does not agree with 'suppression'");
  CHECK(broken([](auto& d) { d["audit_date"] = "2026-02-30"; }) == "/audit_date: expected a date YYYY-MM-DD");
  CHECK(broken([](auto& d) { d["inventory"] = nlohmann::json::object(); }) == "/inventory: expected an array");
  CHECK(broken([](auto& d) { d["baseline"]["fixed"][0]["component"] = 3; }) ==
        "/baseline/fixed/0/component: expected an object");
}

TEST_CASE("render reads a saved report and refuses others with exit 2", "[report][render][cli]") {
  test::TempDir dir;
  test::write_file(dir.path / "r.json", render("json"));
  auto ok = test::run({"render", (dir.path / "r.json").string(), "--format", "markdown"});
  CHECK(ok.code == 0);
  CHECK(contains(ok.out, "calint: FAIL: 3 new findings at or above high"));
  CHECK(contains(ok.err, "warning: exception for 'Old_*'"));
  test::write_file(dir.path / "bad.json", "{\"tool\": {\"name\": \"calint\"}, \"format_version\": 2}");
  auto bad = test::run({"render", (dir.path / "bad.json").string()});
  CHECK(bad.code == 2);
  CHECK(bad.err == "calint: " + (dir.path / "bad.json").string() +
                       ": a calint report of format_version 2; this calint reads format_version 1\n");
  auto missing = test::run({"render", (dir.path / "none.json").string()});
  CHECK(missing.code == 2);
  CHECK(missing.err == "calint: cannot read '" + (dir.path / "none.json").string() + "'\n");
}
