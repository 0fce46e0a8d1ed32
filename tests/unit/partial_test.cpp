// File lists: files inside one project are one partial export. Their verdicts match the full
// audit's for the components they report; what is missing or unused is not checked.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "load/inputs.h"
#include "load/metadata_types.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string app_xml(const std::string& scopes, const std::string& profile, bool admin_approved = true) {
  return std::string(kHead) +
         "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <label>X</label>\n" +
         "    <oauthConfig>\n        <isAdminApproved>" + (admin_approved ? "true" : "false") +
         "</isAdminApproved>\n        <scopes>" + scopes + "</scopes>\n    </oauthConfig>\n" +
         "    <oauthPolicy>\n        <ipRelaxation>ENFORCE</ipRelaxation>\n        "
         "<refreshTokenPolicy>zero</refreshTokenPolicy>\n    </oauthPolicy>\n" +
         (profile.empty() ? "" : "    <profileName>" + profile + "</profileName>\n") + "</ConnectedApp>\n";
}

std::string profile_xml() {
  return std::string(kHead) +
         "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <custom>true</custom>\n</Profile>\n";
}

/// A finding as the comparison of two runs sees it.
std::string key(const Finding& f) {
  return f.fingerprint + "|" + f.rule + "|" + f.message + "|" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

std::set<std::string> keys(const Report& r) {
  std::set<std::string> out;
  for (const auto& f : r.findings) out.insert(key(f));
  return out;
}

/// A small sfdx project: Good (assigned Sales), Wide (Full scope, assigned Sales), Other (assigned
/// Ops), profiles Sales and Ops, settings with no MyDomain.
void write_project(const fs::path& root) {
  test::write_file(root / "sfdx-project.json", "{\"packageDirectories\": [{\"path\": \"force-app\"}]}\n");
  fs::path d = root / "force-app/main/default";
  test::write_file(d / "connectedApps/Good.connectedApp-meta.xml", app_xml("Api", "Sales"));
  test::write_file(d / "connectedApps/Wide.connectedApp-meta.xml", app_xml("Full", "Sales"));
  test::write_file(d / "connectedApps/Other.connectedApp-meta.xml", app_xml("Full", "Ops"));
  test::write_file(d / "profiles/Sales.profile-meta.xml", profile_xml());
  test::write_file(d / "profiles/Ops.profile-meta.xml", profile_xml());
  test::write_file(d / "settings/OauthOidc.settings-meta.xml",
                   std::string(kHead) +
                       "<OauthOidcSettings xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                       "    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n</OauthOidcSettings>\n");
  test::write_file(d / "classes/Foo.cls", "public class Foo {}\n");
}

std::set<std::string> components(const Report& r) {
  std::set<std::string> out;
  for (const auto& f : r.findings) out.insert(f.component.type + ":" + f.component.name);
  return out;
}

}  // namespace

TEST_CASE("every file of the sample org alone gives the full audit's verdicts for its components", "[partial]") {
  const fs::path root = test::source_dir() / "samples/source-org";
  Report full = test::audit({root.string()});
  std::set<std::string> full_keys = keys(full);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || !load::classify_file_name(e.path().filename().string(), nullptr)) continue;
    INFO(e.path().string());
    Report part = test::audit({e.path().string()});
    ++files;
    CHECK(part.partial);
    CHECK(part.errors.empty());
    REQUIRE(part.roots.size() == 1);
    CHECK(fs::equivalent(part.roots[0].path, root));
    // Everything it reports, the full audit reports identically (fingerprint, line, message).
    for (const auto& f : part.findings) CHECK(full_keys.contains(key(f)));
    // And everything the full audit says about the components it covers, the given file's above all.
    std::set<std::string> covered = components(part);
    std::set<std::string> part_keys = keys(part);
    for (const auto& f : full.findings) {
      if (f.file == e.path().string() || covered.contains(f.component.type + ":" + f.component.name)) {
        CHECK(part_keys.contains(key(f)));
      }
    }
  }
  CHECK(files >= 30);
}

