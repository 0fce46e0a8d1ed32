// `calint fix`: the pure fixer (text in, text out), the unified diff, and the command on copies of
// the samples and the rule fixtures: fixed findings gone, nothing new, every other byte kept.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "fix/fixer.h"
#include "fix/unified_diff.h"
#include "policy/catalog.h"
#include "policy/policy.h"
#include "test_support.h"

using namespace calint;
namespace fs = std::filesystem;

namespace {

fix::FixResult fix_one(std::string_view text, std::string rule, std::string element, bool unsafe = true,
                       std::string key = "") {
  fix::FixSettings settings;
  settings.unsafe = unsafe;
  return fix::fix_text(text, {{std::move(rule), std::move(element), std::move(key)}}, settings);
}

const char* kNoPolicy =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
    "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n"
    "\t<label>X</label>\r\n"
    "\t<oauthConfig>\r\n"
    "\t\t<callbackUrl>https://x.example.com/cb</callbackUrl>\r\n"
    "\t\t<scopes>Full</scopes>\r\n"
    "\t\t<scopes>Api</scopes>\r\n"
    "\t</oauthConfig>\r\n"
    "\t<profileName>Admin</profileName>\r\n"
    "</ConnectedApp>";

std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = test::read_file(e.path());
  }
  return out;
}

std::set<std::string> fingerprints(const Report& r, std::string_view rule = "") {
  std::set<std::string> out;
  for (const auto& f : r.findings) {
    if (rule.empty() || f.rule == rule) out.insert(f.fingerprint);
  }
  return out;
}

}  // namespace

TEST_CASE("fix CA201 writes a missing oauthPolicy where the schema order puts it, in the file's own layout", "[fix]") {
  auto r = fix_one(kNoPolicy, "CA201", "ConnectedApp/oauthPolicy/ipRelaxation", false);
  REQUIRE(r.outcomes.size() == 1);
  CHECK(r.outcomes[0].status == fix::FixStatus::Fixed);
  CHECK(r.text ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n"
        "\t<label>X</label>\r\n"
        "\t<oauthConfig>\r\n"
        "\t\t<callbackUrl>https://x.example.com/cb</callbackUrl>\r\n"
        "\t\t<scopes>Full</scopes>\r\n"
        "\t\t<scopes>Api</scopes>\r\n"
        "\t</oauthConfig>\r\n"
        "\t<oauthPolicy>\r\n"
        "\t\t<ipRelaxation>ENFORCE</ipRelaxation>\r\n"
        "\t\t<refreshTokenPolicy>infinite</refreshTokenPolicy>\r\n"
        "\t</oauthPolicy>\r\n"
        "\t<profileName>Admin</profileName>\r\n"
        "</ConnectedApp>");
}

TEST_CASE("fix CA201 adds ipRelaxation first in an existing oauthPolicy", "[fix]") {
  std::string in =
      "<ConnectedApp>\n  <oauthConfig><scopes>Api</scopes></oauthConfig>\n  <oauthPolicy>\n"
      "    <refreshTokenPolicy>zero</refreshTokenPolicy>\n  </oauthPolicy>\n</ConnectedApp>\n";
  auto r = fix_one(in, "CA201", "ConnectedApp/oauthPolicy/ipRelaxation", false);
  CHECK(r.text ==
        "<ConnectedApp>\n  <oauthConfig><scopes>Api</scopes></oauthConfig>\n  <oauthPolicy>\n"
        "    <ipRelaxation>ENFORCE</ipRelaxation>\n    <refreshTokenPolicy>zero</refreshTokenPolicy>\n"
        "  </oauthPolicy>\n</ConnectedApp>\n");
}

