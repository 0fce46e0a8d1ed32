// Every limit of docs/limits.md: a file at the limit is audited, one just past it is an error naming
// the file and the option that raises the limit (exit 2), and the rest of the audit still runs.
// Lowered limits keep the files small; the zip limits are in zip_check.py.
#include <sys/stat.h>

#include <filesystem>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "load/redact.h"
#include "load/xml_limits.h"
#include "load/xpath_cost.h"
#include "policy/catalog.h"
#include "policy/policy.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

const std::string kNs = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

/// A Connected App with the Full scope (CA101) and `extra` inside it.
std::string app(const std::string& extra = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp" + kNs +
         ">\n    <label>X</label>\n    <oauthConfig>\n        <scopes>Full</scopes>\n    </oauthConfig>\n" + extra +
         "</ConnectedApp>\n";
}

/// Two exports: `limited` (one folder) and `other`, each with an app that has a CA101 finding.
struct Exports {
  Exports() {
    test::write_file(other.path / "connectedApps/Other.connectedApp-meta.xml", app());
    test::write_file(limited.path / "connectedApps/Fine.connectedApp-meta.xml", app());
  }
  test::TempDir limited;
  test::TempDir other;
};

/// Audits `paths` with `options` as JSON.
struct Audit {
  int code = 0;
  nlohmann::json doc;
  std::string err;
};
Audit audit(const std::vector<std::string>& paths, const std::vector<std::string>& options) {
  std::vector<std::string> args = {"audit", "--format", "json", "--as-of", "2026-06-01"};
  args.insert(args.end(), paths.begin(), paths.end());
  args.insert(args.end(), options.begin(), options.end());
  auto r = test::run(args);
  return {r.code, nlohmann::json::parse(r.out), r.err};
}

/// The error messages of the report, as "path: message".
std::vector<std::string> errors(const Audit& a) {
  std::vector<std::string> out;
  for (const auto& e : a.doc["errors"])
    out.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  return out;
}

/// The components with a CA101 finding.
std::set<std::string> full_scope_apps(const Audit& a) {
  std::set<std::string> out;
  for (const auto& f : a.doc["findings"]) {
    if (f["rule"] == "CA101") out.insert(f["component"]["name"].get<std::string>());
  }
  return out;
}

/// `depth` elements nested in one another, the root element being the first.
std::string nested_app(int depth) {
  std::string open;
  std::string close;
  for (int i = 3; i <= depth; ++i) {
    open += "<n>";
    close = "</n>" + close;
  }
  // ConnectedApp (1) / oauthConfig (2) / n ... : depth elements in all.
  return app("    <oauthConfig>" + open + close + "</oauthConfig>\n");
}

std::string custom_rule(const std::string& xpath) {
  return "custom_rules:\n  - id: ACME-1\n    name: costly\n    severity: low\n    message: m {value}\n"
         "    applies_to: ConnectedApp\n    xpath: \"" +
         xpath + "\"\n";
}

}  // namespace

TEST_CASE("limits: file size", "[limits]") {
  Exports e;
  fs::path big = e.limited.path / "connectedApps/Big.connectedApp-meta.xml";
  test::write_file(big, app("    <!-- larger than the others -->\n"));
  std::string size = std::to_string(fs::file_size(big));
  Audit at = audit({e.limited.path.string(), e.other.path.string()}, {"--max-file-size", size});
  CHECK(at.code == 1);
  CHECK(errors(at).empty());
  CHECK(full_scope_apps(at) == std::set<std::string>{"Big", "Fine", "Other"});

  std::string below = std::to_string(fs::file_size(big) - 1);
  Audit past = audit({e.limited.path.string(), e.other.path.string()}, {"--max-file-size", below});
  CHECK(past.code == 2);
  CHECK(errors(past) ==
        std::vector<std::string>{big.string() + ": not audited: the file is " + size +
                                 " bytes, more than the limit of " + below + " bytes (raise it with --max-file-size)"});
  CHECK(full_scope_apps(past) == std::set<std::string>{"Fine", "Other"});

  // The default, 512 MiB: a sparse file one byte past it is refused without being read.
  fs::path huge = e.limited.path / "connectedApps/Huge.connectedApp-meta.xml";
  { test::write_file(huge, ""); }
  fs::resize_file(huge, (std::uintmax_t{512} << 20U) + 1);
  Audit by_default = audit({e.limited.path.string()}, {});
  CHECK(by_default.code == 2);
  CHECK(errors(by_default) ==
        std::vector<std::string>{huge.string() + ": not audited: the file is 536870913 bytes, "
                                                 "more than the limit of 512 MiB (raise it with --max-file-size)"});
  CHECK(full_scope_apps(by_default) == std::set<std::string>{"Big", "Fine"});
  // A file list reads through the same limit.
  auto listed = test::run({"audit", huge.string(), "--format", "json", "--max-file-size", "1KiB"});
  CHECK(listed.code == 2);
  CHECK(listed.err.find("more than the limit of 1 KiB (raise it with --max-file-size)") != std::string::npos);

  auto bad = test::run({"audit", e.other.path.string(), "--max-file-size", "0"});
  CHECK(bad.code == 2);
  CHECK(bad.err == "calint: --max-file-size must be a size such as 512MiB or 8GiB, found '0'\n");
}

