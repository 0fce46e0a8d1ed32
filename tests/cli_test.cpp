// The command line end to end, in-process: exit codes and exact error texts.
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/progress.h"
#include "policy/catalog.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {
const char* kApp =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
    "    <label>X</label>\n    <oauthConfig>\n        <isAdminApproved>true</isAdminApproved>\n"
    "        <scopes>Api</scopes>\n    </oauthConfig>\n"
    "    <oauthPolicy>\n        <ipRelaxation>ENFORCE</ipRelaxation>\n    </oauthPolicy>\n"
    "    <profileName>Nobody</profileName>\n</ConnectedApp>\n";
}

TEST_CASE("exit codes follow the contract", "[cli]") {
  CHECK(test::run({"audit", "samples/source-org", "--no-color"}).code == 1);
  CHECK(test::run({"audit", "samples/source-org", "--exit-zero"}).code == 0);
  CHECK(test::run({"audit", "samples/source-org", "--fail-on", "critical"}).code == 1);

  test::TempDir dir;
  test::write_file(dir.path / "connectedApps/X.connectedApp-meta.xml", kApp);
  // A well-configured app: nothing at any severity.
  auto clean = test::run({"audit", dir.path.string(), "--fail-on", "info"});
  CHECK(clean.code == 0);
  CHECK(clean.out.find("0 findings") != std::string::npos);
  // The same app without assignments: one low finding, below the default threshold.
  test::TempDir low_dir;
  std::string unassigned = kApp;
  unassigned.erase(unassigned.find("    <profileName>"), std::string("    <profileName>Nobody</profileName>\n").size());
  test::write_file(low_dir.path / "X.connectedApp-meta.xml", unassigned);
  CHECK(test::run({"audit", low_dir.path.string()}).code == 0);
  CHECK(test::run({"audit", low_dir.path.string(), "--fail-on", "low"}).code == 1);
  CHECK(test::run({"audit", low_dir.path.string(), "--fail-on", "low", "--exit-zero"}).code == 0);
  test::write_file(dir.path / "connectedApps/Y.connectedApp-meta.xml",
                   std::string(kApp).replace(std::string(kApp).find("Api"), 3, "Full"));
  CHECK(test::run({"audit", dir.path.string()}).code == 1);
  CHECK(test::run({"audit", dir.path.string(), "--fail-on", "critical"}).code == 0);
}

TEST_CASE("errors exit 2 and win over findings; the rest is still reported", "[cli][errors]") {
  auto missing = test::run({"audit", "samples/source-org", "no/such/export", "--no-color"});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("no/such/export: error: cannot read: No such file or directory") != std::string::npos);
  CHECK(missing.out.find("no/such/export: error") == std::string::npos);  // diagnostics go to stderr only
  CHECK(missing.out.find("[CA101 full-scope]") != std::string::npos);

  test::TempDir empty;
  test::write_file(empty.path / "README.md", "nothing here");
  auto nothing = test::run({"audit", empty.path.string()});
  CHECK(nothing.code == 2);
  CHECK(nothing.err.find(empty.path.string() +
                         ": error: nothing to audit: no Connected App, External Client App, settings, profile or "
                         "permission set metadata found") != std::string::npos);
  CHECK(nothing.out.find("0 findings") != std::string::npos);

  auto json = test::run({"audit", "no/such/export", "--format", "json"});
  CHECK(json.code == 2);
  auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["errors"].size() == 1);
  CHECK(doc["errors"][0]["path"] == "no/such/export");
  CHECK(json.err == "no/such/export: error: cannot read: No such file or directory\n");

  // A file list with nothing calint reads: nothing relevant changed, which is no error.
  auto single = test::run({"audit", (empty.path / "README.md").string()});
  CHECK(single.code == 0);
  CHECK(single.err.find("note: nothing relevant changed: " + (empty.path / "README.md").string() +
                        " is not metadata calint reads") != std::string::npos);
}

