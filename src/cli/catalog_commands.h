#pragma once
// `calint rules` and `calint explain`: the catalogue, for people (text, markdown) and tools (json).
#include <ostream>

#include "policy/catalog.h"
#include "policy/policy.h"

namespace calint {

void write_rules_text(std::ostream& out, const Catalog& catalog);
void write_rules_json(std::ostream& out, const Catalog& catalog);
/// docs/rules.md is this output (a test keeps it current).
void write_rules_markdown(std::ostream& out, const Catalog& catalog);
/// schemas/policy.schema.json: the policy format, its rule parameters from the catalogue (a test
/// keeps the committed file current).
void write_policy_schema(std::ostream& out, const Catalog& catalog);
/// One rule with the parameters in effect under `policy`.
void write_explain(std::ostream& out, const RuleInfo& rule, const Policy& policy);

}  // namespace calint
