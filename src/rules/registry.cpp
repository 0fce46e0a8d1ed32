#include "rules/rule.h"

namespace calint {

namespace rules {
#define CALINT_RULE(id, function) void function(RuleContext& ctx);
#include "rules/registry.inc"
#undef CALINT_RULE
}  // namespace rules

const std::vector<RuleEntry>& rule_registry() {
  static const std::vector<RuleEntry> kRules = {
#define CALINT_RULE(id, function) {#id, rules::function},
#include "rules/registry.inc"
#undef CALINT_RULE
  };
  return kRules;
}

}  // namespace calint