TEST_CASE("a broken metadata file is CA000, counted against the threshold", "[cli][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "connectedApps/X.connectedApp-meta.xml", kApp);
  test::write_file(dir.path / "connectedApps/Broken.connectedApp-meta.xml", "<ConnectedApp><label>x</ConnectedApp>");
  auto r = test::run({"audit", dir.path.string(), "--format", "json"});
  CHECK(r.code == 1);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() >= 1);
  CHECK(doc["findings"][0]["rule"] == "CA000");
  CHECK(doc["findings"][0]["line"] == 1);
  CHECK(doc["findings"][0]["component"]["name"] == "Broken");
  CHECK(doc["summary"]["files_audited"] == 2);
}

TEST_CASE("a bad policy is exit 2 with file:line:col before any file is read", "[cli][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "policy.yaml", "fail_on: high\nrules:\n  CA1O1:\n    enabled: false\n");
  auto r = test::run({"audit", "samples/source-org", "--policy", (dir.path / "policy.yaml").string()});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        (dir.path / "policy.yaml").string() + ":3:3: unknown rule 'CA1O1' in 'rules'; did you mean 'CA101'?\n");
  auto missing = test::run({"audit", "samples/source-org", "--policy", "nope.yaml"});
  CHECK(missing.code == 2);
  CHECK(missing.err == "nope.yaml: cannot read policy file\n");
}

