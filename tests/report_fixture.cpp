#include "report_fixture.h"

#include <sstream>

namespace calint::test {

namespace {

RuleInfo rule(std::string id, std::string name, Severity severity, std::string summary) {
  RuleInfo r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.severity = severity;
  r.summary = std::move(summary);
  r.rationale = "Why it matters, first paragraph with `code`.\n\nSecond paragraph.\n";
  r.remediation = "How to fix it:\n1. First step.\n2. Second step with `<scopes>`.\n";
  r.references = {{"Salesforce Help: the topic", "https://help.salesforce.com/topic"},
                  {"A reference that is not a link", "javascript:alert(1)"}};
  r.controls = {"SBS-OAUTH-001"};
  r.applies_to = {"ConnectedApp", "ExternalClientApplication"};
  return r;
}

Finding finding(std::string rule, std::string name, Severity severity, std::string file, int line, int column,
                ComponentRef component, std::string fingerprint) {
  Finding f;
  f.rule = std::move(rule);
  f.name = std::move(name);
  f.severity = severity;
  f.message = "A problem found by " + f.rule + " in " + component.name;
  f.file = std::move(file);
  f.line = f.file.empty() ? 0 : line;
  f.column = f.file.empty() ? 0 : column;
  f.component = std::move(component);
  f.fingerprint = std::move(fingerprint);
  return f;
}

}  // namespace

Report feature_report() {
  Report r;
  r.tool_version = "1.2.3";
  r.as_of = *parse_date("2026-06-01");
  r.policy.source = "policies/team.yaml";
  r.policy.fail_on = Severity::High;
  r.partial = true;
  r.roots = {{"force-app", "sfdx-project.json"}, {"unpackaged.zip", "unpackaged.zip!/unpackaged/package.xml"}};
  const ComponentRef portal{"ConnectedApp", "Portal", "<script>alert(1)</script>"};
  const ComponentRef legacy{"ConnectedApp", "Legacy", "\"><img src=x onerror=alert(2)>"};

  Finding full = finding("CA101", "full-scope", Severity::High,
                         "force-app/main/default/connectedApps/Portal.connectedApp-meta.xml", 12, 9, portal,
                         "00000000000000000000000000000001");
  full.message =
      "OAuth scope 'Full' requested; see [a link](javascript:alert(3)) and ![img](https://x.test/i.png) | cell";
  full.evidence = "<scopes>Full</scopes>";
  full.baseline = BaselineState::New;
  full.same_as = {"ExternalClientApplication", "Portal", ""};

  Finding self = finding("CA103", "self-authorize", Severity::Critical,
                         "force-app/main/default/connectedApps/Portal.connectedApp-meta.xml", 5, 9, portal,
                         "00000000000000000000000000000002");
  self.evidence = "<isAdminApproved>false</isAdminApproved>";
  self.baseline = BaselineState::Unchanged;
  self.same_as = full.same_as;

  Finding accepted = finding("CA201", "ip-relaxation-unset", Severity::High,
                             "force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml", 2, 1, legacy,
                             "00000000000000000000000000000003");
  accepted.suppression = Suppression{"exception",
                                     "Vendor app <b>reviewed</b> yearly",
                                     parse_date("2026-12-31"),
                                     "secops@example.com",
                                     "SEC-42",
                                     "policies/team.yaml:20:5"};
  accepted.baseline = BaselineState::New;

  Finding profile = finding("CA101", "full-scope", Severity::High,
                            "force-app/main/default/profiles/Integration%2FAPI Only.profile-meta.xml", 3, 5,
                            {"Profile", "Integration/API Only", ""}, "00000000000000000000000000000004");
  profile.baseline = BaselineState::New;

  Finding zipped = finding("CA000", "invalid-metadata", Severity::High,
                           "unpackaged.zip!/unpackaged/connectedApps/Zipped.connectedApp", 5, 3,
                           {"ConnectedApp", "Zipped", ""}, "00000000000000000000000000000005");
  zipped.evidence = "<label>Zipped</lable>";
  zipped.baseline = BaselineState::New;
  zipped.export_index = 1;

  Finding org_wide = finding("CA501", "my-domain-missing", Severity::Medium, "", 0, 0, {"Settings", "MyDomain", ""},
                             "00000000000000000000000000000006");
  org_wide.baseline = BaselineState::New;
  org_wide.export_index = 1;

  Finding low = finding("CA201", "ip-relaxation-unset", Severity::Low,
                        "force-app/main/default/connectedApps/Portal.connectedApp-meta.xml", 20, 5, portal,
                        "00000000000000000000000000000007");
  low.baseline = BaselineState::New;
  low.same_as = full.same_as;

  r.findings = {accepted, self, full, low, profile, zipped, org_wide};  // report order: export, file, line
  r.rules = {rule("CA000", "invalid-metadata", Severity::High, "A metadata file cannot be read."),
             rule("CA101", "full-scope", Severity::High, "The app requests the Full scope."),
             rule("CA103", "self-authorize", Severity::High, "Any user may authorize the app."),
             rule("CA201", "ip-relaxation-unset", Severity::Low, "IP relaxation is not stated."),
             rule("CA402", "eca-global-oauth-committed", Severity::Low, "Global OAuth settings are committed."),
             rule("CA501", "my-domain-missing", Severity::Medium, "No My Domain settings.")};
  r.rules[2].escalated_severity = Severity::Critical;
  r.rules[2].escalation = "Critical when the app can get API access.";

  InventoryApp ca;
  ca.component = portal;
  ca.same_as = "Portal";
  ca.file = "force-app/main/default/connectedApps/Portal.connectedApp-meta.xml";
  ca.contact_email = "owner@example.com";
  ca.permitted_users = "self-authorized";
  ca.permitted_users_default = true;
  ca.scopes = {"Full", "RefreshToken"};
  ca.callback_urls = {"https://portal.example.com/callback", "javascript:alert(4)"};
  ca.flows = {"web-server", "client-credentials"};
  ca.run_as_user = "integration@example.com";
  ca.pkce = "not required (default)";
  ca.ip_relaxation = "ENFORCE (default)";
  ca.refresh_token_policy = "infinite (default)";
  ca.session_timeout = "120";
  ca.profiles = {"System Administrator", "Integration/API Only"};
  ca.permission_sets = {"Portal Users"};
  ca.owner = "Portal team";
  ca.criticality = "high";
  ca.findings = {0, 1, 0, 1, 1};  // info, low, medium, high, critical
  InventoryApp eca;
  eca.component = {"ExternalClientApplication", "Portal", "Portal (new)"};
  eca.same_as = "Portal";
  eca.file = "force-app/main/default/externalClientApps/Portal.eca-meta.xml";
  eca.permitted_users = "not set";
  eca.pkce = "required (default)";
  eca.ip_relaxation = "not set";
  eca.refresh_token_policy = "not set";
  InventoryApp legacy_app;
  legacy_app.component = legacy;
  legacy_app.file = "force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml";
  legacy_app.permitted_users = "admin-approved";
  legacy_app.flows = {"web-server"};
  legacy_app.pkce = "required";
  legacy_app.ip_relaxation = "BYPASS";
  legacy_app.refresh_token_policy = "specific_lifetime:90:DAYS";
  // With usage data (--usage): the pair shares its integration's tokens; an app known only from its
  // tokens has a hostile name.
  ca.usage = InventoryUsage{12, 15, parse_date("2025-01-02"), parse_date("2026-05-30")};
  eca.usage = ca.usage;
  legacy_app.usage = InventoryUsage{0, 0, std::nullopt, std::nullopt};
  InventoryApp token_app;
  token_app.component = {"OauthToken", "<img src=x onerror=alert(5)>", ""};
  token_app.usage = InventoryUsage{1, 2, parse_date("2026-05-01"), std::nullopt};
  r.inventory = {legacy_app, ca, eca, token_app};

  BaselineSummary baseline;
  baseline.path = "calint-baseline.json";
  baseline.new_findings = 5;
  baseline.unchanged = 1;
  baseline.fixed = {{"00000000000000000000000000000009",
                     "CA301",
                     {"ConnectedApp", "Old_App", "Old App"},
                     "Refresh tokens never expire"}};
  r.baseline = baseline;
  r.notes = {"ConnectedApp Portal and ExternalClientApplication Portal are the same integration"};
  r.warnings = {
      "policies/team.yaml:30:5: warning: exception for 'Old_*' (CA301) expired on 2026-01-31 (owner secops, ticket "
      "SEC-7); its findings are reported again"};
  r.files_audited = 9;
  r.files_skipped = 2;
  r.components = 6;
  return r;
}

FormatOptions feature_options() {
  FormatOptions o;
  o.cwd = "/work/repo";
  o.srcroot = "/work/repo";
  o.show_suppressed = true;  // the text golden lists them (`--show-suppressed`)
  return o;
}

std::string render_format(const Report& report, std::string_view format, const FormatOptions& options) {
  const Format* f = find_format(format);
  if (!f) return {};
  ReportView view = make_view(report);
  std::ostringstream out;
  f->write(out, view, options);
  return out.str();
}

}  // namespace calint::test