TEST_CASE("a changed app and a changed profile: one export with the project as context", "[partial]") {
  test::TempDir dir;
  write_project(dir.path);
  fs::path d = dir.path / "force-app/main/default";
  test::InDir in(dir.path);
  // The profile alone: exit 1 because Wide (Full scope) is assigned Sales; Other (Ops) is not reported.
  auto r = test::run({"audit", "force-app/main/default/profiles/Sales.profile-meta.xml", "--format", "json"});
  CHECK(r.code == 1);
  Report rep = test::audit({"force-app/main/default/profiles/Sales.profile-meta.xml"});
  CHECK(rep.partial);
  CHECK(components(rep) == std::set<std::string>{"ConnectedApp:Wide"});
  REQUIRE(rep.roots.size() == 1);
  CHECK(rep.roots[0].path == ".");
  CHECK(rep.roots[0].anchor == "sfdx-project.json");
  // The Ops profile: Other is reported.
  Report ops = test::audit({"force-app/main/default/profiles/Ops.profile-meta.xml"});
  CHECK(components(ops) == std::set<std::string>{"ConnectedApp:Other"});
  // The good app alone passes, even at info: Sales is there as context (no CA105), and the project's
  // other problems (Wide, Other) are not reported.
  Report good = test::audit({"force-app/main/default/connectedApps/Good.connectedApp-meta.xml"});
  CHECK(good.findings.empty());
  CHECK(good.errors.empty());
  CHECK(test::run({"audit", "force-app/main/default/connectedApps/Good.connectedApp-meta.xml", "--fail-on", "info"})
            .code == 0);
  // The file keeps the spelling it was given; context files are shown from the current folder.
  Report wide = test::audit({"./force-app/main/default/connectedApps/Wide.connectedApp-meta.xml"});
  REQUIRE_FALSE(wide.findings.empty());
  CHECK(wide.findings[0].file == "./force-app/main/default/connectedApps/Wide.connectedApp-meta.xml");
  // From another folder, with an absolute path: the root is absolute too.
  Report abs = test::audit({(d / "connectedApps/Wide.connectedApp-meta.xml").string()});
  REQUIRE(abs.roots.size() == 1);
  CHECK(abs.roots[0].path == dir.path.string());
  CHECK(keys(abs) == keys(wide));
}

TEST_CASE("what is missing or unused is not checked on a partial run", "[partial]") {
  test::TempDir dir;
  write_project(dir.path);
  fs::path app = dir.path / "force-app/main/default/connectedApps/Wide.connectedApp-meta.xml";
  Policy policy = parse_policy(
      "my_domain: required\n"
      "scopes:\n  apps:\n    - app: Nope_*\n      deny: [Web]\n"
      "exceptions:\n"
      "  - app: Unused\n    rule: CA101\n    justification: stale\n"
      "  - app: Gone\n    rule: CA101\n    justification: stale and expired\n    expires: 2020-01-01\n"
      "  - app: Wide\n    rule: CA101\n    justification: expired\n    expires: 2021-01-01\n"
      "    owner: sec-team\n    ticket: SEC-9\n",
      "p.yaml", builtin_catalog());
  Report whole = test::audit({dir.path.string()}, &policy);
  CHECK_FALSE(whole.partial);
  auto has_rule = [](const Report& r, const char* rule) {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.rule == rule; });
  };
  CHECK(has_rule(whole, "CA501"));  // required, and the export has no MyDomain settings
  CHECK(whole.warnings.size() == 4);
  Report part = test::audit({app.string()}, &policy);
  CHECK(part.partial);
  CHECK_FALSE(has_rule(part, "CA501"));
  // The expired exception that matched still warns, with owner and ticket; nothing else does.
  REQUIRE(part.warnings.size() == 1);
  CHECK(part.warnings[0] ==
        "p.yaml:14:5: warning: exception for 'Wide' (CA101) [owner sec-team, ticket SEC-9] expired on 2021-01-01; its "
        "1 finding is reported again");
  bool noted = std::any_of(part.notes.begin(), part.notes.end(), [&](const std::string& n) {
    return n == "partial run: 1 file given under " + dir.path.string() +
                    ", with the project's other 5 files read as context; reported: the components of the files "
                    "given and the apps assigned a given profile or permission set";
  });
  CHECK(noted);
}

