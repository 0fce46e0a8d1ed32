#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_info.h"

namespace calint {

/// The rule catalogue, sorted by id.
class Catalog {
 public:
  explicit Catalog(std::vector<RuleInfo> rules);
  [[nodiscard]] const std::vector<RuleInfo>& rules() const { return rules_; }
  [[nodiscard]] const RuleInfo* find(std::string_view id) const;
  [[nodiscard]] std::vector<std::string> ids() const;
  /// Every parameter of every rule, in id order.
  [[nodiscard]] std::vector<const RuleParam*> params() const;

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
