// Policy errors are exact texts: a user sees them, and a typo must never turn a check off.
#include <catch2/catch.hpp>

#include "core/duration.h"
#include "policy/policy.h"

using namespace calint;

namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_policy(yaml, "policy.yaml", builtin_catalog());
  } catch (const PolicyError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the embedded default policy follows the benchmark", "[policy]") {
  Policy p = default_policy(builtin_catalog());
  CHECK(p.fail_on == Severity::High);
  CHECK(p.param<Duration>("refresh_tokens.max_lifetime").hours == 90 * 24);
  CHECK(p.param<Duration>("refresh_tokens.max_inactivity").hours == 30 * 24);
  CHECK(p.param<StringList>("scopes.allow").empty());
  CHECK(p.param<StringList>("scopes.deny").empty());
  CHECK(p.param<std::string>("my_domain") == "if-settings-present");
  CHECK(p.exceptions.empty());
  CHECK(p.warnings.empty());
}

TEST_CASE("an empty policy is the defaults", "[policy]") {
  Policy p = parse_policy("", "policy.yaml", builtin_catalog());
  CHECK(p.fail_on == Severity::High);
  Policy q = parse_policy("# only a comment\n", "policy.yaml", builtin_catalog());
  CHECK(q.param<Duration>("refresh_tokens.max_inactivity").hours == 30 * 24);
}

TEST_CASE("a full policy is read into types", "[policy]") {
  Policy p = parse_policy(R"(version: 1
fail_on: medium
rules:
  CA104: {enabled: false}
  CA201: {severity: info}
scopes:
  allow: [Api, RefreshToken]
  deny: [Web]
  apps:
    - app: "Partner_*"
      allow: [Api]
refresh_tokens:
  max_lifetime: 12 hours
  max_inactivity: 2mo
my_domain: required
profile_aliases:
  Systemadministrator: Admin
exceptions:
  - app: "ns__*"
    rule: [CA103, CA301]
    justification: managed package
    expires: 2027-01-31
)",
                          "policy.yaml", builtin_catalog());
  CHECK(p.fail_on == Severity::Medium);
  CHECK_FALSE(p.rule_enabled("CA104"));
  CHECK(p.rule_enabled("CA101"));
  CHECK(p.severity_override("CA201") == std::optional<Severity>(Severity::Info));
  CHECK(p.param<StringList>("scopes.allow") == std::vector<std::string>{"Api", "RefreshToken"});
  const auto& apps = p.param<AppScopeRules>("scopes.apps");
  REQUIRE(apps.size() == 1);
  CHECK(apps[0].allow == std::optional<std::vector<std::string>>({"Api"}));
  CHECK(p.param<Duration>("refresh_tokens.max_lifetime").hours == 12);
  CHECK(p.param<Duration>("refresh_tokens.max_inactivity").hours == 60 * 24);
  CHECK(p.param<std::string>("my_domain") == "required");
  CHECK(p.param<StringMap>("profile_aliases").at("Systemadministrator") == "Admin");
  REQUIRE(p.exceptions.size() == 1);
  CHECK(p.exceptions[0].rules == std::vector<std::string>{"CA103", "CA301"});
  CHECK(format_date(*p.exceptions[0].expires) == "2027-01-31");
  CHECK(p.exceptions[0].where == "policy.yaml:19:5");
}

