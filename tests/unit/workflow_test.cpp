// The pre-merge workflow: accepted risks, policy discovery, --show-policy, --changed-since.
#include <cstdlib>
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>

#include "report/formats.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string app_xml(const std::string& scopes_xml) {
  return std::string(kHead) +
         "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <label>X</label>\n" +
         "    <oauthConfig>\n        <isAdminApproved>true</isAdminApproved>\n" + scopes_xml +
         "    </oauthConfig>\n    <oauthPolicy>\n        <ipRelaxation>ENFORCE</ipRelaxation>\n"
         "        <refreshTokenPolicy>zero</refreshTokenPolicy>\n    </oauthPolicy>\n"
         "    <profileName>System Administrator</profileName>\n</ConnectedApp>\n";
}

std::string scopes(std::initializer_list<const char*> names) {
  std::string out;
  for (const char* n : names) out += std::string("        <scopes>") + n + "</scopes>\n";
  return out;
}

/// Runs a shell command in `dir`; its exit status.
int sh(const fs::path& dir, const std::string& command) {
  std::string full = "cd '" + dir.string() + "' && " + command + " >/dev/null 2>&1";
  return std::system(full.c_str());
}

bool have_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

const char* kGit =
    "git -c user.name=calint-test -c user.email=test@calint.invalid -c init.defaultBranch=main "
    "-c commit.gpgsign=false";

std::set<std::string> names(const Report& r) {
  std::set<std::string> out;
  for (const auto& f : r.findings) {
    if (!f.suppressed()) out.insert(f.rule + ":" + f.component.name + (f.key.empty() ? "" : ":" + f.key));
  }
  return out;
}

/// An app with Full scope and a policy whose exception for it expired on 2026-05-31, owner and
/// ticket named; returns the policy's path.
std::string expired_exception_org(const fs::path& dir) {
  test::write_file(dir / "connectedApps/Svc.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  test::write_file(dir / "calint.yaml",
                   "exceptions:\n  - app: Svc\n    rule: CA101\n    justification: migration\n"
                   "    expires: 2026-05-31\n    owner: Integration team\n    ticket: SEC-77\n");
  return (dir / "calint.yaml").string();
}

}  // namespace

TEST_CASE("an exception can accept one value, one element or one file, with owner and ticket", "[workflow]") {
  test::TempDir dir;
  test::write_file(dir.path / "a/connectedApps/Svc.connectedApp-meta.xml", app_xml(scopes({"Api", "Web", "Chatter"})));
  test::write_file(dir.path / "b/connectedApps/Svc.connectedApp-meta.xml", app_xml(scopes({"Api", "Web", "Chatter"})));
  std::string base = "scopes:\n  deny: [Web, Chatter]\n";
  auto audit = [&](const std::string& exceptions) {
    Policy p =
        parse_policy(base + (exceptions.empty() ? "" : "exceptions:\n" + exceptions), "p.yaml", builtin_catalog());
    return test::audit({dir.path.string()}, &p);
  };
  Report none = audit("");
  CHECK(names(none) == std::set<std::string>{"CA102:Svc:Web", "CA102:Svc:Chatter"});
  CHECK(none.findings.size() == 4);  // two copies

  Report value = audit(
      "  - app: Svc\n    rule: CA102\n    value: Web\n    justification: legacy UI\n    owner: alice@example.com\n"
      "    ticket: SEC-1\n");
  CHECK(names(value) == std::set<std::string>{"CA102:Svc:Chatter"});
  const Finding* web = nullptr;
  for (const auto& f : value.findings) {
    if (f.key == "Web") web = &f;
  }
  REQUIRE(web);
  REQUIRE(web->suppressed());
  CHECK(web->suppression->kind == "exception");
  CHECK(web->suppression->owner == "alice@example.com");
  CHECK(web->suppression->ticket == "SEC-1");
  CHECK(web->suppression->justification == "legacy UI");
  CHECK(web->suppression->where == "p.yaml:4:5");

  // element: whole, or by trailing segments; a glob.
  CHECK(names(audit("  - app: Svc\n    rule: CA102\n    element: oauthConfig/scopes\n    justification: x\n")).empty());
  CHECK(
      names(audit("  - app: Svc\n    rule: CA102\n    element: \"*/oauthPolicy/*\"\n    justification: x\n")).size() ==
      2);
  // file: only the copy under a/.
  Report file = audit("  - app: Svc\n    rule: CA102\n    file: a/connectedApps/*\n    justification: x\n");
  std::size_t reported = 0;
  for (const auto& f : file.findings) {
    if (!f.suppressed()) {
      CHECK(f.file.find("/b/") != std::string::npos);
      ++reported;
    }
  }
  CHECK(reported == 2);
}

