// Baselines and fingerprint v2: a run fails only on what is new, and fingerprints survive what
// retrieves and format changes do to files.
#include <algorithm>
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/baseline.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

Report audit_with(const std::vector<std::string>& paths, const Baseline* baseline, const Policy* policy = nullptr) {
  AuditOptions options;
  options.paths = paths;
  options.jobs = 2;
  options.today = *parse_date("2026-06-01");
  options.baseline = baseline;
  Policy fallback = default_policy(builtin_catalog());
  return run_audit(options, policy ? *policy : fallback, builtin_catalog());
}

std::multiset<std::string> fingerprints(const Report& r) {
  std::multiset<std::string> out;
  for (const auto& f : r.findings) out.insert(f.fingerprint);
  return out;
}

std::size_t count(const Report& r, BaselineState s) {
  return static_cast<std::size_t>(
      std::count_if(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.baseline == s; }));
}

}  // namespace

TEST_CASE("fingerprints survive format conversion, moving the project and duplicates get #2", "[baseline]") {
  Report source = test::audit({"samples/source-org"});
  Report mdapi = test::audit({"samples/mdapi-org"});
  REQUIRE(source.findings.size() > 20);
  CHECK(fingerprints(source) == fingerprints(mdapi));

  // The same project somewhere else, under another name, reached by another spelling.
  test::TempDir dir;
  fs::create_directories(dir.path / "elsewhere");
  fs::copy(test::source_dir() / "samples/source-org", dir.path / "elsewhere/renamed", fs::copy_options::recursive);
  Report moved = test::audit({(dir.path / "elsewhere/./renamed/").string()});
  CHECK(fingerprints(moved) == fingerprints(source));

  // A backup copy of an app in the same export: every finding twice, each with its own fingerprint.
  fs::create_directories(dir.path / "elsewhere/renamed/Doc/backup");
  fs::copy(dir.path / "elsewhere/renamed/force-app/main/default/connectedApps",
           dir.path / "elsewhere/renamed/Doc/backup/connectedApps", fs::copy_options::recursive);
  Report doubled = test::audit({(dir.path / "elsewhere/renamed").string()});
  std::multiset<std::string> all = fingerprints(doubled);
  std::set<std::string> unique(all.begin(), all.end());
  CHECK(unique.size() == doubled.findings.size());
  // The copy sorts first (Doc/ < force-app/), so the original's findings are the second occurrences.
  CHECK(unique.size() > source.findings.size());
}

TEST_CASE("a baseline written from source format holds on the metadata-API form", "[baseline]") {
  test::TempDir dir;
  fs::path file = dir.path / "baseline.json";
  auto wrote = test::run({"audit", "samples/source-org", "--write-baseline", file.string(), "--as-of", "2026-06-01"});
  CHECK(wrote.code == 0);  // everything just written is unchanged
  CHECK(wrote.err.find("calint: wrote ") != std::string::npos);
  Baseline b = read_baseline(file.string());
  Report source = test::audit({"samples/source-org"});
  std::size_t unsuppressed = static_cast<std::size_t>(
      std::count_if(source.findings.begin(), source.findings.end(), [](const Finding& f) { return !f.suppressed(); }));
  CHECK(b.entries.size() == unsuppressed);

  Report mdapi = audit_with({"samples/mdapi-org"}, &b);
  REQUIRE(mdapi.baseline);
  CHECK(mdapi.baseline->new_findings == 0);
  CHECK(mdapi.baseline->unchanged == b.entries.size());
  CHECK(mdapi.baseline->fixed.empty());
  CHECK(count(mdapi, BaselineState::New) == 0);
  auto cli = test::run(
      {"audit", "samples/mdapi-org", "--baseline", file.string(), "--fail-on", "info", "--as-of", "2026-06-01"});
  CHECK(cli.code == 0);
}