TEST_CASE("an ECA sub-file brings its app; a deleted policies file is the app's finding", "[partial]") {
  test::TempDir dir;
  test::write_file(dir.path / "sfdx-project.json", "{}");
  fs::path d = dir.path / "force-app/main/default";
  test::write_file(d / "externalClientApps/Svc.eca-meta.xml",
                   std::string(kHead) +
                       "<ExternalClientApplication xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                       "    <label>Svc</label>\n</ExternalClientApplication>\n");
  test::write_file(d / "extlClntAppOauthSettings/Svc_oauth.ecaOauth-meta.xml",
                   std::string(kHead) +
                       "<ExtlClntAppOauthSettings xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                       "    <commaSeparatedOauthScopes>Api, Full</commaSeparatedOauthScopes>\n"
                       "    <externalClientApplication>Svc</externalClientApplication>\n"
                       "    <label>Svc</label>\n</ExtlClntAppOauthSettings>\n");
  Report full = test::audit({dir.path.string()});
  Report part = test::audit({(d / "extlClntAppOauthSettings/Svc_oauth.ecaOauth-meta.xml").string()});
  CHECK(components(part) == std::set<std::string>{"ExternalClientApplication:Svc"});
  CHECK(keys(part) == keys(full));  // CA101 on the sub-file, CA106 on the app
  // The header alone reports the app's sub-file findings too.
  Report header = test::audit({(d / "externalClientApps/Svc.eca-meta.xml").string()});
  CHECK(keys(header) == keys(full));
  // A deleted policies file, named after its app as retrieves name it: the app is audited, and
  // CA106 says its policies are missing.
  Report deleted = test::audit({(d / "extlClntAppOauthPolicies/Svc_oauthPlcy.ecaOauthPlcy-meta.xml").string()});
  CHECK(deleted.errors.empty());
  CHECK(keys(deleted) == keys(full));
  // A deleted sub-file of an app that is not there: nothing to report.
  Report stray = test::audit({(d / "extlClntAppOauthPolicies/Nope_oauthPlcy.ecaOauthPlcy-meta.xml").string()});
  CHECK(stray.findings.empty());
}

TEST_CASE("a deleted profile: apps that named it are audited for CA105 only", "[partial]") {
  test::TempDir dir;
  write_project(dir.path);
  fs::path profile = dir.path / "force-app/main/default/profiles/Ops.profile-meta.xml";
  fs::remove(profile);
  Report r = test::audit({profile.string()});
  CHECK(r.errors.empty());
  CHECK(r.partial);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "CA105");
  CHECK(r.findings[0].component.name == "Other");  // its CA101 (Full) is not part of this change
  CHECK(std::find(r.notes.begin(), r.notes.end(), profile.string() + ": no longer exists (deleted), skipped") !=
        r.notes.end());
  CHECK(test::run({"audit", profile.string()}).code == 0);  // CA105 is medium, below the default threshold
  CHECK(test::run({"audit", profile.string(), "--fail-on", "medium"}).code == 1);
}

TEST_CASE("a file list with nothing calint reads exits 0; a missing folder is still an error", "[partial]") {
  test::TempDir dir;
  write_project(dir.path);
  test::InDir in(dir.path);
  auto apex = test::run({"audit", "force-app/main/default/classes/Foo.cls", "sfdx-project.json", "gone/Bar.cls"});
  CHECK(apex.code == 0);
  CHECK(apex.err.find("note: nothing relevant changed: none of the 3 files given is metadata calint reads") !=
        std::string::npos);
  auto typo = test::run({"audit", "no/such/export"});
  CHECK(typo.code == 2);
  CHECK(typo.err.find("no/such/export: error: cannot read: No such file or directory") != std::string::npos);
  auto zip = test::run({"audit", "gone.zip"});
  CHECK(zip.code == 2);
  // A deleted app: nothing to report, exit 0, a note.
  auto deleted = test::run({"audit", "force-app/main/default/connectedApps/Removed.connectedApp-meta.xml"});
  CHECK(deleted.code == 0);
  CHECK(deleted.err.find("Removed.connectedApp-meta.xml: no longer exists (deleted), skipped") != std::string::npos);
}