TEST_CASE("new exception keys are checked like the others", "[workflow][policy][errors]") {
  auto error_of = [](const std::string& yaml) {
    try {
      parse_policy(yaml, "policy.yaml", builtin_catalog());
    } catch (const PolicyError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_of("exceptions:\n  - app: X\n    rule: CA101\n    justification: y\n    owner: \"\"\n") ==
        "policy.yaml:5:12: exceptions[].owner must not be empty (leave it out instead)");
  CHECK(error_of("exceptions:\n  - app: X\n    rule: CA101\n    justification: y\n    tiket: SEC-1\n") ==
        "policy.yaml:5:5: unknown key 'tiket' in an exception; did you mean 'ticket'?");
  CHECK(error_of("exceptions:\n  - app: X\n    rule: CA101\n    justification: y\n    element: [a]\n")
            .starts_with("policy.yaml:5:14: exceptions[].element must be"));
}

TEST_CASE("an expired exception brings its finding back with a warning naming owner and ticket", "[workflow]") {
  test::TempDir dir;
  std::string policy = expired_exception_org(dir.path);
  auto before = test::run({"audit", dir.path.string(), "--policy", policy, "--as-of", "2026-05-31"});
  CHECK(before.code == 0);  // the last day it holds
  auto after = test::run({"audit", dir.path.string(), "--policy", policy, "--as-of", "2026-06-01"});
  CHECK(after.code == 1);
  CHECK(after.err.find(policy +
                       ":2:5: warning: exception for 'Svc' (CA101) [owner Integration team, ticket SEC-77] expired on "
                       "2026-05-31; its 1 finding is reported again") != std::string::npos);
  CHECK(after.out.find("[CA101 full-scope]") != std::string::npos);
}

TEST_CASE("an expired exception's warning is in every format", "[workflow][formats]") {
  test::TempDir dir;
  std::string policy = expired_exception_org(dir.path);
  const std::string warning =
      "exception for 'Svc' (CA101) [owner Integration team, ticket SEC-77] expired on "
      "2026-05-31; its 1 finding is reported again";
  for (const auto& format : formats()) {
    INFO("format " << format.name);
    auto r = test::run({"audit", dir.path.string(), "--policy", policy, "--as-of", "2026-06-01", "--format",
                        std::string(format.name)});
    CHECK(r.code == 1);                               // the finding is back
    CHECK(r.err.find(warning) != std::string::npos);  // every format: on stderr
    // The formats with a place for diagnostics carry it in the report itself (Markdown escapes it).
    std::string_view name = format.name;
    if (name == "json" || name == "sarif" || name == "html") {
      std::string in_file = name == "html" ? "exception for &#39;Svc&#39; (CA101) [owner Integration team, ticket "
                                             "SEC-77] expired on 2026-05-31"
                                           : warning;
      CHECK(r.out.find(in_file) != std::string::npos);
    } else if (name == "markdown") {
      CHECK(r.out.find("\\[owner Integration team, ticket SEC-77\\] expired on 2026-05-31") != std::string::npos);
    }
  }
}

TEST_CASE(".calint.yaml is discovered upward to the repository root", "[workflow][policy]") {
  test::TempDir dir;
  fs::path repo = dir.path / "repo";
  fs::create_directories(repo / ".git");
  fs::path app = repo / "force-app/main/default/connectedApps/Svc.connectedApp-meta.xml";
  test::write_file(app, app_xml(scopes({"Full"})));
  test::write_file(repo / "sfdx-project.json", "{}");
  // Above the repository: never read.
  test::write_file(dir.path / ".calint.yaml", "fail_on: critical\n");
  auto outside = test::run({"audit", (repo / "force-app").string()});
  CHECK(outside.code == 1);  // the default policy: high fails
  // At the repository root: found from a file deep below it.
  test::write_file(repo / ".calint.yaml", "fail_on: critical\n");
  auto found = test::run({"audit", app.string(), "--format", "json"});
  CHECK(found.code == 0);
  Report r;
  {
    Policy p = load_policy_file((repo / ".calint.yaml").string(), builtin_catalog());
    r = test::audit({app.string()}, &p);
  }
  CHECK(r.policy.source == (repo / ".calint.yaml").string());
  // --policy wins.
  test::write_file(dir.path / "strict.yaml", "fail_on: info\n");
  CHECK(test::run({"audit", app.string(), "--policy", (dir.path / "strict.yaml").string()}).code == 1);
  // A nearer one wins over the root's; two paths discovering different files stop the run.
  test::write_file(repo / "force-app/.calint.yaml", "fail_on: info\n");
  CHECK(test::run({"audit", app.string()}).code == 1);
  test::write_file(repo / "other/connectedApps/Other.connectedApp-meta.xml", app_xml(scopes({"Api"})));
  auto conflict = test::run({"audit", app.string(), (repo / "other").string()});
  CHECK(conflict.code == 2);
  CHECK(conflict.err == "calint: the paths given would use different policies (" + (repo / ".calint.yaml").string() +
                            " for " + (repo / "other").string() + "; " + (repo / "force-app/.calint.yaml").string() +
                            " for " + app.string() + "); choose one with --policy\n");
  CHECK(test::run({"audit", app.string(), (repo / "other").string(), "--policy", (dir.path / "strict.yaml").string()})
            .code == 1);
  // Outside any repository, only the folder itself is searched.
  test::TempDir loose;
  test::write_file(loose.path / ".calint.yaml", "fail_on: critical\n");
  test::write_file(loose.path / "org/connectedApps/Svc.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  CHECK(test::run({"audit", (loose.path / "org").string()}).code == 1);
  CHECK(test::run({"audit", loose.path.string()}).code == 0);
}

TEST_CASE("show-policy prints the merged policy with where each value comes from", "[workflow][policy]") {
  test::TempDir dir;
  test::write_file(dir.path / ".calint.yaml",
                   "fail_on: medium\nrules:\n  CA104:\n    enabled: false\nscopes:\n  deny: [Full]\n"
                   "exceptions:\n  - app: \"ns__*\"\n    rule: CA103\n    justification: \"managed: yes\"\n"
                   "    owner: sec\n");
  test::InDir in(dir.path);
  auto r = test::run({"audit", "--show-policy"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("# The policy in effect: .calint.yaml.") != std::string::npos);
  CHECK(r.out.find("fail_on: medium  # .calint.yaml:1:10") != std::string::npos);
  CHECK(r.out.find("CA104: {enabled: false, severity: low}  # .calint.yaml:3:3 (unassigned-app)") != std::string::npos);
  CHECK(r.out.find("CA101: {enabled: true, severity: high}  # default (full-scope)") != std::string::npos);
  CHECK(r.out.find("deny: [Full]  # .calint.yaml:6:9") != std::string::npos);
  CHECK(r.out.find("allow: []  # default") != std::string::npos);
  CHECK(r.out.find("max_lifetime: 90 days  # default") != std::string::npos);
  CHECK(r.out.find("app: ns__*  # .calint.yaml:8:5") != std::string::npos);
  // It is a policy: read back, it is the same policy.
  test::write_file(dir.path / "shown.yaml", r.out);
  Policy again = load_policy_file((dir.path / "shown.yaml").string(), builtin_catalog());
  Policy original = load_policy_file((dir.path / ".calint.yaml").string(), builtin_catalog());
  CHECK(again.fail_on == original.fail_on);
  CHECK_FALSE(again.rule_enabled("CA104"));
  CHECK(again.param<StringList>("scopes.deny") == StringList{"Full"});
  REQUIRE(again.exceptions.size() == 1);
  CHECK(again.exceptions[0].justification == "managed: yes");
  CHECK(again.exceptions[0].owner == "sec");
  // Without a policy file: the embedded default.
  test::TempDir empty;
  auto plain = test::run({"audit", empty.path.string(), "--show-policy"});
  CHECK(plain.code == 0);
  CHECK(plain.out.find("# The policy in effect: the embedded default policy.") != std::string::npos);
}

TEST_CASE("changed-since audits what git says changed", "[workflow][git]") {
  if (!have_git()) {
    WARN("git is not installed: --changed-since not tested");
    return;
  }
  test::TempDir dir;
  fs::path repo = dir.path / "repo";
  fs::create_directories(repo);
  REQUIRE(sh(repo, std::string(kGit) + " init -q") == 0);
  test::write_file(repo / "sfdx-project.json", "{}");
  fs::path apps = repo / "force-app/main/default/connectedApps";
  test::write_file(apps / "Good.connectedApp-meta.xml", app_xml(scopes({"Api"})));
  test::write_file(apps / "Bad.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  test::write_file(repo / ".gitignore", "ignored/\n");
  REQUIRE(sh(repo, std::string(kGit) + " add -A && " + kGit + " commit -qm base") == 0);
  REQUIRE(sh(repo, std::string(kGit) + " checkout -qb feature") == 0);
  test::InDir in(repo);

  // Nothing changed: nothing relevant, exit 0 (the existing Bad app is not audited).
  auto clean = test::run({"audit", "--changed-since", "main"});
  CHECK(clean.code == 0);
  CHECK(clean.err.find("note: nothing relevant changed: no file changed") != std::string::npos);

  // Committed, staged, unstaged and untracked changes; ignored files are not.
  test::write_file(apps / "Committed.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  REQUIRE(sh(repo, std::string(kGit) + " add -A && " + kGit + " commit -qm c") == 0);
  test::write_file(apps / "Staged.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  REQUIRE(sh(repo, std::string(kGit) + " add -A") == 0);
  test::write_file(apps / "Good.connectedApp-meta.xml", app_xml(scopes({"Full"})));  // unstaged
  test::write_file(apps / "Untracked.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  test::write_file(repo / "ignored/connectedApps/Ignored.connectedApp-meta.xml", app_xml(scopes({"Full"})));
  auto r = test::run({"audit", "--changed-since", "main", "--format", "json"});
  CHECK(r.code == 1);
  for (const char* name : {"Committed", "Staged", "Good", "Untracked"}) {
    CHECK(r.out.find(std::string("\"name\": \"") + name + "\"") != std::string::npos);
  }
  CHECK(r.out.find("\"name\": \"Bad\"") == std::string::npos);
  CHECK(r.out.find("Ignored") == std::string::npos);
  // Below the paths given only.
  auto below = test::run({"audit", "--changed-since", "main", "ignored", "--format", "json"});
  CHECK(below.code == 0);

  // A deleted file (committed deletion): skipped with a note, no error.
  REQUIRE(sh(repo, std::string(kGit) + " rm -q force-app/main/default/connectedApps/Bad.connectedApp-meta.xml") == 0);
  auto deleted = test::run({"audit", "--changed-since", "main"});
  CHECK(deleted.code == 1);
  CHECK(deleted.err.find("force-app/main/default/connectedApps/Bad.connectedApp-meta.xml: no longer exists "
                         "(deleted), skipped") != std::string::npos);

  // From a subfolder, paths are shown from there.
  {
    test::InDir sub(repo / "force-app");
    auto from_sub = test::run({"audit", "--changed-since", "main", "--format", "json"});
    CHECK(from_sub.out.find("\"file\": \"main/default/connectedApps/Staged.connectedApp-meta.xml\"") !=
          std::string::npos);
  }

  auto unknown = test::run({"audit", "--changed-since", "no-such-branch"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err ==
        "calint: --changed-since: unknown git revision 'no-such-branch' (for a pull request, fetch the base branch "
        "first: git fetch origin main, then --changed-since origin/main)\n");
  CHECK(unknown.out.empty());
  auto option = test::run({"audit", "--changed-since", "--upload-pack=x"});
  CHECK(option.code == 2);

  test::TempDir outside;
  test::InDir out(outside.path);
  auto no_repo = test::run({"audit", "--changed-since", "main"});
  CHECK(no_repo.code == 2);
  CHECK(no_repo.err.starts_with("calint: --changed-since needs a git repository, and " + outside.path.string() +
                                " is not in one ("));
}
