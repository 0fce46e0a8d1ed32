#include <algorithm>
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {
const char* kFullApp =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
    "    <label>X</label>\n    <oauthConfig>\n        <isAdminApproved>true</isAdminApproved>\n"
    "        <scopes>Full</scopes>\n        <scopes>Full</scopes>\n    </oauthConfig>\n"
    "    <oauthPolicy>\n        <ipRelaxation>ENFORCE</ipRelaxation>\n    </oauthPolicy>\n"
    "    <profileName>System Administrator</profileName>\n</ConnectedApp>\n";

std::vector<std::string> fingerprints(const Report& r, int export_index) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    if (f.export_index == export_index) out.push_back(f.fingerprint);
  }
  return out;
}
}  // namespace

TEST_CASE("fingerprints are unique, ignore line numbers, and do not depend on other exports", "[engine]") {
  test::TempDir a;
  test::TempDir b;
  test::write_file(a.path / "connectedApps/X.connectedApp-meta.xml", kFullApp);
  test::write_file(b.path / "connectedApps/X.connectedApp-meta.xml", kFullApp);
  Report alone = test::audit({b.path.string()});
  Report both = test::audit({a.path.string(), b.path.string()});
  REQUIRE(fingerprints(alone, 0).size() == 2);  // the repeated scope is two findings
  std::set<std::string> all;
  for (const auto& f : both.findings) CHECK(all.insert(f.fingerprint).second);
  CHECK(fingerprints(both, 0) == fingerprints(alone, 0));  // the first export keeps them

  // Reformatting (more lines, other indentation) keeps every fingerprint.
  std::string reformatted = kFullApp;
  reformatted.replace(reformatted.find("    <label>"), 4, "\n\n\t");
  test::write_file(b.path / "connectedApps/X.connectedApp-meta.xml", reformatted);
  Report moved = test::audit({b.path.string()});
  CHECK(moved.findings[0].line != alone.findings[0].line);
  CHECK(fingerprints(moved, 0) == fingerprints(alone, 0));
}

TEST_CASE("an export of only profiles and permission sets is not a clean result", "[engine][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "profiles/Admin.profile-meta.xml",
                   "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>\n");
  Report r = test::audit({dir.path.string()});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message ==
        "nothing to audit: only profiles and permission sets, which calint reads to check app assignments; no "
        "Connected App, External Client App or org settings found");
  auto cli = test::run({"audit", dir.path.string()});
  CHECK(cli.code == 2);
}

TEST_CASE("an ECA whose header does not parse is CA000, not a missing app", "[engine]") {
  test::TempDir dir;
  const std::string ns = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
  test::write_file(dir.path / "externalClientApps/Portal.eca-meta.xml", "<ExternalClientApplication><label>");
  test::write_file(
      dir.path / "extlClntAppOauthSettings/Portal_oauth.ecaOauth-meta.xml",
      "<ExtlClntAppOauthSettings" + ns +
          ">\n    <commaSeparatedOauthScopes>Full</commaSeparatedOauthScopes>\n"
          "    <externalClientApplication>Portal</externalClientApplication>\n</ExtlClntAppOauthSettings>\n");
  Report r = test::audit({dir.path.string()});
  std::multiset<std::string> rules;
  for (const auto& f : r.findings) rules.insert(f.rule);
  CHECK(rules.count("CA000") == 1);
  CHECK(rules.count("CA107") == 0);  // the app is there; its file is broken
  CHECK(rules.count("CA101") == 1);  // and its sub-file's settings are still audited
}

TEST_CASE("a consumer secret anywhere in an ECA is CA401", "[engine][secrets]") {
  test::TempDir dir;
  const std::string ns = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
  test::write_file(dir.path / "externalClientApps/Portal.eca-meta.xml",
                   "<ExternalClientApplication" + ns + "><label>Portal</label></ExternalClientApplication>");
  test::write_file(
      dir.path / "extlClntAppOauthSettings/Portal_oauth.ecaOauth-meta.xml",
      "<ExtlClntAppOauthSettings" + ns +
          ">\n    <consumerSecret>ABCDEF0123</consumerSecret>\n"
          "    <isConsumerSecretOptional>false</isConsumerSecretOptional>\n"
          "    <externalClientApplication>Portal</externalClientApplication>\n</ExtlClntAppOauthSettings>\n");
  Report r = test::audit({dir.path.string()});
  std::vector<const Finding*> secrets;
  for (const auto& f : r.findings) {
    if (f.rule == "CA401") secrets.push_back(&f);
  }
  REQUIRE(secrets.size() == 1);
  CHECK(secrets[0]->line == 2);
  CHECK(secrets[0]->component.name == "Portal");
  CHECK(secrets[0]->component.label == "Portal");
  CHECK(secrets[0]->message.find("ABCDEF") == std::string::npos);
}