TEST_CASE("the project root: sfdx-project.json, else package.xml, else the files' common parent", "[partial]") {
  test::TempDir dir;
  fs::path repo = dir.path / "repo";
  fs::create_directories(repo / ".git");
  test::write_file(repo / "sfdx-project.json", "{}");
  test::write_file(repo / "mdapi/src/package.xml", "<Package/>");
  fs::create_directories(repo / "force-app/main/default/connectedApps");
  fs::create_directories(repo / "mdapi/src/connectedApps");
  CHECK(find_project_root((repo / "force-app/main/default/connectedApps").string()) == repo.string());
  // sfdx-project.json wins over a nearer package.xml.
  CHECK(find_project_root((repo / "mdapi/src/connectedApps").string()) == repo.string());
  fs::remove(repo / "sfdx-project.json");
  CHECK(find_project_root((repo / "mdapi/src/connectedApps").string()) == (repo / "mdapi/src").string());
  CHECK(find_project_root((repo / "force-app/main/default/connectedApps").string()).empty());
  // Never above the repository: a project file outside it belongs to something else.
  test::write_file(dir.path / "sfdx-project.json", "{}");
  CHECK(find_project_root((repo / "force-app/main/default/connectedApps").string()).empty());

  // Files of no project: one export, rooted at their common parent.
  test::write_file(repo / "a/x/One.connectedApp-meta.xml", app_xml("Api", ""));
  test::write_file(repo / "a/y/Two.connectedApp-meta.xml", app_xml("Full", ""));
  Report r = test::audit(
      {(repo / "a/x/One.connectedApp-meta.xml").string(), (repo / "a/y/Two.connectedApp-meta.xml").string()});
  REQUIRE(r.roots.size() == 1);
  CHECK(r.roots[0].path == (repo / "a").string());
  CHECK(components(r) == std::set<std::string>{"ConnectedApp:One", "ConnectedApp:Two"});

  // A retrieve without package.xml: the root is above the type folders, so its profiles are
  // context and CA105 judges as the full audit does.
  test::TempDir plain;
  fs::path retrieve = plain.path / "backup/src";
  test::write_file(retrieve / "connectedApps/Named.connectedApp", app_xml("Api", "Sales"));
  test::write_file(retrieve / "connectedApps/Typo.connectedApp", app_xml("Api", "Sales Rep"));
  test::write_file(retrieve / "profiles/Sales.profile", profile_xml());
  Report full = test::audit({retrieve.string()});
  for (const char* app : {"Named", "Typo"}) {
    INFO(app);
    Report one = test::audit({(retrieve / "connectedApps" / (std::string(app) + ".connectedApp")).string()});
    REQUIRE(one.roots.size() == 1);
    CHECK(one.roots[0].path == retrieve.string());
    std::set<std::string> expected;
    for (const auto& f : full.findings) {
      if (f.component.name == app) expected.insert(key(f));
    }
    CHECK(keys(one) == expected);
  }
}

TEST_CASE("files of two projects are two exports; a folder keeps its meaning", "[partial]") {
  test::TempDir dir;
  write_project(dir.path / "one");
  write_project(dir.path / "two");
  fs::path rel = "force-app/main/default/connectedApps/Wide.connectedApp-meta.xml";
  Report r = test::audit(
      {(dir.path / "one" / rel).string(), (dir.path / "two" / rel).string(), (dir.path / "one/force-app").string()});
  REQUIRE(r.roots.size() == 3);
  CHECK(r.roots[0].path == (dir.path / "one/force-app").string());  // folders first, as given
  CHECK(r.partial);
  std::map<int, std::set<std::string>> by_export;
  for (const auto& f : r.findings) by_export[f.export_index].insert(f.component.name);
  CHECK(by_export[0].contains("Wide"));  // the folder: the whole project
  CHECK(by_export[0].contains("Other"));
  CHECK_FALSE(by_export[0].contains("Good"));  // Good has no finding
  CHECK(by_export[1] == std::set<std::string>{"Wide"});
  CHECK(by_export[2] == std::set<std::string>{"Wide"});
}

TEST_CASE("discovery skips .git, node_modules, .sf, .sfdx, .husky (and .hg, .svn) but not backups", "[partial]") {
  test::TempDir dir;
  for (const char* skipped : {".git", "node_modules", ".sf", ".sfdx", ".husky", ".hg", ".svn"}) {
    test::write_file(dir.path / skipped / "connectedApps/Hidden.connectedApp-meta.xml", app_xml("Full", ""));
  }
  test::write_file(dir.path / "Doc/backup/connectedApps/Backup.connectedApp-meta.xml", app_xml("Full", ""));
  test::write_file(dir.path / ".github/x/connectedApps/Gh.connectedApp-meta.xml", app_xml("Full", ""));
  Report r = test::audit({dir.path.string()});
  CHECK(components(r) == std::set<std::string>{"ConnectedApp:Backup", "ConnectedApp:Gh"});
  // A file given inside a skipped folder is still audited.
  Report given = test::audit({(dir.path / "node_modules/connectedApps/Hidden.connectedApp-meta.xml").string()});
  CHECK(components(given) == std::set<std::string>{"ConnectedApp:Hidden"});
}
