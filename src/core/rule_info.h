#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"

namespace calint {

/// One policy key that changes a rule's behaviour, declared in the rule's catalogue entry. The
/// policy parser reads the key by its type, and the default exists only here.
struct RuleParam {
  std::string key;   ///< dotted policy key, e.g. refresh_tokens.max_lifetime
  std::string type;  ///< duration, timeout, integer, enum, string-list, scope-list, string-map, string-list-map,
                     ///< app-scope-list, approved-app-list
  std::string default_value;  ///< YAML text, parsed like a value in a policy
  std::string description;
  std::vector<std::string> values;   ///< enum: the accepted values; string-list-map: the accepted keys
  std::optional<long long> minimum;  ///< integer: the smallest accepted value
  std::optional<long long> maximum;  ///< integer: the largest accepted value
};

struct RuleReference {
  std::string title;
  std::string url;
};

/// A rule's metadata, from `rules/CAnnn.yaml` (embedded at build time). Reports carry the entries
/// of the rules that fired, so no reporter needs the catalogue itself.
struct RuleInfo {
  std::string id;
  std::string name;
  Severity severity = Severity::Medium;
  /// A higher severity under a condition the rule checks (`escalation` says which).
  std::optional<Severity> escalated_severity;
  std::string escalation;
  /// A lower severity under a condition the rule checks (`reduction` says which). When both
  /// conditions hold, the reduction wins: it describes a control that takes the risk away.
  std::optional<Severity> reduced_severity;
  std::string reduction;
  std::string summary;
  std::string rationale;
  std::string remediation;
  std::vector<std::string> applies_to;
  std::vector<std::string> controls;
  std::vector<RuleReference> references;
  std::vector<RuleParam> params;
  /// What `calint fix` does for the rule's findings: "safe" (cannot change who can use the app
  /// today), "unsafe" (can: needs --unsafe-fixes) or "none"; `fix_reason` says why.
  std::string fix = "none";
  std::string fix_reason;
  /// Empty for a built-in rule; for a custom rule, where the policy defines it ("calint.yaml:12:5").
  std::string defined_in;

  [[nodiscard]] bool custom() const { return !defined_in.empty(); }
};

/// The rule that reports metadata calint cannot read. No policy can disable, re-grade or except it.
inline constexpr std::string_view kInvalidMetadataRule = "CA000";

}  // namespace calint