TEST_CASE("policy errors name file, line and column with a hint", "[policy][errors]") {
  CHECK(error_of("fail_onn: high\n") ==
        "policy.yaml:1:1: unknown key 'fail_onn' in the policy; did you mean 'fail_on'?");
  CHECK(error_of("fail_on: hihg\n") == "policy.yaml:1:10: 'fail_on' has unknown severity 'hihg'; did you mean 'high'?");
  CHECK(error_of("rules:\n  CA1O1: {enabled: false}\n") ==
        "policy.yaml:2:3: unknown rule 'CA1O1' in 'rules'; did you mean 'CA101'?");
  CHECK(error_of("rules:\n  CA101: {enabeld: false}\n") ==
        "policy.yaml:2:11: unknown key 'enabeld' in rules.CA101; did you mean 'enabled'?");
  CHECK(error_of("rules:\n  CA101: {enabled: nope}\n") ==
        "policy.yaml:2:20: rules.CA101.enabled must be true or false, found 'nope'");
  CHECK(error_of("rules:\n  CA000: {enabled: false}\n") ==
        "policy.yaml:2:3: CA000 (invalid-metadata) cannot be disabled or re-graded: a file calint cannot read must be "
        "fixed, not hidden");
  CHECK(error_of("scopes:\n  allow: Api\n") == "policy.yaml:2:10: scopes.allow must be a list of scope names");
  CHECK(error_of("refresh_tokens:\n  max_lifetime: 90 weeks\n") ==
        "policy.yaml:2:17: refresh_tokens.max_lifetime must be a duration such as '90 days', '12 hours' or '3 months', "
        "found '90 weeks'");
  CHECK(error_of("my_domain: requird\n") ==
        "policy.yaml:1:12: my_domain has unknown value 'requird'; did you mean "
        "'required'?");
  CHECK(error_of("exceptions:\n  - app: x\n    rule: CA101\n") ==
        "policy.yaml:2:5: an exception needs a 'justification' saying why the risk is accepted");
  CHECK(error_of("exceptions:\n  - app: x\n    rule: CA000\n    justification: y\n") ==
        "policy.yaml:3:11: CA000 (invalid-metadata) cannot be excepted: a file calint cannot read must be fixed");
  CHECK(error_of("exceptions:\n  - app: x\n    rule: CA101\n    justification: y\n    expires: 2027-02-30\n") ==
        "policy.yaml:5:14: exceptions[].expires must be a date YYYY-MM-DD, found '2027-02-30'");
  CHECK(error_of("version: 2\n") == "policy.yaml:1:10: unsupported policy version '2'; this calint reads version 1");
  CHECK(error_of("fail_on: high\nfail_on: low\n") == "policy.yaml:2:1: duplicate key 'fail_on' in the policy");
  CHECK(error_of("- a\n- b\n") == "policy.yaml:1:1: a policy must be a mapping");
  CHECK(error_of("rules: [\n").rfind("policy.yaml:", 0) == 0);
  CHECK(error_of("rules: [\n").find("not valid YAML") != std::string::npos);
}

