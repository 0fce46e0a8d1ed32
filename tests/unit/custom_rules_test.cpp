// Custom rules: read from the policy with exact errors, compiled before any file is read, evaluated
// on each file they target, and reported like built-in rules everywhere.
#include <catch2/catch.hpp>

#include "engine/engine.h"
#include "policy/policy.h"
#include "test_support.h"

using namespace calint;

namespace {

const std::string kNs = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

std::string rule(const std::string& fields) {
  return "custom_rules:\n  - id: ACME-1\n    name: no-web\n    severity: medium\n    message: Web scope {value}\n" +
         fields;
}

/// A small export: a Connected App with two scopes, an ECA with scopes, a profile.
void write_export(const std::filesystem::path& dir) {
  test::write_file(
      dir / "connectedApps/Web_App.connectedApp-meta.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp" + kNs +
          ">\n    <contactEmail>a@example.com</contactEmail>\n    <label>Web App</label>\n"
          "    <oauthConfig>\n        <callbackUrl>https://x.example.com/cb</callbackUrl>\n"
          "        <consumerSecret>S3CRET0VALUE0123456789</consumerSecret>\n"
          "        <isAdminApproved>true</isAdminApproved>\n        <isPkceRequired>true</isPkceRequired>\n"
          "        <scopes>Api</scopes>\n        <scopes>Web</scopes>\n    </oauthConfig>\n"
          "</ConnectedApp>\n");
  test::write_file(dir / "externalClientApps/Agent.eca-meta.xml",
                   "<ExternalClientApplication" + kNs + "><label>Agent</label></ExternalClientApplication>\n");
  test::write_file(
      dir / "extlClntAppOauthSettings/Agent_oauth.ecaOauth-meta.xml",
      "<ExtlClntAppOauthSettings" + kNs +
          ">\n    <commaSeparatedOauthScopes>Api, Web</commaSeparatedOauthScopes>\n"
          "    <externalClientApplication>Agent</externalClientApplication>\n</ExtlClntAppOauthSettings>\n");
  test::write_file(dir / "profiles/Admin.profile-meta.xml", "<Profile" + kNs + "><custom>false</custom></Profile>\n");
}

std::vector<const Finding*> of_rule(const Report& r, std::string_view id) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    if (f.rule == id) out.push_back(&f);
  }
  return out;
}

}  // namespace

TEST_CASE("custom rule entries are checked with file:line:col errors", "[custom]") {
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: //scopes\n")) == "(no error)");
  CHECK(test::policy_error("custom_rules: {}\n") ==
        "policy.yaml:1:15: 'custom_rules' must be a list of {id, name, severity, message, applies_to, xpath} entries");
  CHECK(test::policy_error("custom_rules:\n  - id: CA900\n    name: x\n") ==
        "policy.yaml:2:9: custom rule id 'CA900' starts with CA, which is reserved for calint's own rules");
  CHECK(test::policy_error("custom_rules:\n  - id: acme-1\n") ==
        "policy.yaml:2:9: custom rule id 'acme-1' must be letters and digits, a dash and a number, starting with a "
        "capital letter (^[A-Z][A-Z0-9]*-[0-9]+$), for example ACME-1");
  CHECK(test::policy_error("custom_rules:\n  - id: ACME-1\n    name: Full Scope\n") ==
        "policy.yaml:3:11: custom rule ACME-1.name 'Full Scope' must be lower-case words joined by dashes, like "
        "'no-full-scope-for-partners'");
  CHECK(test::policy_error("custom_rules:\n  - id: ACME-1\n    name: full-scope\n    severity: low\n    message: m\n"
                           "    applies_to: ConnectedApp\n    xpath: //scopes\n") ==
        "policy.yaml:3:11: custom rule name 'full-scope' is taken by built-in rule CA101");
  CHECK(test::policy_error(
            rule("    applies_to: ConnectedApp\n    xpath: //scopes\n") +
            "  - id: ACME-1\n    name: other\n    severity: low\n    message: m\n    applies_to: Settings\n"
            "    xpath: //x\n") == "policy.yaml:8:9: duplicate custom rule id 'ACME-1'");
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: //scopes\n    sevrity: low\n")) ==
        "policy.yaml:8:5: unknown key 'sevrity' in a custom rule; did you mean 'severity'?");
  CHECK(test::policy_error(rule("    xpath: //scopes\n")) ==
        "policy.yaml:2:5: custom rule ACME-1 needs 'applies_to' (ConnectedApp, ExternalClientApplication, an ECA file "
        "type, or Settings)");
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: \"  \"\n")) ==
        "policy.yaml:7:12: custom rule ACME-1.xpath must not be empty");
}

