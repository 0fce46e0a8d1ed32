// The app inventory and the evidence line, computed by the engine from real exports.
#include <algorithm>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

const InventoryApp& app(const Report& r, std::string_view type, std::string_view name) {
  auto it = std::find_if(r.inventory.begin(), r.inventory.end(),
                         [&](const InventoryApp& a) { return a.component.type == type && a.component.name == name; });
  REQUIRE(it != r.inventory.end());
  return *it;
}

const Finding& finding(const Report& r, std::string_view rule, std::string_view component) {
  auto it = std::find_if(r.findings.begin(), r.findings.end(),
                         [&](const Finding& f) { return f.rule == rule && f.component.name == component; });
  REQUIRE(it != r.findings.end());
  return *it;
}

}  // namespace

TEST_CASE("the inventory lists every app of the sample org as a register would", "[engine][inventory]") {
  Report r = test::audit({"samples/source-org"});
  CHECK(r.inventory.size() == 20);
  CHECK(std::is_sorted(r.inventory.begin(), r.inventory.end(), [](const InventoryApp& a, const InventoryApp& b) {
    return std::tie(a.component.name, a.component.type) < std::tie(b.component.name, b.component.type);
  }));
  // A CA/ECA pair of one integration, side by side, each naming the other.
  const auto& ca = app(r, "ConnectedApp", "Partner_Portal");
  const auto& eca = app(r, "ExternalClientApplication", "Partner_Portal");
  CHECK(ca.same_as == "Partner_Portal");
  CHECK(eca.same_as == "Partner_Portal");
  CHECK(&eca == &ca + 1);
  // Defaults spelled out: absent isAdminApproved self-authorizes, absent policies are documented defaults.
  const auto& legacy = app(r, "ConnectedApp", "Legacy_Bulk_Loader");
  CHECK(legacy.permitted_users == "self-authorized");
  CHECK(legacy.permitted_users_default);
  CHECK(legacy.ip_relaxation == "ENFORCE (default)");
  CHECK(legacy.refresh_token_policy == "infinite (default)");
  CHECK(legacy.scopes == std::vector<std::string>{"Api", "Web", "RefreshToken"});
  CHECK(legacy.count(Severity::Critical) == 1);
  CHECK(legacy.count(Severity::High) == 1);
  CHECK(legacy.count(Severity::Low) == 2);  // CA201, CA303
  // Flows: client credentials with its run-as user; JWT bearer from a certificate; device flow.
  const auto& erp = app(r, "ConnectedApp", "ERP_Finance_Bridge");
  CHECK(erp.flows == std::vector<std::string>{"web-server", "client-credentials"});
  CHECK(erp.run_as_user == "erp.bridge@northwind-outfitters.com");
  const auto& batch = app(r, "ConnectedApp", "Nightly_Inventory_Batch");
  CHECK(batch.flows == std::vector<std::string>{"web-server", "jwt-bearer"});
  CHECK(batch.session_timeout == "30");
  CHECK(app(r, "ConnectedApp", "Order_Sync_Service").flows == std::vector<std::string>{"web-server", "jwt-bearer"});
  const auto& scanner = app(r, "ExternalClientApplication", "Warehouse_Scanner");
  CHECK(scanner.flows == std::vector<std::string>{"web-server", "device"});
  CHECK(scanner.permitted_users == "self-authorized");
  CHECK(scanner.ip_relaxation == "Bypass");
  CHECK(scanner.refresh_token_policy == "Infinite");
  // An ECA without its policies file: what the export cannot say is said so.
  const auto& kiosk = app(r, "ExternalClientApplication", "Legacy_Kiosk");
  CHECK(kiosk.permitted_users == "not in export");
  CHECK(kiosk.ip_relaxation == "not in export");
  // Assignments resolved to display names: a profile file Integration%2FAPI Only.profile is
  // "Integration/API Only"; an assignment the export lacks is kept as written.
  CHECK(app(r, "ConnectedApp", "Order_Sync_Service").profiles == std::vector<std::string>{"Integration/API Only"});
  CHECK(app(r, "ConnectedApp", "ERP_Finance_Bridge").profiles == std::vector<std::string>{"Systemadministrator"});
  // A SAML-only app lists no OAuth settings.
  const auto& tableau = app(r, "ConnectedApp", "Tableau_Cloud_SSO");
  CHECK(tableau.permitted_users.empty());
  CHECK(tableau.flows.empty());
}

