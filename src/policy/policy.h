#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/duration.h"
#include "core/severity.h"
#include "policy/catalog.h"

namespace calint {

struct RuleSettings {
  bool enabled = true;
  std::optional<Severity> severity;  ///< overrides the catalogue severity outright
};

/// One entry of `scopes.apps`: scope lists for the apps an API name or glob matches.
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

using StringMap = std::map<std::string, std::string, std::less<>>;
using StringList = std::vector<std::string>;
using AppScopeRules = std::vector<AppScopeRule>;

/// The value of a rule parameter, of the type its catalogue entry declares: duration, integer,
/// enum (the chosen value), string-list / scope-list, string-map, app-scope-list.
using ParamValue = std::variant<Duration, long long, std::string, StringList, StringMap, AppScopeRules>;

/// The typed, validated policy.
struct Policy {
  std::string source = "<default policy>";
  Severity fail_on = Severity::High;
  std::map<std::string, RuleSettings, std::less<>> rules;
  /// Every parameter the catalogue declares, by key: the policy's value or the declared default.
  std::map<std::string, ParamValue, std::less<>> params;
  std::vector<PolicyException> exceptions;
  std::vector<std::string> warnings;  ///< "file:line:col: warning: ..." (unknown scope literals)

  [[nodiscard]] bool rule_enabled(std::string_view id) const;
  [[nodiscard]] std::optional<Severity> severity_override(std::string_view id) const;

  /// A parameter's value. The key and type are the catalogue's: a mismatch is a programming error
  /// (std::logic_error), which the meta-tests rule out.
  template <class T>
  [[nodiscard]] const T& param(std::string_view key) const {
    auto it = params.find(key);
    if (it == params.end() || !std::holds_alternative<T>(it->second)) {
      throw std::logic_error("no policy parameter '" + std::string(key) + "' of that type in the catalogue");
    }
    return std::get<T>(it->second);
  }
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

/// A parameter's value as `calint explain` shows it ("90 days", "[Api, RefreshToken]").
std::string show_param(const Policy& policy, std::string_view key);

/// The OAuth scope literals calint knows (ConnectedAppOauthAccessScope and the ECA additions).
const std::vector<std::string>& known_scopes();

}  // namespace calint