TEST_CASE("only new findings fail the run; fixed ones are counted; --update-baseline drops them", "[baseline]") {
  test::TempDir dir;
  fs::path org = dir.path / "org";
  fs::copy(test::source_dir() / "samples/source-org", org, fs::copy_options::recursive);
  fs::path file = dir.path / "baseline.json";
  REQUIRE(test::run({"audit", org.string(), "--write-baseline", file.string(), "--as-of", "2026-06-01"}).code == 0);
  Baseline before = read_baseline(file.string());

  // A clean app gets Full scope (new, high), and a high finding elsewhere is fixed.
  fs::path good = org / "force-app/main/default/connectedApps/Order_Sync_Service.connectedApp-meta.xml";
  std::string text = test::read_file(good);
  auto at = text.find("<scopes>Api</scopes>");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("<scopes>Api</scopes>").size(), "<scopes>Full</scopes>");
  test::write_file(good, text);
  fs::path wide = org / "force-app/main/default/connectedApps/Campaign_Studio_Connector.connectedApp-meta.xml";
  std::string campaign = test::read_file(wide);
  at = campaign.find("<scopes>Full</scopes>");
  REQUIRE(at != std::string::npos);
  campaign.erase(at, std::string("<scopes>Full</scopes>").size());
  test::write_file(wide, campaign);

  Report r = audit_with({org.string()}, &before);
  REQUIRE(r.baseline);
  CHECK(r.baseline->path == file.string());
  REQUIRE(r.baseline->new_findings == 1);
  const auto fresh = std::find_if(r.findings.begin(), r.findings.end(),
                                  [](const Finding& f) { return f.baseline == BaselineState::New; });
  CHECK(fresh->rule == "CA101");
  CHECK(fresh->component.name == "Order_Sync_Service");
  REQUIRE(r.baseline->fixed.size() == 1);
  CHECK(r.baseline->fixed[0].rule == "CA101");
  CHECK(r.baseline->fixed[0].component.name == "Campaign_Studio_Connector");
  CHECK(r.baseline->unchanged == before.entries.size() - 1);
  CHECK(count_at_or_above(r, Severity::Info) == 1);  // only the new finding counts
  CHECK(test::run({"audit", org.string(), "--baseline", file.string(), "--as-of", "2026-06-01"}).code == 1);

  // --update-baseline: the fixed entry goes, nothing is added (the new finding stays new).
  auto updated =
      test::run({"audit", org.string(), "--baseline", file.string(), "--update-baseline", "--as-of", "2026-06-01"});
  CHECK(updated.code == 1);
  CHECK(updated.err.find("1 fixed entry removed") != std::string::npos);
  Baseline after = read_baseline(file.string());
  CHECK(after.entries.size() == before.entries.size() - 1);
  // The fixed problem comes back: it is new now.
  test::write_file(wide, test::read_file(wide).replace(at, 0, "<scopes>Full</scopes>"));
  Report back = audit_with({org.string()}, &after);
  CHECK(back.baseline->new_findings == 2);
}

TEST_CASE("baseline files: what is written, what is refused", "[baseline][errors]") {
  test::TempDir dir;
  fs::path file = dir.path / "b.json";
  REQUIRE(test::run({"audit", "samples/source-org", "--write-baseline", file.string(), "--as-of", "2026-06-01"}).code ==
          0);
  auto doc = nlohmann::json::parse(test::read_file(file));
  CHECK(doc["version"] == 1);
  CHECK(doc["fingerprint"] == "calint/v2");
  REQUIRE(doc["findings"].size() > 0);
  const auto& first = doc["findings"][0];
  CHECK(first["fingerprint"].get<std::string>().size() == 32);
  CHECK(first.contains("rule"));
  CHECK(first["component"].contains("type"));
  CHECK(first.contains("message"));
  CHECK_FALSE(fs::exists(dir.path / "b.json.tmp"));

  auto bad = [&](const std::string& content) {
    test::write_file(dir.path / "bad.json", content);
    return test::run(
        {"audit", "samples/source-org", "--baseline", (dir.path / "bad.json").string(), "--as-of", "2026-06-01"});
  };
  std::string p = (dir.path / "bad.json").string();
  auto r = bad("not json");
  CHECK(r.code == 2);
  CHECK(r.err == p + ": not a calint baseline: JSON does not parse (byte 2)\n");
  CHECK(r.out.empty());
  CHECK(bad("{\"version\": 2, \"fingerprint\": \"calint/v2\", \"findings\": []}").err ==
        p + ": baseline version 2 is not one this calint reads (version 1)\n");
  CHECK(bad("{\"version\": 1, \"fingerprint\": \"calint/v1\", \"findings\": []}").err ==
        p + ": baseline fingerprints are 'calint/v1', but this calint computes 'calint/v2'; write a new baseline with "
            "--write-baseline\n");
  CHECK(bad("{\"version\": 1, \"fingerprint\": \"calint/v2\", \"findings\": [{\"fingerprint\": \"x\", \"rule\": "
            "\"CA101\", \"component\": {\"type\": \"ConnectedApp\", \"name\": \"X\"}}]}")
            .err == p + ": findings[0]: fingerprint 'x' is not 32 hex digits\n");
  CHECK(bad("{\"version\": 1, \"fingerprint\": \"calint/v2\"}").err == p + ": the baseline has no 'findings'\n");
  auto missing = test::run(
      {"audit", "samples/source-org", "--baseline", (dir.path / "none.json").string(), "--as-of", "2026-06-01"});
  CHECK(missing.code == 2);
  CHECK(missing.err ==
        (dir.path / "none.json").string() + ": cannot read baseline (write one with --write-baseline)\n");

  auto both = test::run(
      {"audit", "samples/source-org", "--baseline", file.string(), "--write-baseline", p, "--as-of", "2026-06-01"});
  CHECK(both.code == 2);
  CHECK(both.err.starts_with("calint: --write-baseline cannot be combined with --baseline"));
  auto update = test::run({"audit", "samples/source-org", "--update-baseline", "--as-of", "2026-06-01"});
  CHECK(update.code == 2);
  CHECK(update.err == "calint: --update-baseline needs --baseline FILE (the baseline to rewrite)\n");
  fs::path app = test::source_dir() /
                 "samples/source-org/force-app/main/default/connectedApps/"
                 "Partner_Portal.connectedApp-meta.xml";
  auto partial =
      test::run({"audit", app.string(), "--write-baseline", (dir.path / "p.json").string(), "--as-of", "2026-06-01"});
  CHECK(partial.code == 2);
  CHECK(partial.err.starts_with("calint: --write-baseline needs whole exports (folders or zips), not a list of files"));
  CHECK_FALSE(fs::exists(dir.path / "p.json"));
  auto unwritable = test::run(
      {"audit", "samples/source-org", "--write-baseline", "/nonexistent/dir/b.json", "--as-of", "2026-06-01"});
  CHECK(unwritable.code == 2);
  CHECK(unwritable.err == "/nonexistent/dir/b.json: cannot write baseline\n");
}

