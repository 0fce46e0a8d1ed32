// Whole reports of the samples, in every format, against files under tests/golden/.
// CALINT_UPDATE_GOLDEN=1 rewrites them; review the change with `git diff`. Never set it in CI.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/text.h"
#include "load/metadata_types.h"
#include "report/formats.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

struct Golden {
  std::string file;
  std::vector<std::string> args;
};

/// `text` with every `from` that stands alone (not inside a longer version or number) replaced.
std::string replace_token(std::string text, const std::string& from, const std::string& to) {
  auto part_of_number = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    bool alone = (at == 0 || !part_of_number(text[at - 1])) &&
                 (at + from.size() >= text.size() || !part_of_number(text[at + from.size()]));
    if (!alone) {
      at += from.size();
      continue;
    }
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

/// Volatile parts redacted: calint's version, and the absolute source root SARIF names.
std::string redact(std::string text) {
  text = replace_token(std::move(text), CALINT_VERSION, "[VERSION]");
  std::string root = "file://" + percent_encode_path(test::source_dir().lexically_normal().string());
  for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root, at)) {
    text.replace(at, root.size(), "file://[SRCROOT]");
  }
  return text;
}

std::string render(const test::CliResult& r) {
  return redact(r.out) + "--- stderr ---\n" + r.err + "--- exit code " + std::to_string(r.code) + " ---\n";
}

// --srcroot pins where SARIF, GitLab, GitHub and JUnit paths start, whatever repository holds the checkout.
const std::vector<std::string> kSourceOrg = {"audit", "samples/source-org", "--as-of", "2026-06-01", "--srcroot", "."};
// The sample org with its OAuth tokens (--usage): CA701, CA702 and the inventory's usage columns.
const std::vector<std::string> kUsage = {
    "audit",   "samples/source-org", "--usage",   "samples/usage/source-org-tokens.csv",
    "--as-of", "2026-06-01",         "--srcroot", "."};
const std::vector<std::string> kStrict = {
    "audit",   "samples/source-org", "samples/partial-org", "--policy", "samples/policies/strict.yaml",
    "--as-of", "2026-06-01",         "--srcroot",           "."};

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}

}  // namespace

TEST_CASE("golden reports of the samples", "[golden]") {
  std::vector<Golden> cases = {
      {"mdapi-org.txt", {"audit", "samples/mdapi-org", "--no-color", "--as-of", "2026-06-01"}},
      {"mdapi-org.json", {"audit", "samples/mdapi-org", "--format", "json", "--as-of", "2026-06-01"}},
      {"ci-policy.txt",
       {"audit", "samples/source-org", "--policy", "samples/policies/ci.yaml", "--no-color", "--as-of", "2026-06-01"}},
      {"custom-rules-policy.txt",
       {"audit", "samples/source-org", "--policy", "samples/policies/custom-rules.yaml", "--no-color", "--as-of",
        "2026-06-01"}},
      {"custom-rules-policy.json",
       {"audit", "samples/source-org", "--policy", "samples/policies/custom-rules.yaml", "--format", "json", "--as-of",
        "2026-06-01"}},
      {"permissive-policy.txt",
       {"audit", "samples/source-org", "--policy", "samples/policies/permissive.yaml", "--no-color", "--as-of",
        "2026-06-01"}},
  };
  // Every format on the sample org, and on two exports under the strict policy (exceptions, an
  // expired one, org-wide findings, several exports).
  for (const auto& format : formats()) {
    std::string name(format.name);
    cases.push_back({"source-org." + test::golden_extension(name), with(kSourceOrg, {"--format", name})});
    cases.push_back({"strict-policy." + test::golden_extension(name), with(kStrict, {"--format", name})});
    cases.push_back({"usage." + test::golden_extension(name), with(kUsage, {"--format", name})});
  }
  const bool update = std::getenv("CALINT_UPDATE_GOLDEN") != nullptr;
  for (const auto& g : cases) {
    INFO("golden " << g.file << " (rewrite with CALINT_UPDATE_GOLDEN=1, then review git diff)");
    std::string actual = render(test::run(g.args));
    fs::path path = test::source_dir() / "tests" / "golden" / g.file;
    if (update) test::write_file(path, actual);
    REQUIRE(fs::exists(path));
    CHECK(actual == test::read_file(path));
  }
}

TEST_CASE("every report format has a golden report of the sample org", "[golden][meta]") {
  for (const auto& format : formats()) {
    INFO("format " << format.name);
    CHECK(fs::exists(test::source_dir() / "tests" / "golden" / ("source-org." + test::golden_extension(format.name))));
  }
}

TEST_CASE("every format renders the same from an audit and from the JSON that audit wrote", "[golden][render]") {
  test::TempDir dir;
  const std::string json = (dir.path / "report.json").string();
  for (const auto& args :
       {kSourceOrg, kStrict, kUsage, std::vector<std::string>{"audit", "samples/mdapi-org", "no/such/export"}}) {
    for (const auto& format : formats()) {
      std::string name(format.name);
      INFO("format " << name << " of " << args[1]);
      const std::string direct = (dir.path / ("direct." + name)).string();
      const std::string rendered = (dir.path / ("rendered." + name)).string();
      auto audit = test::run(with(args, {"-o", "json:" + json, "-o", name + ":" + direct, "--link-base",
                                         "https://example.com/org/repo/blob/main"}));
      REQUIRE(audit.code != 0);  // each input has findings or errors
      auto render = test::run({"render", json, "--format", name, "--output", rendered, "--link-base",
                               "https://example.com/org/repo/blob/main"});
      CHECK(render.code == 0);
      CHECK(render.err == audit.err);  // the same diagnostics
      std::string expected = test::read_file(direct);
      CHECK_FALSE(expected.empty());
      CHECK(test::read_file(rendered) == expected);
      // And to standard output, as a single -o.
      auto piped =
          test::run({"render", json, "-o", name + ":-", "--link-base", "https://example.com/org/repo/blob/main"});
      CHECK(piped.out == expected);
    }
  }
}

