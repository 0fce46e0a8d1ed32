#pragma once
#include <cstdint>

#include "core/custom_rule.h"
#include "rules/rule.h"

namespace calint::rules {

/// Reports every node the loader found for custom rule `rule_index` of the policy (its context's
/// rule), each at the node, with `{value}` and `{element}` in the message filled in.
void report_custom_matches(RuleContext& ctx, std::uint32_t rule_index, const CustomRule& rule);

}  // namespace calint::rules