TEST_CASE("limits: a baseline and a saved report read through --max-file-size", "[limits]") {
  Exports e;
  const std::string org = e.other.path.string();
  const fs::path baseline = e.limited.path / "baseline.json";
  REQUIRE(test::run({"audit", org, "--write-baseline", baseline.string()}).code == 0);
  const std::string size = std::to_string(fs::file_size(baseline));
  const std::string below = std::to_string(fs::file_size(baseline) - 1);
  CHECK(test::run({"audit", org, "--baseline", baseline.string(), "--max-file-size", size}).code == 0);
  auto past = test::run({"audit", org, "--baseline", baseline.string(), "--max-file-size", below});
  CHECK(past.code == 2);
  CHECK(past.err == baseline.string() + ": baseline is larger than " + below + " bytes, the limit (--max-file-size)\n");
  // The default, 512 MiB: a sparse baseline one byte past it is refused after 512 MiB + 1 bytes read.
  const fs::path huge = e.limited.path / "huge.json";
  { test::write_file(huge, ""); }
  fs::resize_file(huge, (std::uintmax_t{512} << 20U) + 1);
  auto by_default = test::run({"audit", org, "--baseline", huge.string()});
  CHECK(by_default.code == 2);
  CHECK(by_default.err.find("baseline is larger than 536870912 bytes") != std::string::npos);

  const fs::path report = e.limited.path / "report.json";
  REQUIRE(test::run({"audit", org, "--format", "json", "--output", report.string()}).code == 1);
  const std::string report_size = std::to_string(fs::file_size(report));
  const std::string report_below = std::to_string(fs::file_size(report) - 1);
  CHECK(test::run({"render", report.string(), "--max-file-size", report_size}).code == 0);
  auto cut = test::run({"render", report.string(), "--max-file-size", report_below});
  CHECK(cut.code == 2);
  CHECK(cut.err == "calint: " + report.string() + ": the report is larger than " + report_below +
                       ", the limit (--max-file-size)\n");
  auto sparse = test::run({"render", huge.string()});
  CHECK(sparse.code == 2);
  CHECK(sparse.err == "calint: " + huge.string() + ": the report is larger than 512MiB, the limit (--max-file-size)\n");
  auto bad = test::run({"render", report.string(), "--max-file-size", "0"});
  CHECK(bad.code == 2);
  CHECK(bad.err == "calint: --max-file-size must be a size such as 512MiB or 8GiB, found '0'\n");
}

TEST_CASE("limits: number of files", "[limits]") {
  Exports e;
  test::write_file(e.limited.path / "connectedApps/Second.connectedApp-meta.xml", app());
  Audit at = audit({e.limited.path.string(), e.other.path.string()}, {"--max-files", "2"});
  CHECK(at.code == 1);
  CHECK(errors(at).empty());
  CHECK(full_scope_apps(at) == std::set<std::string>{"Fine", "Second", "Other"});

  test::write_file(e.limited.path / "profiles/Admin.profile-meta.xml", "<Profile" + kNs + "/>\n");
  Audit past = audit({e.limited.path.string(), e.other.path.string()}, {"--max-files", "2"});
  CHECK(past.code == 2);
  CHECK(errors(past) == std::vector<std::string>{e.limited.path.string() +
                                                 ": not audited: it holds 3 metadata files, more than the limit of 2 "
                                                 "(raise it with --max-files)"});
  CHECK(full_scope_apps(past) == std::set<std::string>{"Other"});  // the other export is still audited
}