TEST_CASE("hostile nesting is refused before yaml-cpp recurses", "[policy][errors]") {
  std::string flow(100000, '[');
  CHECK(error_of(flow) == "policy.yaml:1:1: policy is nested more than 64 levels deep");
  std::string block;
  for (int i = 0; i < 200; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  CHECK(error_of(block) == "policy.yaml:65:1: policy is nested more than 64 levels deep");
  std::string dashes;
  for (int i = 0; i < 100; ++i) dashes += "- ";
  CHECK(error_of(dashes + "x\n") == "policy.yaml:1:1: policy is nested more than 64 levels deep");
  CHECK(error_of(std::string(2 << 20, '#')) == "policy.yaml:1:1: policy is larger than 1 MiB");
}

TEST_CASE("an unknown scope literal is a warning with a hint, not an error", "[policy]") {
  Policy p = parse_policy("scopes:\n  deny: [FUll, Quantum]\n", "policy.yaml", builtin_catalog());
  REQUIRE(p.warnings.size() == 2);
  CHECK(p.warnings[0] ==
        "policy.yaml:2:10: warning: 'FUll' in scopes.deny is not a scope calint knows; did you mean "
        "'Full'?");
  CHECK(p.warnings[1] ==
        "policy.yaml:2:16: warning: 'Quantum' in scopes.deny is not a scope calint knows (kept: "
        "Salesforce adds scopes every release)");
  CHECK(p.param<StringList>("scopes.deny") == std::vector<std::string>{"FUll", "Quantum"});
}

TEST_CASE("durations", "[policy]") {
  CHECK(parse_duration("90 days")->hours == 90 * 24);
  CHECK(parse_duration("90")->hours == 90 * 24);
  CHECK(parse_duration("1 day")->hours == 24);
  CHECK(parse_duration("12h")->hours == 12);
  CHECK(parse_duration("3 months")->hours == 90 * 24);
  CHECK_FALSE(parse_duration("0 days"));
  CHECK_FALSE(parse_duration("days"));
  CHECK_FALSE(parse_duration("-3 days"));
  CHECK_FALSE(parse_duration("3 fortnights"));
  CHECK(format_hours(36) == "36 hours");
  CHECK(format_hours(24) == "1 day");
  CHECK(format_hours(24 * 180) == "180 days");
}

TEST_CASE("a policy file that cannot be read is an error naming it", "[policy][errors]") {
  try {
    load_policy_file("/nonexistent/calint.yaml", builtin_catalog());
    FAIL("no error");
  } catch (const PolicyError& e) {
    CHECK(std::string(e.what()) == "/nonexistent/calint.yaml: cannot read policy file");
  }
}

TEST_CASE("my_domain off reads the same whichever YAML version a tool assumes", "[policy]") {
  for (const char* text : {"my_domain: off\n", "my_domain: false\n", "my_domain: 'off'\n"}) {
    CHECK(parse_policy(text, "p.yaml", builtin_catalog()).param<std::string>("my_domain") == "off");
  }
}

TEST_CASE("a folder given as the policy is an error, not an empty policy", "[policy][errors]") {
  try {
    load_policy_file("/tmp", builtin_catalog());
    FAIL("no error");
  } catch (const PolicyError& e) {
    CHECK(std::string(e.what()) == "/tmp: cannot read policy file: it is a folder");
  }
}

TEST_CASE("the nesting guard reads comments and quotes as YAML does", "[policy][errors]") {
  // '#' inside a plain scalar is not a comment, so the brackets after it still count.
  CHECK(error_of("scopes:\n  allow: [a#, " + std::string(100, '[') + "\n") ==
        "policy.yaml:2:1: policy is nested more than 64 levels deep");
  // A comment after white space is one: brackets in it do not count.
  Policy p = parse_policy("fail_on: high # " + std::string(100, '[') + "\n", "policy.yaml", builtin_catalog());
  CHECK(p.fail_on == Severity::High);
}

TEST_CASE("the review parameters read into their types, with their defaults", "[policy]") {
  Policy d = default_policy(builtin_catalog());
  CHECK(d.param<StringList>("clients.integration_users").empty());
  CHECK(d.param<StringList>("callbacks.allowed_hosts").empty());
  CHECK(d.param<Duration>("certificates.expiry_window").hours == 30 * 24);
  CHECK(d.param<long long>("certificates.min_rsa_bits") == 2048);
  CHECK(d.param<long long>("certificates.min_ec_bits") == 256);
  CHECK(d.param<long long>("ip_ranges.max_ipv4_addresses") == 65536);
  CHECK(d.param<long long>("ip_ranges.max_ipv6_prefix") == 56);
  CHECK_FALSE(d.param<Timeout>("sessions.max_timeout").minutes);
  CHECK(d.param<std::string>("api_access_control") == "off");
  CHECK(d.param<StringListMap>("permissions.allow").at("CanApproveUninstalledApps") == StringList{"Admin"});
  CHECK(d.param<ApprovedApps>("approved_apps").empty());

  Policy p = parse_policy(R"(sessions:
  max_timeout: 90 minutes
api_access_control: required
permissions:
  allow:
    UseAnyApiClient: [Break_Glass]
approved_apps:
  - {app: Order_Sync, owner: Integration team, criticality: high}
  - app: "Partner_*"
)",
                          "policy.yaml", builtin_catalog());
  CHECK(*p.param<Timeout>("sessions.max_timeout").minutes == 90);
  CHECK(p.param<std::string>("api_access_control") == "required");
  // A key the policy leaves out keeps its default: allowing one holder of Use Any API Client does not
  // take Admin's Approve Uninstalled Connected Apps away.
  const auto& allow = p.param<StringListMap>("permissions.allow");
  CHECK(allow.at("UseAnyApiClient") == StringList{"Break_Glass"});
  CHECK(allow.at("CanApproveUninstalledApps") == StringList{"Admin"});
  CHECK(show_param(p, "permissions.allow") == "{CanApproveUninstalledApps: [Admin], UseAnyApiClient: [Break_Glass]}");
  const auto& apps = p.param<ApprovedApps>("approved_apps");
  REQUIRE(apps.size() == 2);
  CHECK(apps[0].owner == "Integration team");
  CHECK(apps[0].criticality == "high");
  CHECK(apps[0].where == "policy.yaml:8:5");
  CHECK(apps[1].owner.empty());
  CHECK(approved_entry(p, "Order_Sync")->criticality == "high");
  CHECK(approved_entry(p, "Partner_Portal")->app == "Partner_*");
  CHECK(approved_entry(p, "Shadow_Tool") == nullptr);
  CHECK(show_param(p, "sessions.max_timeout") == "90 minutes");
  CHECK(show_param(d, "sessions.max_timeout") == "off");
}

