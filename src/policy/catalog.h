#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"

namespace calint {

/// One policy key that changes a rule's behaviour, as documented in the catalogue.
struct RuleParam {
  std::string key;
  std::string type;
  std::string default_value;
  std::string description;
};

struct RuleReference {
  std::string title;
  std::string url;
};

/// A rule's metadata, from `rules/CAnnn.yaml` (embedded at build time).
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

/// The rule catalogue, sorted by id.
class Catalog {
 public:
  explicit Catalog(std::vector<RuleInfo> rules);
  [[nodiscard]] const std::vector<RuleInfo>& rules() const { return rules_; }
  [[nodiscard]] const RuleInfo* find(std::string_view id) const;
  [[nodiscard]] std::vector<std::string> ids() const;

 private:
  std::vector<RuleInfo> rules_;
};

/// Parses one catalogue entry; throws std::runtime_error naming `source` on a malformed entry.
RuleInfo parse_rule_info(std::string_view yaml, const std::string& source);

/// The catalogue embedded in the binary (parsed once).
const Catalog& builtin_catalog();

/// The embedded default policy YAML, verbatim (with its comments).
std::string_view default_policy_text();

}  // namespace calint