TEST_CASE("custom rule targets and expressions are compiled before any file is read", "[custom]") {
  CHECK(test::policy_error(rule("    applies_to: [ConnectedApp, ConectedApp]\n    xpath: //scopes\n")) ==
        "policy.yaml:6:32: custom rule ACME-1: unknown metadata type 'ConectedApp' in applies_to; did you mean "
        "'ConnectedApp'?");
  CHECK(test::policy_error(rule("    applies_to: Profile\n    xpath: //x\n")) ==
        "policy.yaml:6:17: custom rule ACME-1: Profile files are not targets of custom rules (calint reads only a few "
        "permissions of them, as it streams them)");
  // The column points into the expression where XPath parsing failed.
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: //scopes[. = 'Web'\n")) ==
        "policy.yaml:7:30: custom rule ACME-1: invalid XPath 1.0 expression: Expected ']' to match an opening '[' (at "
        "character 19 of the expression)");
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: \"//scopes[. = 'Web'\"\n")) ==
        "policy.yaml:7:31: custom rule ACME-1: invalid XPath 1.0 expression: Expected ']' to match an opening '[' (at "
        "character 19 of the expression)");
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: count(//scopes)\n")) ==
        "policy.yaml:7:12: custom rule ACME-1: xpath gives a number; a rule must select nodes (each selected node is a "
        "finding), for example //scopes[. = 'Full']");
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: boolean(//scopes)\n"))
            .find("xpath gives a boolean") != std::string::npos);
  CHECK(test::policy_error(rule("    applies_to: ConnectedApp\n    xpath: string(//label)\n"))
            .find("xpath gives a string") != std::string::npos);
  // A policy error exits 2 before anything is audited, whichever command reads the policy.
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml", rule("    applies_to: ConnectedApp\n    xpath: //scopes[\n"));
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"audit", "samples/source-org", "--policy", (dir.path / "p.yaml").string()},
           {"rules", "--policy", (dir.path / "p.yaml").string()},
           {"explain", "CA101", "--policy", (dir.path / "p.yaml").string()}}) {
    auto r = test::run(args);
    CHECK(r.code == 2);
    CHECK(r.err.find("p.yaml:7:21: custom rule ACME-1: invalid XPath 1.0 expression") != std::string::npos);
    CHECK(r.out.empty());
  }
}

TEST_CASE("custom rules select nodes despite Salesforce's default namespace, each a located finding", "[custom]") {
  test::TempDir dir;
  write_export(dir.path);
  Policy p =
      parse_policy(rule("    applies_to: [ConnectedApp, ExtlClntAppOauthSettings]\n"
                        "    xpath: \"//scopes[. = 'Web'] | //commaSeparatedOauthScopes[contains(., 'Web')]\"\n"),
                   "policy.yaml", builtin_catalog());
  Report r = test::audit({dir.path.string()}, &p);
  auto hits = of_rule(r, "ACME-1");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]->name == "no-web");
  CHECK(hits[0]->severity == Severity::Medium);
  CHECK(hits[0]->component.type == "ConnectedApp");
  CHECK(hits[0]->component.name == "Web_App");
  CHECK(hits[0]->line == 11);
  CHECK(hits[0]->column == 9);
  CHECK(hits[0]->message == "Web scope Web");
  CHECK(hits[0]->element == "ConnectedApp/oauthConfig/scopes");
  CHECK(hits[1]->component.type == "ExternalClientApplication");
  CHECK(hits[1]->component.name == "Agent");
  CHECK(hits[1]->line == 2);
  CHECK(hits[1]->message == "Web scope Api, Web");
  // The catalogue entry travels with the report like a built-in rule's.
  const RuleInfo* info = r.rule("ACME-1");
  REQUIRE(info);
  CHECK(info->custom());
  CHECK(info->defined_in == "policy.yaml:2:5");
  CHECK(info->summary == "Web scope ...");
}