TEST_CASE("checks an ECA policy file cannot support are named, not silently skipped", "[engine]") {
  test::TempDir dir;
  const std::string ns = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
  test::write_file(dir.path / "externalClientApps/Agent.eca-meta.xml",
                   "<ExternalClientApplication" + ns + "><label>Agent</label></ExternalClientApplication>");
  test::write_file(
      dir.path / "extlClntAppOauthSettings/Agent_oauth.ecaOauth-meta.xml",
      "<ExtlClntAppOauthSettings" + ns +
          ">\n    <commaSeparatedOauthScopes>Web, RefreshToken</commaSeparatedOauthScopes>\n"
          "    <externalClientApplication>Agent</externalClientApplication>\n</ExtlClntAppOauthSettings>\n");
  test::write_file(dir.path / "extlClntAppOauthPolicies/Agent_oauthPlcy.ecaOauthPlcy-meta.xml",
                   "<ExtlClntAppOauthConfigurablePolicies" + ns +
                       ">\n"
                       "    <externalClientApplication>Agent</externalClientApplication>\n"
                       "</ExtlClntAppOauthConfigurablePolicies>\n");
  Report r = test::audit({dir.path.string()});
  REQUIRE(r.notes.size() == 3);
  CHECK(r.notes[0].find("without permittedUsersPolicyType; Salesforce documents no default, so CA103 and CA104 "
                        "could not check who may use the app") != std::string::npos);
  CHECK(r.notes[1].find("no refreshTokenPolicyType; Salesforce documents no default, so CA301 and CA302 could "
                        "not check it") != std::string::npos);
  // No .ecaGlblOauth: the flow settings (PKCE, rotation, callbacks, certificate...) are not in the export.
  CHECK(r.notes[2].find("1 External Client App (Agent) has OAuth settings but no global OAuth settings file "
                        "(.ecaGlblOauth) in the export") != std::string::npos);
}

TEST_CASE("a reduced severity wins over an escalation; the policy's severity wins over both", "[engine]") {
  const std::string dir = "tests/rules/CA103/fire-api-access-control-on";
  auto severity_of_ca = [](const Report& r) {
    for (const auto& f : r.findings) {
      if (f.rule == "CA103" && f.component.type == "ConnectedApp") return f.severity;
    }
    return Severity::Info;
  };
  CHECK(severity_of_ca(test::audit({dir})) == Severity::Low);  // scopes escalate, API Access Control reduces
  Policy p = parse_policy("rules:\n  CA103: {severity: high}\n", "policy.yaml", builtin_catalog());
  CHECK(severity_of_ca(test::audit({dir}, &p)) == Severity::High);
  const RuleInfo* info = builtin_catalog().find("CA103");
  REQUIRE(info->reduced_severity);
  CHECK(*info->reduced_severity == Severity::Low);
  CHECK(info->reduction.find("API Access Control") != std::string::npos);
}

TEST_CASE("a certificate calint cannot decode is a note naming the checks, never a finding", "[engine]") {
  Report r = test::audit({"tests/rules/CA409/ok-valid-or-undecodable"});
  for (const auto& f : r.findings) {
    CHECK(f.rule != "CA000");
    CHECK(f.rule != "CA409");
    CHECK(f.rule != "CA410");
    CHECK(f.rule != "CA414");
  }
  std::size_t notes = 0;
  for (const auto& n : r.notes) {
    if (n.find("the JWT bearer certificate could not be read") == std::string::npos) continue;
    ++notes;
    CHECK(n.find("so CA409, CA410 and CA414 did not check it") != std::string::npos);
  }
  CHECK(notes == 3);
  CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("Placeholder_Text: the JWT bearer certificate could not be read (it is neither PEM nor base64)") !=
           std::string::npos;
  }));
}