TEST_CASE("usage errors exit 2 with a message", "[cli][errors]") {
  auto none = test::run({});
  CHECK(none.code == 2);
  auto format = test::run({"audit", "samples/source-org", "--format", "xml"});
  CHECK(format.code == 2);
  CHECK(format.err.find("--format") != std::string::npos);
  auto as_of = test::run({"audit", "samples/source-org", "--as-of", "2026-02-30"});
  CHECK(as_of.code == 2);
  CHECK(as_of.err == "calint: --as-of must be a date YYYY-MM-DD, found '2026-02-30'\n");
  auto jobs = test::run({"audit", "samples/source-org", "--jobs", "0"});
  CHECK(jobs.code == 2);
  auto output = test::run({"audit", "samples/source-org", "--output", "/nonexistent/dir/report.txt"});
  CHECK(output.code == 2);
  CHECK(output.err.rfind("calint: cannot write report to '/nonexistent/dir/report.txt': No such file or directory\n",
                         0) == 0);
  auto help = test::run({"audit", "--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("--fail-on") != std::string::npos);
}

TEST_CASE("the output option writes the report to a file", "[cli]") {
  test::TempDir dir;
  auto r = test::run({"audit", "samples/source-org", "--format", "json", "--output", (dir.path / "r.json").string()});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  auto doc = nlohmann::json::parse(test::read_file(dir.path / "r.json"));
  CHECK(doc["tool"]["name"] == "calint");
}

TEST_CASE("rules, explain and init", "[cli]") {
  auto rules = test::run({"rules"});
  CHECK(rules.code == 0);
  CHECK(rules.out.find("CA101  high") != std::string::npos);
  auto json = nlohmann::json::parse(test::run({"rules", "--format", "json"}).out);
  CHECK(json.size() == builtin_catalog().rules().size());

  auto explain = test::run({"explain", "CA302"});
  CHECK(explain.code == 0);
  CHECK(explain.out.find("refresh_tokens.max_lifetime = 90 days") != std::string::npos);
  auto by_name = test::run({"explain", "full-scope"});
  CHECK(by_name.out.rfind("CA101 full-scope", 0) == 0);
  auto lower = test::run({"explain", "ca101"});
  CHECK(lower.code == 0);
  auto unknown = test::run({"explain", "CA1O1"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "calint: unknown rule 'CA1O1'; did you mean 'CA101'?\n");
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml", "refresh_tokens:\n  max_lifetime: 30 days\n");
  auto with_policy = test::run({"explain", "CA302", "--policy", (dir.path / "p.yaml").string()});
  CHECK(with_policy.out.find("refresh_tokens.max_lifetime = 30 days") != std::string::npos);

  auto init = test::run({"init"});
  CHECK(init.code == 0);
  CHECK(init.out == default_policy_text());
  fs::path file = dir.path / "calint.yaml";
  CHECK(test::run({"init", file.string()}).code == 0);
  CHECK(test::read_file(file) == default_policy_text());
  auto again = test::run({"init", file.string()});
  CHECK(again.code == 2);
  CHECK(again.err == "calint: '" + file.string() + "' exists; use --force to overwrite it\n");
  CHECK(test::run({"init", file.string(), "--force"}).code == 0);
  // What init writes is a policy calint accepts, and it audits like the embedded default.
  CHECK(test::run({"audit", "samples/source-org", "--policy", file.string(), "--exit-zero"}).code == 0);
}

TEST_CASE("no report prints a consumer secret", "[cli][secrets]") {
  test::TempDir dir;
  const std::string secret = "8F3A9C2B7E6D5F4A1B0C9D8E7F6A5B4C3D2E1F0A9B8C7D6E5F4A3B2C1D0E9F8A";
  std::string app = kApp;
  app.replace(app.find("<scopes>"), 0, "<consumerSecret>" + secret + "</consumerSecret>\n        ");
  test::write_file(dir.path / "connectedApps/X.connectedApp-meta.xml", app);
  test::write_file(dir.path / "connectedApps/Broken.connectedApp-meta.xml",
                   "<ConnectedApp>\n<oauthConfig><consumerSecret>" + secret + "</consumerSecret><x></oauthConfig>");
  for (const char* format : {"text", "json"}) {
    auto r = test::run({"audit", dir.path.string(), "--format", format});
    INFO(format);
    CHECK(r.code == 1);
    CHECK(r.out.find("CA401") != std::string::npos);
    CHECK(r.out.find("CA000") != std::string::npos);
    CHECK(r.out.find(secret.substr(0, 12)) == std::string::npos);
    CHECK(r.err.find(secret.substr(0, 12)) == std::string::npos);
  }
}

TEST_CASE("exceptions suppress until they expire, and say so", "[cli]") {
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml",
                   "exceptions:\n  - app: 'Campaign_*'\n    rule: CA101\n    justification: vendor needs it\n"
                   "    expires: 2026-06-01\n");
  std::string policy = (dir.path / "p.yaml").string();
  auto on_day =
      test::run({"audit", "samples/source-org", "--policy", policy, "--format", "json", "--as-of", "2026-06-01"});
  auto doc = nlohmann::json::parse(on_day.out);
  bool suppressed = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "CA101" && f["component"]["name"] == "Campaign_Studio_Connector") suppressed = f["suppressed"];
  }
  CHECK(suppressed);  // the expiry date is inclusive
  CHECK(doc["summary"]["suppressed"] == 1);
  auto after =
      test::run({"audit", "samples/source-org", "--policy", policy, "--format", "json", "--as-of", "2026-06-02"});
  auto later = nlohmann::json::parse(after.out);
  CHECK(later["summary"]["suppressed"] == 0);
  CHECK(after.err.find(policy + ":2:5: warning: exception for 'Campaign_*' (CA101) expired on 2026-06-01") !=
        std::string::npos);
}

TEST_CASE("a per-app scope entry that matches no app is a warning", "[cli]") {
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml", "scopes:\n  apps:\n    - app: Warehouse_Scaner\n      allow: [Api]\n");
  auto r = test::run({"audit", "samples/source-org", "--policy", (dir.path / "p.yaml").string(), "--format", "json"});
  CHECK(r.err.find((dir.path / "p.yaml").string() +
                   ":3:7: warning: scopes.apps entry for 'Warehouse_Scaner' matches no app in the audited export; "
                   "check the name") != std::string::npos);
}