TEST_CASE("fix: ECAs have no safe CA201 fix; unsafe fixes need --unsafe-fixes", "[fix]") {
  std::string eca =
      "<ExtlClntAppOauthConfigurablePolicies>\n    <externalClientApplication>E</externalClientApplication>\n"
      "    <label>E</label>\n</ExtlClntAppOauthConfigurablePolicies>\n";
  auto safe = fix_one(eca, "CA201", "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType", false);
  CHECK(safe.outcomes[0].status == fix::FixStatus::NeedsUnsafe);
  CHECK(safe.text == eca);
  auto unsafe = fix_one(eca, "CA201", "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType", true);
  CHECK(unsafe.text ==
        "<ExtlClntAppOauthConfigurablePolicies>\n    <externalClientApplication>E</externalClientApplication>\n"
        "    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>\n"
        "    <label>E</label>\n</ExtlClntAppOauthConfigurablePolicies>\n");
  auto full = fix_one(kNoPolicy, "CA101", "ConnectedApp/oauthConfig/scopes", false, "Full");
  CHECK(full.outcomes[0].status == fix::FixStatus::NeedsUnsafe);
  CHECK(full.text == kNoPolicy);
}

TEST_CASE("fix CA101 removes Full with its line, never the last scope", "[fix]") {
  auto r = fix_one(kNoPolicy, "CA101", "ConnectedApp/oauthConfig/scopes", true, "Full");
  CHECK(r.outcomes[0].status == fix::FixStatus::Fixed);
  CHECK(r.outcomes[0].what.find("the app keeps Api") != std::string::npos);
  std::string expected = kNoPolicy;
  expected.erase(expected.find("\t\t<scopes>Full</scopes>\r\n"), std::string("\t\t<scopes>Full</scopes>\r\n").size());
  CHECK(r.text == expected);
  std::string only = "<ConnectedApp><oauthConfig><scopes>Full</scopes></oauthConfig></ConnectedApp>";
  auto none = fix_one(only, "CA101", "ConnectedApp/oauthConfig/scopes", true, "Full");
  CHECK(none.outcomes[0].status == fix::FixStatus::NotOffered);
  CHECK(none.text == only);
  std::string eca =
      "<ExtlClntAppOauthSettings>\n  <commaSeparatedOauthScopes>Api, Full, "
      "RefreshToken</commaSeparatedOauthScopes>\n</ExtlClntAppOauthSettings>";
  CHECK(fix_one(eca, "CA101", "ExtlClntAppOauthSettings/commaSeparatedOauthScopes", true, "Full").text ==
        "<ExtlClntAppOauthSettings>\n  <commaSeparatedOauthScopes>Api, "
        "RefreshToken</commaSeparatedOauthScopes>\n</ExtlClntAppOauthSettings>");
  std::string eca_only =
      "<ExtlClntAppOauthSettings><commaSeparatedOauthScopes>Full</commaSeparatedOauthScopes></"
      "ExtlClntAppOauthSettings>";
  CHECK(fix_one(eca_only, "CA101", "ExtlClntAppOauthSettings/commaSeparatedOauthScopes", true, "Full")
            .outcomes[0]
            .status == fix::FixStatus::NotOffered);
}

TEST_CASE("fix CA302 shortens to the policy's limit; CA103 and CA202 set their values", "[fix]") {
  std::string in =
      "<ConnectedApp>\n <oauthConfig>\n  <callbackUrl>u</callbackUrl>\n  <scopes>Api</scopes>\n </oauthConfig>\n"
      " <oauthPolicy>\n  <ipRelaxation>BYPASS</ipRelaxation>\n"
      "  <refreshTokenPolicy>specific_lifetime:12:MONTHS</refreshTokenPolicy>\n </oauthPolicy>\n</ConnectedApp>\n";
  fix::FixSettings settings;
  settings.unsafe = true;
  settings.max_lifetime_hours = 36;
  auto r = fix::fix_text(in,
                         {{"CA302", "ConnectedApp/oauthPolicy/refreshTokenPolicy", ""},
                          {"CA202", "ConnectedApp/oauthPolicy/ipRelaxation", ""},
                          {"CA103", "ConnectedApp/oauthConfig/isAdminApproved", ""}},
                         settings);
  CHECK(r.text ==
        "<ConnectedApp>\n <oauthConfig>\n  <callbackUrl>u</callbackUrl>\n  <isAdminApproved>true</isAdminApproved>\n"
        "  <scopes>Api</scopes>\n </oauthConfig>\n"
        " <oauthPolicy>\n  <ipRelaxation>ENFORCE</ipRelaxation>\n"
        "  <refreshTokenPolicy>specific_lifetime:36:HOURS</refreshTokenPolicy>\n </oauthPolicy>\n</ConnectedApp>\n");
  CHECK(r.outcomes[2].consequences == std::vector<std::string>{"CA104"});
}

