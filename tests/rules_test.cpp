// Per-rule fixtures: tests/rules/CAnnn/{fire-*,ok-*}/ are small exports. A fire fixture lists the
// findings of its rule it must produce in expected.txt, one a line: `path:line:col severity message`
// (`- severity message` for an org-wide finding); an ok fixture must produce none. `#` lines are
// comments. A fixture may carry its own policy.yaml, and a usage.csv read as `--usage` (CA701, CA702). No fixture may
// produce CA000 unless it tests CA000: a broken fixture cannot pass.
//
// The expectations are snapshots: CALINT_UPDATE_GOLDEN=1 rewrites the finding lines in place (comments
// stay where they are), then review `git diff`. One fixture runs alone with
// `calint_tests "[rules]" -c CA101/fire-eca-full`.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "core/text.h"
#include "policy/policy.h"
#include "rules/rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

std::vector<fs::path> sorted_dirs(const fs::path& p) {
  std::vector<fs::path> out;
  if (!fs::is_directory(p)) return out;
  for (const auto& e : fs::directory_iterator(p)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The location and severity of an expectation line: what identifies a finding in a fixture.
std::string line_key(std::string_view line) {
  auto first = line.find(' ');
  auto second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  return std::string(line.substr(0, second));
}

std::vector<std::string> expected_lines(const fs::path& fixture) {
  std::vector<std::string> out;
  std::istringstream in(test::read_file(fixture / "expected.txt"));
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    out.emplace_back(t);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Rewrites expected.txt with `actual`: each finding line is replaced in place by the actual line
/// with the same location and severity, lines with no match are dropped, new ones are appended.
void update_expected(const fs::path& fixture, const std::vector<std::string>& actual) {
  std::multimap<std::string, std::string> fresh;
  for (const auto& a : actual) fresh.emplace(line_key(a), a);
  std::string text;
  std::istringstream in(fs::exists(fixture / "expected.txt") ? test::read_file(fixture / "expected.txt") : "");
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') {
      text += line + "\n";
      continue;
    }
    auto it = fresh.find(line_key(t));
    if (it == fresh.end()) continue;
    text += it->second + "\n";
    fresh.erase(it);
  }
  std::vector<std::string> added;
  for (const auto& [key, a] : fresh) added.push_back(a);
  std::sort(added.begin(), added.end());
  for (const auto& a : added) text += a + "\n";
  if (!text.empty()) test::write_file(fixture / "expected.txt", text);
}

}  // namespace

TEST_CASE("every rule fixture produces exactly its expected findings", "[rules]") {
  fs::path root = test::source_dir() / "tests" / "rules";
  const bool update = std::getenv("CALINT_UPDATE_GOLDEN") != nullptr;
  std::size_t fixtures = 0;
  for (const auto& rule_dir : sorted_dirs(root)) {
    std::string rule = rule_dir.filename().string();
    for (const auto& fixture : sorted_dirs(rule_dir)) {
      std::string name = fixture.filename().string();
      ++fixtures;
      DYNAMIC_SECTION(rule << "/" << name) {
        bool fire = name.rfind("fire-", 0) == 0;
        REQUIRE((fire || name.rfind("ok-", 0) == 0));
        Policy policy = fs::exists(fixture / "policy.yaml")
                            ? load_policy_file((fixture / "policy.yaml").string(), builtin_catalog())
                            : default_policy(builtin_catalog());
        const std::string usage = fs::exists(fixture / "usage.csv") ? (fixture / "usage.csv").string() : "";
        Report report = test::audit({fixture.string()}, &policy, "2026-06-01", usage);
        CHECK(report.errors.empty());
        std::vector<std::string> actual;
        for (const auto& f : report.findings) {
          if (f.rule == "CA000" && rule != "CA000") FAIL_CHECK("unexpected CA000: " << f.file << ": " << f.message);
          if (f.rule != rule || f.suppressed()) continue;
          actual.push_back(f.file.empty() ? fmt::format("- {} {}", to_string(f.severity), f.message)
                                          : fmt::format("{}:{}:{} {} {}", f.rel_path, f.line, f.column,
                                                        to_string(f.severity), f.message));
        }
        std::sort(actual.begin(), actual.end());
        if (update && fire) update_expected(fixture, actual);
        std::vector<std::string> expected = fire ? expected_lines(fixture) : std::vector<std::string>{};
        if (fire) CHECK_FALSE(expected.empty());
        CHECK(actual == expected);
      }
    }
  }
  CHECK(fixtures >= 2 * builtin_catalog().rules().size());
}

TEST_CASE("catalogue and registry agree one to one, sorted", "[meta]") {
  std::vector<std::string> registry;
  for (const auto& e : rule_registry()) registry.emplace_back(e.id);
  CHECK(std::is_sorted(registry.begin(), registry.end()));
  CHECK(std::adjacent_find(registry.begin(), registry.end()) == registry.end());
  CHECK(registry == builtin_catalog().ids());
}

TEST_CASE("every rule has fire and ok fixtures", "[meta]") {
  fs::path root = test::source_dir() / "tests" / "rules";
  for (const auto& rule : builtin_catalog().rules()) {
    INFO("rule " << rule.id);
    bool fire = false;
    bool ok = false;
    for (const auto& fixture : sorted_dirs(root / rule.id)) {
      std::string name = fixture.filename().string();
      fire = fire || name.rfind("fire-", 0) == 0;
      ok = ok || name.rfind("ok-", 0) == 0;
    }
    CHECK(fire);
    CHECK(ok);
  }
}

TEST_CASE("catalogue entries follow the text conventions", "[meta]") {
  std::set<std::string> names;
  for (const auto& r : builtin_catalog().rules()) {
    INFO("rule " << r.id);
    CHECK(r.id.size() == 5);
    CHECK(r.id.rfind("CA", 0) == 0);
    CHECK(names.insert(r.name).second);
    CHECK(r.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    CHECK(trim(r.summary).back() == '.');
    CHECK(trim(r.remediation).back() == '.');
    CHECK_FALSE(trim(r.rationale).empty());
    CHECK(r.escalated_severity.has_value() == !r.escalation.empty());
    if (r.escalated_severity) CHECK(*r.escalated_severity > r.severity);
    if (r.id != "CA000") {
      REQUIRE_FALSE(r.references.empty());
      for (const auto& ref : r.references) CHECK(ref.url.rfind("https://", 0) == 0);
    }
    for (const auto& p : r.params) CHECK(show_param(default_policy(builtin_catalog()), p.key) != "(not a policy key)");
  }
}

TEST_CASE("docs/rules.md is generated from the catalogue and current", "[meta]") {
  auto r = test::run({"rules", "--format", "markdown"});
  REQUIRE(r.code == 0);
  INFO("regenerate with: build/calint rules --format markdown > docs/rules.md");
  CHECK(r.out == test::read_file(test::source_dir() / "docs" / "rules.md"));
}