TEST_CASE("text from hostile files cannot drive the terminal", "[cli][secrets]") {
  test::TempDir dir;
  test::write_file(dir.path / "connectedApps/X.connectedApp-meta.xml",
                   "<ConnectedApp>\n  <oauthConfig><scopes>Api</scopes></oauthConfig>\n"
                   "  <oauthPolicy><ipRelaxation>\x1b[2J\x1b]0;owned\x07</ipRelaxation></oauthPolicy>\n"
                   "</ConnectedApp>\n");
  auto r = test::run({"audit", dir.path.string(), "--no-color"});
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("\\x1b[2J") != std::string::npos);
}

TEST_CASE("each -o FORMAT:PATH writes one more report; with only -o standard output stays empty", "[cli][output]") {
  test::TempDir dir;
  const std::string json = (dir.path / "r.json").string();
  const std::string sarif = (dir.path / "sub dir" / "r.sarif").string();
  fs::create_directories(dir.path / "sub dir");
  auto only = test::run({"audit", "samples/source-org", "-o", "json:" + json, "-o", "sarif:" + sarif});
  CHECK(only.code == 1);
  CHECK(only.out.empty());
  CHECK(nlohmann::json::parse(test::read_file(json))["format_version"] == 1);
  CHECK(nlohmann::json::parse(test::read_file(sarif))["version"] == "2.1.0");
  // --format still writes to standard output alongside -o; a path may hold a colon.
  const std::string colon = (dir.path / "a:b.csv").string();
  auto both = test::run({"audit", "samples/source-org", "--format", "markdown", "-o", "csv:" + colon});
  CHECK(both.out.rfind("## ", 0) == 0);
  CHECK(test::read_file(colon).rfind("severity,rule,", 0) == 0);
  // --output without --format is text, and -o FORMAT:- is standard output.
  const std::string txt = (dir.path / "r.txt").string();
  auto dash = test::run({"audit", "samples/source-org", "--output", txt, "-o", "github:-"});
  CHECK(dash.out.rfind("::error ", 0) == 0);
  CHECK(test::read_file(txt).find("Summary: 52 findings") != std::string::npos);
}