TEST_CASE("ECA assignments resolve API names and aliases to display names", "[engine][inventory]") {
  test::TempDir dir;
  const std::string ns = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
  test::write_file(dir.path / "externalClientApps/Agent.eca-meta.xml",
                   "<ExternalClientApplication" + ns + "><label>Agent</label></ExternalClientApplication>");
  test::write_file(dir.path / "extlClntAppOauthPolicies/Agent_oauthPlcy.ecaOauthPlcy-meta.xml",
                   "<ExtlClntAppOauthConfigurablePolicies" + ns +
                       ">\n<commaSeparatedProfile>Admin, 00e000000000001AAA</commaSeparatedProfile>\n"
                       "<commaSeparatedPermissionSet>Agent_Access</commaSeparatedPermissionSet>\n"
                       "<externalClientApplication>Agent</externalClientApplication>\n"
                       "<permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n"
                       "<sessionTimeoutInMinutes>15</sessionTimeoutInMinutes>\n"
                       "</ExtlClntAppOauthConfigurablePolicies>\n");
  test::write_file(dir.path / "profiles/Admin.profile-meta.xml", "<Profile" + ns + "/>");
  test::write_file(dir.path / "permissionsets/Agent_Access.permissionset-meta.xml",
                   "<PermissionSet" + ns + "><label>Agent access</label></PermissionSet>");
  Report r = test::audit({dir.path.string()});
  const auto& agent = app(r, "ExternalClientApplication", "Agent");
  CHECK(agent.profiles == std::vector<std::string>{"System Administrator", "00e000000000001AAA"});
  CHECK(agent.permission_sets == std::vector<std::string>{"Agent access"});
  CHECK(agent.permitted_users == "admin-approved");
  CHECK(agent.ip_relaxation == "not set");
  CHECK(agent.session_timeout == "15");
  CHECK(agent.pkce == "not in export");
}

TEST_CASE("evidence is the line a finding points at, secrets masked", "[engine][evidence][secrets]") {
  test::TempDir dir;
  const std::string secret = "8F3A9C2B7E6D5F4A1B0C9D8E7F6A5B4C3D2E1F0A";
  test::write_file(dir.path / "connectedApps/X.connectedApp-meta.xml",
                   "<?xml version=\"1.0\"?>\r\n<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n"
                   "    <label>X</label>\r\n    <oauthConfig>\r\n"
                   "        <consumerSecret>" +
                       secret +
                       "</consumerSecret><scopes>Full</scopes>\r\n"
                       "    </oauthConfig>\r\n</ConnectedApp>\r\n");
  // A minified file: everything on one line, the finding far along it.
  std::string padding(400, ' ');
  test::write_file(dir.path / "connectedApps/Y.connectedApp-meta.xml",
                   "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>Y</label>" + padding +
                       "<oauthConfig><isAdminApproved>true</isAdminApproved><scopes>Full</scopes></oauthConfig>"
                       "<oauthPolicy><ipRelaxation>ENFORCE</ipRelaxation></oauthPolicy></ConnectedApp>");
  Report r = test::audit({dir.path.string()});
  const Finding& full = finding(r, "CA101", "X");
  CHECK(full.evidence == "<consumerSecret>[redacted]</consumerSecret><scopes>Full</scopes>");
  CHECK(finding(r, "CA401", "X").evidence.find(secret.substr(0, 8)) == std::string::npos);
  const Finding& far = finding(r, "CA101", "Y");
  CHECK(far.evidence.rfind("...", 0) == 0);
  CHECK(far.evidence.find("<scopes>Full</scopes>") != std::string::npos);
  CHECK(far.evidence.size() <= 210);
  // An org-wide finding has no evidence.
  Report org = test::audit({"samples/partial-org"});
  for (const auto& f : org.findings) {
    if (f.file.empty()) CHECK(f.evidence.empty());
  }
}

TEST_CASE("org-wide findings are anchored at the project file, else the first file read", "[engine]") {
  Report r = test::audit({"samples/source-org", "samples/mdapi-org"});
  REQUIRE(r.roots.size() == 2);
  CHECK(r.roots[0].anchor == "samples/source-org/sfdx-project.json");
  CHECK(r.roots[1].anchor == "samples/mdapi-org/src/package.xml");
  test::TempDir dir;
  test::write_file(dir.path / "b/MyDomain.settings-meta.xml", "<MyDomainSettings/>");
  test::write_file(dir.path / "a/X.connectedApp-meta.xml", "<ConnectedApp/>");
  Report bare = test::audit({dir.path.string()});
  CHECK(bare.roots[0].anchor == (dir.path / "a/X.connectedApp-meta.xml").string());
}

TEST_CASE("the inventory shows the owner and criticality the policy's approved_apps give", "[engine][inventory]") {
  Policy p = parse_policy(
      "approved_apps:\n  - {app: Order_Sync_Service, owner: Integration team, criticality: high}\n"
      "  - {app: \"Partner_*\", owner: Partner success}\n",
      "policy.yaml", builtin_catalog());
  Report r = test::audit({"samples/source-org"}, &p);
  const auto& order = app(r, "ConnectedApp", "Order_Sync_Service");
  CHECK(order.owner == "Integration team");
  CHECK(order.criticality == "high");
  // A glob lists both apps of the integration; an entry without criticality leaves it empty.
  CHECK(app(r, "ConnectedApp", "Partner_Portal").owner == "Partner success");
  CHECK(app(r, "ExternalClientApplication", "Partner_Portal").owner == "Partner success");
  CHECK(app(r, "ExternalClientApplication", "Partner_Portal").criticality.empty());
  CHECK(app(r, "ConnectedApp", "Northwind_CLI").owner.empty());
  // Apps not listed are CA901 findings.
  CHECK(std::any_of(r.findings.begin(), r.findings.end(),
                    [](const Finding& f) { return f.rule == "CA901" && f.component.name == "Northwind_CLI"; }));
  CHECK(std::none_of(r.findings.begin(), r.findings.end(),
                     [](const Finding& f) { return f.rule == "CA901" && f.component.name == "Order_Sync_Service"; }));
}