TEST_CASE("fix: no fix for other rules or for text that is not metadata XML; hostile text never crashes", "[fix]") {
  CHECK(fix_one(kNoPolicy, "CA401", "ConnectedApp/oauthConfig/consumerSecret").outcomes[0].status ==
        fix::FixStatus::NotOffered);
  for (std::string bad : {std::string("<ConnectedApp><oauthConfig></ConnectedApp>"), std::string("not xml"),
                          std::string("<!DOCTYPE x><ConnectedApp/>"), std::string("<a><b></a></b>"), std::string(""),
                          std::string("<ConnectedApp attr='>'><oauthPolicy/></ConnectedApp><x/>")}) {
    auto r = fix_one(bad, "CA201", "ConnectedApp/oauthPolicy/ipRelaxation");
    CHECK(r.text == bad);
    CHECK(r.outcomes[0].status == fix::FixStatus::NotOffered);
  }
}

TEST_CASE("unified diff: hunks with context, counts and missing final newline", "[fix]") {
  CHECK(fix::unified_diff("a\n", "a\n", "f") == std::optional<std::string>(""));
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string after = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13";
  CHECK(fix::unified_diff(before, after, "x.xml") ==
        "--- a/x.xml\n+++ b/x.xml\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
        "@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+13\n\\ No newline at end of file\n");
}

namespace {

/// `text` with the first `from` replaced by `to` (appends: GCC 12's -Wrestrict misfires on replace).
std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  std::string out;
  out.append(text.substr(0, at)).append(to).append(text.substr(at + from.size()));
  return out;
}

}  // namespace

TEST_CASE("unified diff: a line that shows a secret is never context, and never a changed line", "[fix]") {
  const std::string before =
      "<oauthConfig>\n"
      "    <callbackUrl>https://x</callbackUrl>\n"
      "    <consumerKey>KEY</consumerKey>\n"
      "    <consumerSecret>S3cretValue</consumerSecret>\n"
      "    <isAdminApproved>false</isAdminApproved>\n"
      "    <privateKey>\n"
      "      PK-line-2\n"
      "    </privateKey>\n"
      "    <scopes>Api</scopes>\n"
      "</oauthConfig>\n";
  const std::string after = replaced(before, "false", "true");
  // Leading context stops at the secret above; trailing context stops at the secret below (all
  // three of its lines), so the hunk is the changed line alone.
  bool cut = false;
  CHECK(fix::unified_diff(before, after, "a.xml", &cut) ==
        std::optional<std::string>("--- a/a.xml\n+++ b/a.xml\n@@ -5 +5 @@\n"
                                   "-    <isAdminApproved>false</isAdminApproved>\n"
                                   "+    <isAdminApproved>true</isAdminApproved>\n"));
  CHECK(cut);  // no trailing context before the end: git apply needs --unidiff-zero
  // Two changes around a secret: two hunks, the secret in neither.
  const std::string both = replaced(after, "Api", "Web");
  auto d = fix::unified_diff(before, both, "a.xml");
  REQUIRE(d.has_value());
  CHECK(d->find("S3cret") == std::string::npos);
  CHECK(d->find("PK-line-2") == std::string::npos);
  CHECK(d->find(
            "@@ -5 +5 @@\n-    <isAdminApproved>false</isAdminApproved>\n+    <isAdminApproved>true</isAdminApproved>\n"
            "@@ -9,2 +9,2 @@\n-    <scopes>Api</scopes>\n+    <scopes>Web</scopes>\n </oauthConfig>\n") !=
        std::string::npos);
  // A file on one line: the changed line shows the secret, so there is no diff to show.
  std::string one = "<a><consumerSecret>S3cretValue</consumerSecret><isAdminApproved>false</isAdminApproved></a>\n";
  const std::string one_after = replaced(one, "false", "true");
  CHECK_FALSE(fix::unified_diff(one, one_after, "a.xml").has_value());
  // An empty secret element hides nothing: its line may be context.
  std::string empty = "<a>\n<consumerSecret></consumerSecret>\n<x>1</x>\n</a>\n";
  const std::string empty_after = replaced(empty, "<x>1", "<x>2");
  cut = false;
  CHECK(fix::unified_diff(empty, empty_after, "e.xml", &cut)->find(" <consumerSecret></consumerSecret>\n") !=
        std::string::npos);
  CHECK_FALSE(cut);
}