TEST_CASE("limits: XML depth", "[limits]") {
  Exports e;
  fs::path deep = e.limited.path / "connectedApps/Deep.connectedApp-meta.xml";
  test::write_file(deep, nested_app(100));  // the default limit
  Audit at = audit({e.limited.path.string(), e.other.path.string()}, {});
  CHECK(at.code == 1);
  CHECK(errors(at).empty());
  CHECK(full_scope_apps(at) == std::set<std::string>{"Deep", "Fine", "Other"});

  test::write_file(deep, nested_app(101));
  Audit past = audit({e.limited.path.string(), e.other.path.string()}, {});
  CHECK(past.code == 2);
  CHECK(errors(past) ==
        std::vector<std::string>{deep.string() + ": not audited: its XML elements nest more than 100 deep at line 7 "
                                                 "(raise the limit with --xml-max-depth)"});
  CHECK(full_scope_apps(past) == std::set<std::string>{"Fine", "Other"});
  Audit raised = audit({e.limited.path.string()}, {"--xml-max-depth", "101"});
  CHECK(raised.code == 1);
  CHECK(errors(raised).empty());
}

TEST_CASE("limits: XML elements", "[limits]") {
  Exports e;
  fs::path many = e.limited.path / "connectedApps/Many.connectedApp-meta.xml";
  // ConnectedApp, label, oauthConfig, scopes: 4 elements, and 6 more.
  test::write_file(many, app("    <x/>\n    <x/>\n    <x/>\n    <x/>\n    <x/>\n    <x/>\n"));
  Audit at = audit({e.limited.path.string(), e.other.path.string()}, {"--xml-max-elements", "10"});
  CHECK(at.code == 1);
  CHECK(errors(at).empty());
  CHECK(full_scope_apps(at) == std::set<std::string>{"Many", "Fine", "Other"});

  Audit past = audit({e.limited.path.string(), e.other.path.string()}, {"--xml-max-elements", "9"});
  CHECK(past.code == 2);
  CHECK(errors(past) ==
        std::vector<std::string>{many.string() + ": not audited: it has more than 9 XML elements; element 10 is at "
                                                 "line 12 (raise the limit with --xml-max-elements)"});
  CHECK(full_scope_apps(past) == std::set<std::string>{"Fine", "Other"});
}

TEST_CASE("limits: XML elements of profiles and permission sets", "[limits]") {
  Exports e;
  fs::path profile = e.limited.path / "profiles/Admin.profile-meta.xml";
  // 5 elements, and a '<' in a comment that the bound counts but the exact scan does not.
  test::write_file(profile, "<Profile" + kNs + "><!-- < --><a/><b/><c/><d/></Profile>\n");
  Audit at = audit({e.limited.path.string()}, {"--xml-max-elements", "5"});
  CHECK(errors(at).empty());
  Audit past = audit({e.limited.path.string(), e.other.path.string()}, {"--xml-max-elements", "4"});
  CHECK(past.code == 2);
  CHECK(errors(past) ==
        std::vector<std::string>{profile.string() + ": not audited: it has more than 4 XML elements; element 5 is at "
                                                    "line 1 (raise the limit with --xml-max-elements)"});
  CHECK(full_scope_apps(past) == std::set<std::string>{"Fine", "Other"});
  // A file the streaming scan cannot read whole (unclosed here) is refused just the same, not
  // reported as CA000; so is one read only to its label (a file list's context).
  fs::path set = e.limited.path / "permissionsets/Big.permissionset-meta.xml";
  test::write_file(set, "<PermissionSet" + kNs + "><label>Big</label><a/><b/><c/>\n");
  Audit broken = audit({e.limited.path.string()}, {"--xml-max-elements", "4"});
  CHECK(errors(broken) ==
        std::vector<std::string>{
            set.string() +
                ": not audited: it has more than 4 XML elements; element 5 is at line 1 (raise the limit with "
                "--xml-max-elements)",
            profile.string() +
                ": not audited: it has more than 4 XML elements; element 5 is at line 1 (raise the limit with "
                "--xml-max-elements)"});
  test::write_file(set, "<PermissionSet" + kNs + "><label>Big</label><a/><b/><c/></PermissionSet>\n");
  test::write_file(profile, "<Profile" + kNs + "/>\n");
  Audit listed =
      audit({(e.limited.path / "connectedApps/Fine.connectedApp-meta.xml").string()}, {"--xml-max-elements", "4"});
  CHECK(errors(listed) ==
        std::vector<std::string>{set.string() +
                                 ": not audited: it has more than 4 XML elements; element 5 is at line 1 (raise the "
                                 "limit with --xml-max-elements)"});
  // Their depth is not limited: they are read three levels deep (docs/limits.md).
  test::write_file(profile, "<Profile" + kNs + ">" + std::string(300, 'x') + "</Profile>\n");
  std::string deep = "<Profile" + kNs + ">";
  for (int i = 0; i < 150; ++i) deep += "<n>";
  for (int i = 0; i < 150; ++i) deep += "</n>";
  test::write_file(profile, deep + "</Profile>\n");
  CHECK(errors(audit({e.limited.path.string()}, {})).empty());
}

