#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/severity.h"
#include "policy/catalog.h"

namespace calint {

/// A length of time, kept in hours (a month is 30 days, as Salesforce counts it).
struct Duration {
  long long hours = 0;
  std::string text;  ///< as written in the policy, for messages
};

struct RuleSettings {
  bool enabled = true;
  std::optional<Severity> severity;  ///< overrides the catalogue severity outright
};

struct AppScopeRule {
  std::string where;  ///< "policy.yaml:12:5", for warnings
  std::string app;    ///< API name or glob
  std::optional<std::vector<std::string>> allow;
  std::vector<std::string> deny;
};

struct PolicyException {
  std::string app;  ///< API name or glob
  std::vector<std::string> rules;
  std::string justification;
  std::optional<Date> expires;  ///< inclusive, UTC
  std::string where;            ///< "policy.yaml:12:5", for warnings
};

enum class MyDomainRequirement { Required, IfSettingsPresent, Off };

/// The typed, validated policy.
struct Policy {
  std::string source = "<default policy>";
  Severity fail_on = Severity::High;
  std::map<std::string, RuleSettings, std::less<>> rules;
  std::vector<std::string> scope_allow;
  std::vector<std::string> scope_deny;
  std::vector<AppScopeRule> scope_apps;
  Duration max_lifetime{90LL * 24, "90 days"};
  Duration max_inactivity{30LL * 24, "30 days"};
  MyDomainRequirement my_domain = MyDomainRequirement::IfSettingsPresent;
  std::map<std::string, std::string, std::less<>> profile_aliases;
  std::vector<PolicyException> exceptions;
  std::vector<std::string> warnings;  ///< "file:line:col: warning: ..." (unknown scope literals)

  [[nodiscard]] bool rule_enabled(std::string_view id) const;
  [[nodiscard]] std::optional<Severity> severity_override(std::string_view id) const;
};

/// A policy that cannot be used; `what()` is `file:line:col: message`.
class PolicyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses and validates a policy. Throws PolicyError.
Policy parse_policy(std::string_view text, const std::string& file_name, const Catalog& catalog);
/// Reads and parses a policy file. Throws PolicyError (also when the file cannot be read).
Policy load_policy_file(const std::string& path, const Catalog& catalog);
/// The embedded default policy.
Policy default_policy(const Catalog& catalog);

/// Parses a duration (`90 days`, `12h`, `3mo`, a plain number of days); nullopt when malformed.
std::optional<Duration> parse_duration(std::string_view text);
/// Formats hours as the largest exact unit ("90 days", "36 hours", "6 months").
std::string format_hours(long long hours);

/// The OAuth scope literals calint knows (ConnectedAppOauthAccessScope and the ECA additions).
const std::vector<std::string>& known_scopes();

std::string_view to_string(MyDomainRequirement r);

}  // namespace calint