TEST_CASE("unified diff: flags are no secrets, keys and certificates are never context", "[fix]") {
  const std::string before =
      "<a>\n"
      "    <consumerKey>3MVG9igNVW5mZVnXrVx_V11V80bNasrAp0Uhupb694</consumerKey>\n"
      "    <isAdminApproved>false</isAdminApproved>\n"
      "    <isConsumerSecretOptional>false</isConsumerSecretOptional>\n"
      "    <shouldRotateConsumerSecret> true </shouldRotateConsumerSecret>\n"
      "</a>\n";
  bool cut = false;
  auto d = fix::unified_diff(before, replaced(before, ">false<", ">true<"), "a.xml", &cut);
  REQUIRE(d.has_value());
  CHECK(*d ==
        "--- a/a.xml\n+++ b/a.xml\n@@ -3,4 +3,4 @@\n"
        "-    <isAdminApproved>false</isAdminApproved>\n+    <isAdminApproved>true</isAdminApproved>\n"
        "     <isConsumerSecretOptional>false</isConsumerSecretOptional>\n"
        "     <shouldRotateConsumerSecret> true </shouldRotateConsumerSecret>\n </a>\n");
  CHECK_FALSE(cut);
}

TEST_CASE("unified diff: a path with control characters or quotes is quoted as git quotes it", "[fix]") {
  auto d = fix::unified_diff("a\n", "b\n", "connectedApps/x\n+++ y\"\\.xml");
  REQUIRE(d.has_value());
  CHECK(d->rfind("--- \"a/connectedApps/x\\n+++ y\\\"\\\\.xml\"\n+++ \"b/connectedApps/x\\n+++ y\\\"\\\\.xml\"\n@@",
                 0) == 0);
}

TEST_CASE("calint fix on the sample org: fixed findings gone, only announced ones new, other bytes kept",
          "[fix][cli]") {
  test::TempDir dir;
  fs::copy(test::source_dir() / "samples/source-org", dir.path / "org", fs::copy_options::recursive);
  const std::string org = (dir.path / "org").string();
  const auto original = tree(dir.path / "org");
  Report before = test::audit({org});

  auto diff = test::run({"fix", org, "--unsafe-fixes", "--diff"});
  CHECK(diff.code == 1);                      // critical findings remain
  CHECK(tree(dir.path / "org") == original);  // --diff writes nothing
  CHECK(diff.out.find("+        <ipRelaxation>ENFORCE</ipRelaxation>") != std::string::npos);

  auto safe = test::run({"fix", org});
  CHECK(safe.code == 1);
  Report after_safe = test::audit({org});
  CHECK(fingerprints(after_safe, "CA201").size() < fingerprints(before, "CA201").size());

  auto unsafe = test::run({"fix", org, "--unsafe-fixes"});
  CHECK(unsafe.code == 1);
  INFO(unsafe.err);
  Report after = test::audit({org});
  // Every finding of a fixable rule is gone, except those calint said it would not fix.
  for (const char* rule : {"CA101", "CA103", "CA201", "CA202", "CA203", "CA301", "CA302"}) {
    for (const auto& f : after.findings) {
      if (f.rule == rule && !f.suppressed())
        CHECK(unsafe.err.find(f.file + ":" + std::to_string(f.line) + ": " + rule + " no fix") != std::string::npos);
    }
  }
  // Nothing new but CA104 (an app made admin-approved with no assignment), which the fix announced.
  auto old = fingerprints(before);
  for (const auto& f : after.findings) {
    if (old.contains(f.fingerprint)) continue;
    CHECK(f.rule == "CA104");
    CHECK(unsafe.err.find("now CA104") != std::string::npos);
  }
  // Files without fixes are byte-identical; fixed ones changed only in a few lines.
  const auto now = tree(dir.path / "org");
  REQUIRE(now.size() == original.size());
  std::size_t changed = 0;
  for (const auto& [path, text] : original) {
    if (now.at(path) == text) continue;
    ++changed;
    CHECK(path.find("connectedApps") + path.find("extlClntApp") != 2 * std::string::npos);
    std::string d = fix::unified_diff(text, now.at(path), path).value_or("");
    std::size_t lines = 0;
    for (std::size_t p = d.find("\n+"); p != std::string::npos; p = d.find("\n+", p + 1)) ++lines;
    CHECK(lines <= 8);
  }
  CHECK(changed >= 8);
  // A second run has nothing left to do.
  auto again = test::run({"fix", org, "--unsafe-fixes", "--diff"});
  CHECK(again.out.empty());
}