TEST_CASE("limits: the XML scan counts what the parser sees", "[limits]") {
  XmlLimits one{1, 1};
  // Comments, CDATA, processing instructions and the DOCTYPE hold no elements.
  CHECK(!load::check_xml_limits("<!DOCTYPE a [<!ENTITY e \"<b>\">]><a><!-- <b><b> --><![CDATA[<c><c>]]><?p <d>?></a>",
                                one));
  // A quoted "/>" or ">" is attribute text: it can hide no nesting.
  std::string hidden = "<a x=\"/>\">\n<a y='/>'><a z=\">\"/></a></a>";
  CHECK(!load::check_xml_limits(hidden, XmlLimits{3, 3}));
  CHECK(load::check_xml_limits(hidden, XmlLimits{2, 3}) ==
        "not audited: its XML elements nest more than 2 deep at line 2 (raise the limit with --xml-max-depth)");
  // Siblings and empty elements close.
  CHECK(!load::check_xml_limits("<a><b/><b></b><b /></a>", XmlLimits{2, 4}));
  CHECK(load::check_xml_limits("<a><b/><b></b><b /></a>", XmlLimits{2, 3}) ==
        "not audited: it has more than 3 XML elements; element 4 is at line 1 (raise the limit with "
        "--xml-max-elements)");
  CHECK(load::xml_limit_exceeded(5, 1, 0, XmlLimits{4, 10}) ==
        "not audited: its XML elements nest more than 4 deep (raise the limit with --xml-max-depth)");
}

TEST_CASE("limits: YAML depth of the policy", "[limits][policy]") {
  std::string at;
  for (int i = 0; i < 64; ++i) at += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  // 64 levels pass the nesting check (the key is then unknown); 65 do not.
  CHECK(test::policy_error(at).rfind("policy.yaml:1:1: unknown key 'a' in the policy", 0) == 0);
  std::string past = at + std::string(64, ' ') + "a:\n";
  CHECK(test::policy_error(past) == "policy.yaml:65:1: policy is nested more than 64 levels deep");
}