TEST_CASE("suppressed findings are not baselined; a baselined finding is not suppressed", "[baseline]") {
  test::TempDir dir;
  Policy policy =
      parse_policy("exceptions:\n  - app: Campaign_Studio_Connector\n    rule: CA101\n    justification: ok\n",
                   "p.yaml", builtin_catalog());
  Report r = test::audit({"samples/source-org"}, &policy);
  std::vector<BaselineEntry> entries = baseline_entries(r);
  CHECK(std::none_of(entries.begin(), entries.end(), [](const BaselineEntry& e) {
    return e.rule == "CA101" && e.component.name == "Campaign_Studio_Connector";
  }));
  Baseline b{"b.json", entries};
  Report again = audit_with({"samples/source-org"}, &b, &policy);
  for (const auto& f : again.findings) {
    CHECK(f.suppressed() == (f.baseline == BaselineState::None));
    CHECK_FALSE((f.suppressed() && f.counts()));
  }
  CHECK(again.baseline->fixed.empty());  // the suppressed finding is still there
  CHECK(again.baseline->new_findings == 0);
}

TEST_CASE("a partial run counts as fixed only what it covered", "[baseline][partial]") {
  test::TempDir dir;
  fs::path org = dir.path / "org";
  fs::copy(test::source_dir() / "samples/source-org", org, fs::copy_options::recursive);
  Report full = test::audit({org.string()});
  Baseline b{"b.json", baseline_entries(full)};
  fs::path app = org / "force-app/main/default/connectedApps/Campaign_Studio_Connector.connectedApp-meta.xml";
  Report part = audit_with({app.string()}, &b);
  CHECK(part.partial);
  REQUIRE(part.baseline);
  CHECK(part.baseline->fixed.empty());  // the other components' entries were not audited
  CHECK(part.baseline->new_findings == 0);
  CHECK(part.baseline->unchanged == part.findings.size());
  // The app's Full scope is removed: the partial run of its file covers the app, so that entry is fixed.
  std::string text = test::read_file(app);
  auto at = text.find("<scopes>Full</scopes>");
  REQUIRE(at != std::string::npos);
  test::write_file(app, text.erase(at, std::string("<scopes>Full</scopes>").size()));
  Report fixed = audit_with({app.string()}, &b);
  REQUIRE(fixed.baseline->fixed.size() == 1);
  CHECK(fixed.baseline->fixed[0].component.name == "Campaign_Studio_Connector");
}