TEST_CASE("calint fix leaves zips, CA000 files, suppressed findings and baselined findings alone", "[fix][cli]") {
  test::TempDir dir;
  fs::copy(test::source_dir() / "samples/source-org", dir.path / "org", fs::copy_options::recursive);
  const std::string org = (dir.path / "org").string();
  // A policy exception for CA201 on every app.
  test::write_file(dir.path / "policy.yaml",
                   "version: 1\nexceptions:\n  - app: \"*\"\n    rule: CA201\n    justification: \"reviewed\"\n");
  auto suppressed =
      test::run({"fix", org, "--rule", "CA201", "--policy", (dir.path / "policy.yaml").string(), "--diff"});
  CHECK(suppressed.out.empty());
  CHECK(suppressed.err.find("CA201 left alone: suppressed by the policy") != std::string::npos);
  // Baselined findings.
  const std::string baseline = (dir.path / "baseline.json").string();
  REQUIRE(test::run({"audit", org, "--write-baseline", baseline, "-q", "--exit-zero"}).code == 0);
  auto baselined = test::run({"fix", org, "--unsafe-fixes", "--baseline", baseline, "--diff"});
  CHECK(baselined.out.empty());
  CHECK(baselined.err.find("left alone: in the baseline") != std::string::npos);
  // A file with CA000.
  fs::path broken = dir.path / "org/force-app/main/default/connectedApps/Legacy_Bulk_Loader.connectedApp-meta.xml";
  std::string text = test::read_file(broken);
  test::write_file(broken, text + "<extra/>");
  auto ca000 = test::run({"fix", org, "--rule", "CA201", "--diff"});
  CHECK(ca000.out.find("Legacy_Bulk_Loader") == std::string::npos);
  // Unknown rules and rules without a fix are errors.
  CHECK(test::run({"fix", org, "--rule", "CA999"}).code == 2);
  auto nofix = test::run({"fix", org, "--rule", "CA401"});
  CHECK(nofix.code == 2);
  CHECK(nofix.err.find("CA401 has no fix: A committed secret must be rotated") != std::string::npos);
}

TEST_CASE("calint fix on every fire fixture of a fixable rule removes its findings", "[fix][cli]") {
  std::size_t fixed_fixtures = 0;
  for (const char* rule : {"CA101", "CA103", "CA201", "CA202", "CA203", "CA301", "CA302"}) {
    for (const auto& e : fs::directory_iterator(test::source_dir() / "tests/rules" / rule)) {
      if (e.path().filename().string().rfind("fire-", 0) != 0) continue;
      INFO(e.path());
      test::TempDir dir;
      fs::copy(e.path(), dir.path / "x", fs::copy_options::recursive);
      const std::string x = (dir.path / "x").string();
      std::vector<std::string> args = {"fix", x, "--rule", rule, "--unsafe-fixes", "--fail-on", "critical"};
      if (fs::exists(e.path() / "policy.yaml")) {
        args.push_back("--policy");
        args.push_back((e.path() / "policy.yaml").string());
      }
      auto r = test::run(args);
      CHECK(r.code != 2);
      INFO(r.err);
      Policy policy = fs::exists(e.path() / "policy.yaml")
                          ? load_policy_file((e.path() / "policy.yaml").string(), builtin_catalog())
                          : default_policy(builtin_catalog());
      Report after = test::audit({x}, &policy);
      for (const auto& f : after.findings) {
        if (f.rule != rule || f.suppressed()) continue;
        bool explained = r.err.find(std::string(rule) + " no fix") != std::string::npos ||
                         r.err.find("left alone") != std::string::npos;
        CHECK(explained);
      }
      ++fixed_fixtures;
    }
  }
  CHECK(fixed_fixtures >= 14);
}