TEST_CASE("the metadata-API copy of the sample org gives the same findings", "[golden]") {
  Report source = test::audit({"samples/source-org"});
  Report mdapi = test::audit({"samples/mdapi-org"});
  auto key = [](const Finding& f) {
    return f.rule + "|" + f.component.type + "|" + f.component.name + "|" + std::to_string(f.line) + ":" +
           std::to_string(f.column) + "|" + f.message;
  };
  std::vector<std::string> a;
  std::vector<std::string> b;
  for (const auto& f : source.findings) a.push_back(key(f));
  for (const auto& f : mdapi.findings) b.push_back(key(f));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  CHECK_FALSE(a.empty());
  CHECK(a == b);
}

TEST_CASE("mdapi sample files are byte-identical to their source-format twins", "[golden]") {
  fs::path src = test::source_dir() / "samples/source-org/force-app/main/default";
  fs::path md = test::source_dir() / "samples/mdapi-org/src";
  std::size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    std::string name = e.path().filename().string();
    const std::string suffix = "-meta.xml";
    if (!e.is_regular_file() || name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) {
      continue;
    }
    std::string base;
    if (!load::classify_file_name(name, &base)) continue;  // only what calint reads
    fs::path rel = fs::relative(e.path(), src);
    fs::path twin = md / rel.parent_path() / name.substr(0, name.size() - suffix.size());
    if (!fs::exists(twin)) continue;  // e.g. Apex class metadata, laid out differently
    INFO(rel.string());
    CHECK(test::read_file(e.path()) == test::read_file(twin));
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("well-configured sample apps get nothing at medium or above", "[golden]") {
  Report r = test::audit({"samples/source-org"});
  for (const char* good : {"Order_Sync_Service", "Nightly_Inventory_Batch", "Northwind_CLI", "Sales_Pipeline_Insights",
                           "Tableau_Cloud_SSO", "Field_Service_Portal"}) {
    INFO(good);
    for (const auto& f : r.findings) {
      if (f.component.name == good) CHECK(f.severity < Severity::Medium);
    }
  }
}

TEST_CASE("JUnit of the samples parses back with the counts of the JSON report", "[golden][junit]") {
  test::TempDir dir;
  for (const auto& args : {kSourceOrg, kStrict}) {
    INFO(args[1]);
    const std::string json = (dir.path / "r.json").string();
    const std::string xml = (dir.path / "r.xml").string();
    test::run(with(args, {"-o", "json:" + json, "-o", "junit:" + xml}));
    auto report = nlohmann::json::parse(test::read_file(json));
    pugi::xml_document doc;
    REQUIRE(doc.load_file(xml.c_str()));
    // Expected per rule: the (export, component) cases, those failing (at or above the threshold and
    // counted), and those skipped (no finding that counts).
    std::string threshold = report["policy"]["fail_on"];
    std::vector<std::string> order = {"info", "low", "medium", "high", "critical"};
    auto rank = [&](const std::string& s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    std::map<std::string, std::map<std::string, std::pair<bool, bool>>> cases;  // rule -> case -> (fails, counts)
    for (const auto& f : report["findings"]) {
      std::string key = std::to_string(f["export"].get<int>()) + "/" + f["component"]["type"].get<std::string>() + "/" +
                        f["component"]["name"].get<std::string>();
      auto& c = cases[f["rule"]][key];
      bool counts = !f["suppressed"].get<bool>() && f["baseline"] != "unchanged";
      c.first = c.first || (counts && rank(f["severity"]) >= rank(threshold));
      c.second = c.second || counts;
    }
    std::size_t suites = 0;
    std::size_t all_failures = 0;
    for (pugi::xml_node suite : doc.child("testsuites").children("testsuite")) {
      std::string id = std::string(suite.attribute("name").value()).substr(0, 5);
      INFO(id);
      auto it = cases.find(id);
      std::size_t tests = it == cases.end() ? 1 : it->second.size();
      std::size_t failures = 0;
      std::size_t skipped = 0;
      if (it != cases.end()) {
        for (const auto& [key, c] : it->second) {
          failures += c.first ? 1 : 0;
          skipped += c.second ? 0 : 1;
        }
      }
      CHECK(suite.attribute("tests").as_ullong() == tests);
      CHECK(suite.attribute("failures").as_ullong() == failures);
      CHECK(suite.attribute("skipped").as_ullong() == skipped);
      CHECK(std::distance(suite.children("testcase").begin(), suite.children("testcase").end()) ==
            static_cast<std::ptrdiff_t>(tests));
      all_failures += failures;
      ++suites;
    }
    CHECK(suites == report["rules"].size());
    CHECK(doc.child("testsuites").attribute("failures").as_ullong() == all_failures);
    CHECK(all_failures > 0);
  }
}