TEST_CASE("timeouts", "[policy]") {
  CHECK(*parse_timeout("30")->minutes == 30);
  CHECK(*parse_timeout("30 min")->minutes == 30);
  CHECK(*parse_timeout("2 hours")->minutes == 120);
  CHECK(*parse_timeout("1d")->minutes == 1440);
  CHECK_FALSE(parse_timeout("off")->minutes);
  CHECK_FALSE(parse_timeout("false")->minutes);
  CHECK_FALSE(parse_timeout("0 minutes"));
  CHECK_FALSE(parse_timeout("2 months"));
  CHECK(format_minutes(120) == "2 hours");
  CHECK(format_minutes(90) == "90 minutes");
  CHECK(format_minutes(1440) == "1 day");
}

TEST_CASE("review parameter errors name file, line and column", "[policy][errors]") {
  CHECK(error_of("sessions:\n  max_timeout: 2 fortnights\n") ==
        "policy.yaml:2:16: sessions.max_timeout must be a length of time such as '30 minutes' or '2 hours', or off, "
        "found '2 fortnights'");
  CHECK(error_of("ip_ranges:\n  max_ipv6_prefix: 129\n") ==
        "policy.yaml:2:20: ip_ranges.max_ipv6_prefix must be at most 128, found 129");
  CHECK(error_of("ip_ranges:\n  max_ipv4_addresses: 0\n") ==
        "policy.yaml:2:23: ip_ranges.max_ipv4_addresses must be at least 1, found 0");
  CHECK(error_of("permissions:\n  allow:\n    UseAnyApiClien: [Admin]\n") ==
        "policy.yaml:3:5: unknown key 'UseAnyApiClien' in permissions.allow; did you mean 'UseAnyApiClient'?");
  CHECK(error_of("permissions:\n  allow:\n    UseAnyApiClient: Admin\n") ==
        "policy.yaml:3:22: permissions.allow.UseAnyApiClient must be a list of names or globs");
  CHECK(error_of("approved_apps:\n  - {owner: x}\n") ==
        "policy.yaml:2:5: an entry of approved_apps needs 'app' (an API name or glob)");
  CHECK(error_of("approved_apps:\n  - {app: A, owner: x}\n  - {app: A}\n") ==
        "policy.yaml:3:11: duplicate app 'A' in approved_apps");
  CHECK(error_of("approved_apps:\n  - {app: A, ownr: x}\n") ==
        "policy.yaml:2:14: unknown key 'ownr' in an entry of approved_apps; did you mean 'owner'?");
  CHECK(error_of("api_access_control: requird\n") ==
        "policy.yaml:1:21: api_access_control has unknown value 'requird'; did you mean 'required'?");
}
