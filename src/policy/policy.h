#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/custom_rule.h"
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

/// An accepted risk: suppresses the findings it matches until it expires.
struct PolicyException {
  std::string app;  ///< API name or glob
  std::vector<std::string> rules;
  std::string justification;
  std::optional<Date> expires;  ///< inclusive, UTC
  std::string owner;            ///< who accepted the risk (optional)
  std::string ticket;           ///< the tracking reference (optional)
  /// Narrower matchers, each optional (empty: any). `element` is a glob over the finding's element
  /// path, matched whole or against its trailing segments (`callbackUrl` matches
  /// `ConnectedApp/oauthConfig/callbackUrl`); `value` a glob over the value the finding is about
  /// (one scope, one callback URL, one assigned profile); `file` a glob over the file path, whole
  /// or by trailing segments.
  std::string element;
  std::string value;
  std::string file;
  std::string where;  ///< "policy.yaml:12:5", for warnings

  /// "exception for 'X' (CA101, CA102)" plus owner and ticket when set: how warnings name it.
  [[nodiscard]] std::string describe() const;
};

/// One entry of `approved_apps`: an app on the organisation's register of connected apps.
struct ApprovedApp {
  std::string where;  ///< "policy.yaml:12:5", for warnings
  std::string app;    ///< API name or glob
  std::string owner;
  std::string criticality;
};

using StringMap = std::map<std::string, std::string, std::less<>>;
using StringList = std::vector<std::string>;
using StringListMap = std::map<std::string, StringList, std::less<>>;
using AppScopeRules = std::vector<AppScopeRule>;
using ApprovedApps = std::vector<ApprovedApp>;

/// The value of a rule parameter, of the type its catalogue entry declares: duration, timeout,
/// integer, enum (the chosen value), string-list / scope-list, string-map, string-list-map,
/// app-scope-list, approved-app-list.
using ParamValue = std::variant<Duration, Timeout, long long, std::string, StringList, StringMap, StringListMap,
                                AppScopeRules, ApprovedApps>;

/// The typed, validated policy.
struct Policy {
  std::string source = "<default policy>";
  Severity fail_on = Severity::High;
  std::map<std::string, RuleSettings, std::less<>> rules;
  /// Every parameter the catalogue declares, by key: the policy's value or the declared default.
  std::map<std::string, ParamValue, std::less<>> params;
  std::vector<PolicyException> exceptions;
  /// Rules the policy defines (`custom_rules:`), in policy order. Their ids may be used in `rules`
  /// and `exceptions` like built-in ones.
  std::vector<CustomRule> custom_rules;
  std::vector<std::string> warnings;  ///< "file:line:col: warning: ..." (unknown scope literals)
  /// Where the policy file set a value ("file:line:col"), by key: `version`, `fail_on`,
  /// `rules.CA101`, each parameter key (`scopes.allow`); a key that is absent took the default.
  /// Exceptions carry their own `where`.
  std::map<std::string, std::string, std::less<>> origins;

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

/// `calint audit --show-policy`: the merged policy as YAML (a valid policy), each value followed by
/// where it came from: the policy file's `file:line:col`, or `default`.
void write_policy_with_origins(std::ostream& out, const Policy& policy, const Catalog& catalog);

/// The `.calint.yaml` that applies to `folder` (absolute or relative to the current folder): the
/// first found from `folder` upward, stopping at the repository root (the folder holding `.git`),
/// or only `folder` itself outside a repository. Empty when there is none.
std::string discover_policy(const std::string& folder);

/// A parameter's value as `calint explain` shows it ("90 days", "[Api, RefreshToken]").
std::string show_param(const Policy& policy, std::string_view key);

/// The `approved_apps` entry that lists an app (by API name or glob), or nullptr: the owner and
/// criticality the inventory shows for it.
const ApprovedApp* approved_entry(const Policy& policy, std::string_view app_name);

/// The built-in catalogue with the policy's custom rules added: what `calint rules --policy`,
/// `calint explain --policy` and an audit under that policy know.
Catalog with_custom_rules(const Catalog& catalog, const Policy& policy);

/// The OAuth scope literals calint knows (ConnectedAppOauthAccessScope and the ECA additions).
const std::vector<std::string>& known_scopes();

}  // namespace calint