TEST_CASE("limits: policy file size", "[limits][policy]") {
  test::TempDir dir;
  fs::path policy = dir.path / ".calint.yaml";
  std::string at = "fail_on: low\n" + std::string((std::size_t{1} << 20U) - 14, '#') + "\n";
  REQUIRE(at.size() == std::size_t{1} << 20U);
  test::write_file(policy, at);
  CHECK(load_policy_file(policy.string(), builtin_catalog()).fail_on == Severity::Low);
  test::write_file(policy, at + "#");
  CHECK_THROWS_WITH(load_policy_file(policy.string(), builtin_catalog()),
                    policy.string() + ":1:1: policy is larger than 1 MiB");
  // A policy in the audited tree may be a link to a device: never read past the limit, never hang.
  fs::remove(policy);
  fs::create_symlink("/dev/zero", policy);
  CHECK_THROWS_WITH(load_policy_file(policy.string(), builtin_catalog()),
                    policy.string() + ": cannot read policy file: not a regular file");
  fs::remove(policy);
  REQUIRE(mkfifo(policy.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(load_policy_file(policy.string(), builtin_catalog()),
                    policy.string() + ": cannot read policy file: not a regular file");
}

TEST_CASE("limits: YAML alias expansion of the policy", "[limits][policy]") {
  // pad: [x * p] is 2 + p values (key, sequence, scalars); a: &a [x * 999] is 1 + 1000; b: [*a * 998]
  // is 1 + 1 + 998 * 1000; the mapping itself 1. In all: 999,006 + p values.
  auto policy = [](int pad) {
    std::string y = "pad: [";
    for (int i = 0; i < pad; ++i) y += i ? ",x" : "x";
    y += "]\na: &a [";
    for (int i = 0; i < 999; ++i) y += i ? ",x" : "x";
    y += "]\nb: [";
    for (int i = 0; i < 998; ++i) y += i ? ",*a" : "*a";
    return y + "]\n";
  };
  // At 1,000,000 values the policy is read (and fails later, on its unknown keys).
  CHECK(test::policy_error(policy(994)).rfind("policy.yaml:1:1: unknown key 'pad' in the policy", 0) == 0);
  // One more: refused at the last alias, before anything walks the document.
  CHECK(test::policy_error(policy(995)) ==
        "policy.yaml:3:" + std::to_string(5 + 997 * 3) +
            ": policy is too large with its aliases expanded: more than 1000000 values (aliases of aliases, a "
            "'billion laughs'); write the values out instead");
  // The classic: nine levels of ten aliases each.
  std::string laughs = "l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string n = std::to_string(i);
    std::string alias = "*l" + std::to_string(i - 1);
    laughs.append("l").append(n).append(": &l").append(n).append(" [").append(alias);
    for (int j = 1; j < 10; ++j) laughs.append(",").append(alias);
    laughs.append("]\n");
  }
  CHECK(test::policy_error(laughs).find("policy is too large with its aliases expanded") != std::string::npos);
}

TEST_CASE("limits: XPath length and degree at policy time", "[limits][custom]") {
  // Degree: predicates that scan the file, nested.
  CHECK(load::xpath_cost("//scopes[. = 'Web']").degree == 2);
  CHECK(load::xpath_cost("/ConnectedApp/oauthConfig/scopes").degree == 1);
  CHECK(load::xpath_cost("//a[b[c]]").degree == 3);
  CHECK(load::xpath_cost("//a[following::b]").degree == 2);    // from one node: at most n
  CHECK(load::xpath_cost("//a[b/following::c]").degree == 3);  // from a set: up to n^2
  CHECK(load::xpath_cost("//a[b/following::c]").steps == 4);
  CHECK(load::xpath_cost("//a[\"[[[[\"]").degree == 2);  // brackets in a literal are text
  CHECK(load::xpath_cost("//a[b[c[d]]]").degree == 4);
  CHECK(test::policy_error(custom_rule("//a[b[c[d]]]")) == "(no error)");
  CHECK(test::policy_error(custom_rule("//a[b[c[d[e]]]]")) ==
        "policy.yaml:7:22: custom rule ACME-1: xpath could cost up to n^5 node visits on a file of n nodes (predicates "
        "that scan the file nested in one another), more than the limit of n^4: flatten the nested predicates");
  // Length: 2,000 characters.
  auto of_length = [](std::size_t n) { return "//scopes[. = '" + std::string(n - 16, 'x') + "']"; };
  REQUIRE(of_length(2000).size() == 2000);
  CHECK(test::policy_error(custom_rule(of_length(2000))) == "(no error)");
  CHECK(test::policy_error(custom_rule(of_length(2001))) ==
        "policy.yaml:7:13: custom rule ACME-1: xpath is 2001 characters long, more than the limit of 2000");
}

TEST_CASE("limits: XPath cost per file", "[limits][custom]") {
  Exports e;
  test::TempDir policy_dir;
  fs::path policy = policy_dir.path / "policy.yaml";
  test::write_file(policy, custom_rule("//*[. = 'Full']"));
  fs::path fine = e.limited.path / "connectedApps/Fine.connectedApp-meta.xml";
  // Learn the estimate on Fine from the error at a limit of 1 (each app file is the same size).
  Audit probe = audit({e.limited.path.string()}, {"--policy", policy.string(), "--xpath-max-cost", "1"});
  REQUIRE(errors(probe).size() == 1);
  std::string message = errors(probe)[0];
  auto from = message.find("up to ") + 6;
  std::uint64_t cost = std::stoull(message.substr(from, message.find(' ', from) - from));
  CHECK(message == fine.string() + ": custom rule ACME-1 was not evaluated on this file: its XPath could cost up to " +
                       std::to_string(cost) +
                       " node visits on the file's 8 nodes, more than the limit of 1 (raise it "
                       "with --xpath-max-cost)");
  // 8 nodes: the document, ConnectedApp and its xmlns, label and its text, oauthConfig, scopes and
  // its text. 3 steps (`//`, `*`, `.`), degree 2.
  CHECK(cost == 3 * 8 * 8);

  Audit at = audit({e.limited.path.string(), e.other.path.string()},
                   {"--policy", policy.string(), "--xpath-max-cost", std::to_string(cost)});
  CHECK(at.code == 1);
  CHECK(errors(at).empty());
  std::size_t custom = 0;
  for (const auto& f : at.doc["findings"]) custom += f["rule"] == "ACME-1" ? 1 : 0;
  CHECK(custom == 4);  // per file: scopes, and oauthConfig whose string value is 'Full' too

  Audit past = audit({e.limited.path.string(), e.other.path.string()},
                     {"--policy", policy.string(), "--xpath-max-cost", std::to_string(cost - 1)});
  CHECK(past.code == 2);
  CHECK(errors(past).size() == 2);  // each file names the rule it did not run
  // The built-in rules still ran on both files.
  CHECK(full_scope_apps(past) == std::set<std::string>{"Fine", "Other"});
}

TEST_CASE("limits: line length in excerpts", "[limits]") {
  // Evidence is cut at 200 bytes: a line of 200 is shown whole, one of 201 is cut with "...".
  std::string at(200, 'a');
  for (std::size_t i = 0; i < at.size(); i += 10) at[i] = ' ';
  at[0] = 'a';
  CHECK(load::redacted_line(at, 0, at.size(), {}, 200) == at);
  std::string past = at + "b";
  std::string shown = load::redacted_line(past, 0, past.size(), {}, 200);
  CHECK(shown == at + "...");

  // A line longer than the window read around the focus (8 x 200 bytes each side): the work per
  // excerpt is bounded, and a token the window cuts is masked whole, never shown in part (here the
  // window starts 20 characters into the token, and the secret after it shrinks to "[redacted]").
  std::string token = "AKIA0123456789abcdefXYZ0123456789";
  std::string line =
      std::string(10000, ' ') + token + "<consumerSecret>" + std::string(1554, 's') + "</consumerSecret><scopes>";
  std::size_t focus = line.size() - 8;
  std::string around = load::redacted_line(line, 0, line.size(), calint::secret_ranges(line), 200, focus);
  CHECK(around == "...[redacted]<consumerSecret>[redacted]</consumerSecret><scopes>");
}

TEST_CASE("limits: set on the command line only, listed by --help", "[limits]") {
  auto help = test::run({"audit", "--help"});
  CHECK(help.code == 0);
  for (const char* option :
       {"--max-file-size", "--max-files", "--xml-max-depth", "--xml-max-elements", "--xpath-max-cost",
        "--zip-max-entries", "--zip-max-entry-size", "--zip-max-total-size", "--zip-max-ratio"}) {
    CHECK(help.out.find(option) != std::string::npos);
  }
  CHECK(help.out.find("Limits (docs/limits.md; a policy file cannot raise them)") != std::string::npos);
  // A policy from the audited tree cannot lift one: no key of a policy names a limit.
  CHECK(test::policy_error("max_file_size: 1GiB\n")
            .rfind("policy.yaml:1:1: unknown key 'max_file_size' in the policy", 0) == 0);
  CHECK(test::policy_error("limits:\n  max_files: 10\n")
            .rfind("policy.yaml:1:1: unknown key 'limits' in the policy", 0) == 0);
}
