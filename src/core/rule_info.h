#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"

namespace calint {

/// One policy key that changes a rule's behaviour, declared in the rule's catalogue entry. The
/// policy parser reads the key by its type, and the default exists only here.
struct RuleParam {
  std::string key;            ///< dotted policy key, e.g. refresh_tokens.max_lifetime
  std::string type;           ///< duration, integer, enum, string-list, scope-list, string-map, app-scopes
  std::string default_value;  ///< YAML text, parsed like a value in a policy
  std::string description;
  std::vector<std::string> values;  ///< enum: the accepted values
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
  std::optional<Severity> escalated_severity;
  std::string escalation;
  std::string summary;
  std::string rationale;
  std::string remediation;
  std::vector<std::string> applies_to;
  std::vector<std::string> controls;
  std::vector<RuleReference> references;
  std::vector<RuleParam> params;
};

/// The rule that reports metadata calint cannot read. No policy can disable, re-grade or except it.
inline constexpr std::string_view kInvalidMetadataRule = "CA000";

}  // namespace calint