TEST_CASE("bad -o options name the valid formats and stop before auditing", "[cli][output][errors]") {
  auto unknown = test::run({"audit", "samples/source-org", "-o", "xml:r.xml"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err ==
        "calint: -o 'xml:r.xml': unknown format 'xml'; formats: text, json, sarif, html, markdown, junit, csv, "
        "gitlab, github, inventory\n");
  auto no_colon = test::run({"audit", "samples/source-org", "-o", "report.json"});
  CHECK(no_colon.code == 2);
  CHECK(no_colon.err == "calint: -o takes FORMAT:PATH, found 'report.json'\n");
  auto two_stdout = test::run({"audit", "samples/source-org", "-o", "json:-", "-o", "sarif:-"});
  CHECK(two_stdout.code == 2);
  CHECK(two_stdout.err == "calint: only one report can go to standard output (--format, or one -o FORMAT:-)\n");
  auto format_and_dash = test::run({"audit", "samples/source-org", "--format", "json", "-o", "sarif:-"});
  CHECK(format_and_dash.code == 2);
  auto same_file = test::run({"audit", "samples/source-org", "-o", "json:r.out", "-o", "sarif:./r.out"});
  CHECK(same_file.code == 2);
  CHECK(same_file.err == "calint: two reports would be written to './r.out'\n");
  CHECK_FALSE(fs::exists("r.out"));
  auto render = test::run({"render", "x.json", "-o", "pdf:x.pdf"});
  CHECK(render.code == 2);
  CHECK(render.err.rfind("calint: -o 'pdf:x.pdf': unknown format 'pdf'", 0) == 0);
}

TEST_CASE("reports are written atomically: a failed write leaves the old report", "[cli][output]") {
  test::TempDir dir;
  fs::path report = dir.path / "report.json";
  test::write_file(report, "previous report\n");
  fs::permissions(report, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  CHECK(test::run({"audit", "samples/source-org", "-o", "json:" + report.string()}).code == 1);
  CHECK(nlohmann::json::parse(test::read_file(report))["tool"]["name"] == "calint");
  // The file keeps its mode, and no temporary file is left behind.
  CHECK((fs::status(report).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);

  // A folder where the file should go: the write fails, nothing is replaced, exit 2.
  fs::create_directories(dir.path / "taken.json");
  auto folder = test::run({"audit", "samples/source-org", "-o", "json:" + (dir.path / "taken.json").string()});
  CHECK(folder.code == 2);
  CHECK(folder.err.rfind("calint: cannot write report to '" + (dir.path / "taken.json").string() + "': it is a folder",
                         0) == 0);
  // A character device is written in place (no rename over /dev/null).
  CHECK(test::run({"audit", "samples/source-org", "-o", "json:/dev/null"}).code == 1);
  CHECK(fs::is_character_file("/dev/null"));
  // A symbolic link is followed: the report replaces its target, the link stays.
  test::write_file(dir.path / "target.md", "old\n");
  fs::create_symlink(dir.path / "target.md", dir.path / "link.md");
  CHECK(test::run({"audit", "samples/source-org", "-o", "markdown:" + (dir.path / "link.md").string()}).code == 1);
  CHECK(fs::is_symlink(dir.path / "link.md"));
  CHECK(test::read_file(dir.path / "target.md").rfind("## ", 0) == 0);
}

TEST_CASE("render reads standard input and takes the same output options", "[cli][render]") {
  test::TempDir dir;
  const std::string json = (dir.path / "r.json").string();
  test::run({"audit", "samples/source-org", "--format", "json", "--output", json, "--as-of", "2026-06-01"});
  auto text = test::run({"render", json});
  CHECK(text.code == 0);  // render reports; the audit decides the exit code
  CHECK(text.out.find("Summary: 52 findings") != std::string::npos);
  CHECK(text.err.find("note: ConnectedApp Partner_Portal") != std::string::npos);
  auto quiet = test::run({"render", json, "--quiet"});
  CHECK(quiet.err.empty());
  auto junk = test::run({"render", (test::source_dir() / "samples/README.md").string()});
  CHECK(junk.code == 2);
  CHECK(junk.err.find(": not JSON: ") != std::string::npos);
}

TEST_CASE("quiet mode silences notes but not warnings or errors", "[cli]") {
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml", "scopes:\n  apps:\n    - app: Nope\n      allow: [Api]\n");
  auto r = test::run({"audit", "samples/source-org", "no/such/export", "--policy", (dir.path / "p.yaml").string(),
                      "--quiet", "--format", "json"});
  CHECK(r.err.find("note:") == std::string::npos);
  CHECK(r.err.find("warning: scopes.apps entry for 'Nope'") != std::string::npos);
  CHECK(r.err.find("no/such/export: error: cannot read") != std::string::npos);
}

TEST_CASE("progress is redrawn in place once the delay passed, and cleared at the end", "[cli][progress]") {
  using namespace std::chrono_literals;
  CHECK(ProgressLine::text(12, 40, 1500ms) == "calint: 12/40 files read, 1.5 s");
  Progress progress;
  progress.files_listed = 10;
  progress.files_read = 4;
  std::ostringstream err;
  {
    ProgressLine line(err, progress, 0ms);
    for (int i = 0; i < 1000 && !line.drawn(); ++i) std::this_thread::sleep_for(10ms);
    REQUIRE(line.drawn());
  }
  CHECK(err.str().rfind("\r\033[Kcalint: 4/10 files read, ", 0) == 0);
  CHECK(err.str().substr(err.str().size() - 4) == "\r\033[K");
  std::ostringstream short_run;
  { ProgressLine line(short_run, progress, 1h); }
  CHECK(short_run.str().empty());
  // The command line shows it only on a terminal, and never with --quiet or in CI.
  CHECK_FALSE(show_progress(false, false));
  CHECK_FALSE(show_progress(true, true));
  auto r = test::run({"audit", "samples/source-org", "--format", "json", "--output", "/dev/null"});
  CHECK(r.err.find('\r') == std::string::npos);
}

TEST_CASE("the source root is the git top-level of the current folder, else the current folder", "[cli][output]") {
  test::TempDir dir;
  fs::create_directories(dir.path / "repo/.git");
  std::string full = kApp;
  full.replace(full.find("Api"), 3, "Full");  // one finding
  test::write_file(dir.path / "repo/sub/export/connectedApps/X.connectedApp-meta.xml", full);
  test::write_file(dir.path / "plain/export/connectedApps/X.connectedApp-meta.xml", full);
  fs::path before = fs::current_path();
  auto uri = [](const std::string& sarif) {
    return nlohmann::json::parse(
               sarif)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .get<std::string>();
  };
  fs::current_path(dir.path / "repo/sub");
  auto in_repo = test::run({"audit", "export", "--format", "sarif"});
  auto pinned = test::run({"audit", "export", "--format", "sarif", "--srcroot", "."});
  fs::current_path(dir.path / "plain");
  auto plain = test::run({"audit", "export", "--format", "sarif"});
  fs::current_path(before);
  CHECK(uri(in_repo.out) == "sub/export/connectedApps/X.connectedApp-meta.xml");
  CHECK(uri(pinned.out) == "export/connectedApps/X.connectedApp-meta.xml");
  CHECK(uri(plain.out) == "export/connectedApps/X.connectedApp-meta.xml");
}

TEST_CASE("an approved_apps entry that matches no app is a warning; listed apps are not reported", "[cli]") {
  test::TempDir dir;
  test::write_file(dir.path / "p.yaml",
                   "approved_apps:\n  - {app: \"*\", owner: Everyone}\n  - {app: Inventory_Sync_Legacy, owner: x}\n");
  auto r = test::run({"audit", "samples/source-org", "--policy", (dir.path / "p.yaml").string(), "--format", "json"});
  CHECK(r.err.find((dir.path / "p.yaml").string() +
                   ":3:5: warning: approved_apps entry for 'Inventory_Sync_Legacy' matches no app in the audited "
                   "export; remove it if the app is gone, or correct the name") != std::string::npos);
  CHECK(r.out.find("\"rule\": \"CA901\"") == std::string::npos);  // "*" lists every app
}

TEST_CASE("show-suppressed lists accepted risks in text; JSON always carries them", "[cli][suppressed]") {
  std::vector<std::string> args = {"audit",   "samples/source-org", "--policy", "samples/policies/strict.yaml",
                                   "--as-of", "2026-06-01"};
  auto plain = test::run(args);
  CHECK(plain.out.find("Accepted by policy exceptions") == std::string::npos);
  CHECK(plain.out.find("2 accepted by exceptions (--show-suppressed lists them)") != std::string::npos);
  args.emplace_back("--show-suppressed");
  auto shown = test::run(args);
  CHECK(shown.out.find("Accepted by policy exceptions") != std::string::npos);
  CHECK(shown.out.find("(exception: Acme Rate Shopper is a managed package") != std::string::npos);
  CHECK(shown.out.find("2 accepted by exceptions;") != std::string::npos);
  args.pop_back();
  args.emplace_back("--format");
  args.emplace_back("json");
  auto json = nlohmann::json::parse(test::run(args).out);
  std::size_t suppressed = 0;
  for (const auto& f : json["findings"]) {
    if (f["suppressed"] == true) {
      ++suppressed;
      CHECK(f["suppression"]["justification"].get<std::string>().find("Acme Rate Shopper") == 0);
    }
  }
  CHECK(suppressed == 2);
}