TEST_CASE("custom rules match prefixed names, attributes and text, and never show a secret", "[custom]") {
  test::TempDir dir;
  test::write_file(dir.path / "connectedApps/Prefixed.connectedApp-meta.xml",
                   "<sf:ConnectedApp xmlns:sf=\"http://soap.sforce.com/2006/04/metadata\">\n"
                   "  <sf:label>P</sf:label>\n  <sf:oauthConfig>\n"
                   "    <sf:consumerSecret>TOPSECRET0VALUE0123</sf:consumerSecret>\n"
                   "    <sf:scopes kind=\"x\">Full</sf:scopes>\n  </sf:oauthConfig>\n</sf:ConnectedApp>\n");
  Policy p = parse_policy(
      "custom_rules:\n"
      "  - {id: X-1, name: full, severity: high, message: \"{element} {value}\", applies_to: ConnectedApp, xpath: "
      "\"//scopes[. = 'Full']\"}\n"
      "  - {id: X-2, name: secret, severity: low, message: \"{element} is {value}\", applies_to: ConnectedApp, xpath: "
      "//consumerSecret}\n"
      "  - {id: X-3, name: attr, severity: low, message: \"kind {value}\", applies_to: ConnectedApp, xpath: //@kind}\n"
      "  - {id: X-4, name: text, severity: info, message: \"label {value}\", applies_to: ConnectedApp, xpath: "
      "//label/text()}\n",
      "policy.yaml", builtin_catalog());
  Report r = test::audit({dir.path.string()}, &p);
  auto full = of_rule(r, "X-1");
  REQUIRE(full.size() == 1);
  CHECK(full[0]->message == "scopes Full");
  CHECK(full[0]->line == 5);  // located although the element was renamed to drop its prefix
  CHECK(full[0]->column == 5);
  auto secret = of_rule(r, "X-2");
  REQUIRE(secret.size() == 1);
  CHECK(secret[0]->message == "consumerSecret is (value not shown)");
  for (const auto& f : r.findings) CHECK(f.message.find("TOPSECRET") == std::string::npos);
  auto attr = of_rule(r, "X-3");
  REQUIRE(attr.size() == 1);
  CHECK(attr[0]->message == "kind x");
  CHECK(attr[0]->element == "ConnectedApp/oauthConfig/scopes/@kind");
  CHECK(attr[0]->line == 5);
  auto text = of_rule(r, "X-4");
  REQUIRE(text.size() == 1);
  CHECK(text[0]->message == "label P");
}

TEST_CASE("custom rules target only the types they name, never profiles", "[custom]") {
  test::TempDir dir;
  write_export(dir.path);
  Policy p = parse_policy(
      "custom_rules:\n  - {id: X-1, name: any, severity: low, message: m, applies_to: "
      "ExternalClientApplication, xpath: \"//*[not(*)]\"}\n",
      "policy.yaml", builtin_catalog());
  Report r = test::audit({dir.path.string()}, &p);
  auto hits = of_rule(r, "X-1");
  CHECK_FALSE(hits.empty());
  for (const Finding* f : hits) {
    CHECK(f->component.type == "ExternalClientApplication");
    CHECK(f->file.find("profiles") == std::string::npos);
  }
}

TEST_CASE("custom rules are re-graded, disabled and excepted like built-in ones", "[custom]") {
  test::TempDir dir;
  write_export(dir.path);
  const std::string base = rule("    applies_to: ConnectedApp\n    xpath: \"//scopes[. = 'Web']\"\n");
  Policy graded = parse_policy(base + "rules:\n  ACME-1: {severity: critical}\n", "policy.yaml", builtin_catalog());
  const Report graded_report = test::audit({dir.path.string()}, &graded);
  auto hits = of_rule(graded_report, "ACME-1");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]->severity == Severity::Critical);

  Policy off = parse_policy(base + "rules:\n  ACME-1: {enabled: false}\n", "policy.yaml", builtin_catalog());
  const Report off_report = test::audit({dir.path.string()}, &off);
  CHECK(of_rule(off_report, "ACME-1").empty());

  Policy excepted = parse_policy(
      base + "exceptions:\n  - {app: Web_App, rule: [ACME-1, CA101], justification: \"Reviewed (SEC-1)\"}\n",
      "policy.yaml", builtin_catalog());
  Report r = test::audit({dir.path.string()}, &excepted);
  hits = of_rule(r, "ACME-1");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]->suppressed());
  // Unknown ids are still errors, with the custom ids among the suggestions.
  CHECK_THROWS_WITH(parse_policy(base + "rules:\n  ACME-2: {enabled: false}\n", "policy.yaml", builtin_catalog()),
                    "policy.yaml:9:3: unknown rule 'ACME-2' in 'rules'; did you mean 'ACME-1'?");
}

TEST_CASE("calint rules and explain show custom rules with --policy", "[custom][cli]") {
  auto listed = test::run({"rules", "--policy", "samples/policies/custom-rules.yaml"});
  REQUIRE(listed.code == 0);
  CHECK(listed.out.find("NW-1   medium    fix:none    no-web-scope") != std::string::npos);
  CHECK(listed.out.find("NW-2   low       fix:none    contact-outside-company") != std::string::npos);
  CHECK(test::run({"rules"}).out.find("NW-1") == std::string::npos);
  auto json = test::run({"rules", "--policy", "samples/policies/custom-rules.yaml", "--format", "json"});
  CHECK(json.out.find("\"defined_in\": \"samples/policies/custom-rules.yaml:8:5\"") != std::string::npos);
  auto explained = test::run({"explain", "NW-2", "--policy", "samples/policies/custom-rules.yaml"});
  REQUIRE(explained.code == 0);
  CHECK(explained.out.find("NW-2 contact-outside-company (low)") == 0);
  CHECK(explained.out.find("Custom rule, defined in samples/policies/custom-rules.yaml:18:5") != std::string::npos);
  CHECK(explained.out.find("//contactEmail[substring-after(., '@') != 'northwind-outfitters.com']") !=
        std::string::npos);
  CHECK(test::run({"explain", "NW-2"}).code == 2);
}
