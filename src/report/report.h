#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "engine/engine.h"
#include "policy/catalog.h"
#include "policy/policy.h"

namespace calint {

struct TextOptions {
  bool color = false;
  std::optional<Severity> fail_on;  ///< when set, the summary says how many findings fail the run
};

/// `path:line:col: severity: message [CA101 full-scope]`, grouped by component, with a summary.
void write_text_report(std::ostream& out, const Report& report, const Catalog& catalog, const TextOptions& options);
/// The JSON contract of DESIGN.md (schemas/report.schema.json).
void write_json_report(std::ostream& out, const Report& report, const std::string& version);

/// `calint rules` in text, json or markdown (docs/rules.md is the markdown form).
void write_rules_text(std::ostream& out, const Catalog& catalog);
void write_rules_json(std::ostream& out, const Catalog& catalog);
void write_rules_markdown(std::ostream& out, const Catalog& catalog);
/// `calint explain ID`: one rule with the parameters in effect under `policy`.
void write_explain(std::ostream& out, const RuleInfo& rule, const Policy& policy);

/// The value a policy gives a documented parameter key (e.g. refresh_tokens.max_lifetime).
std::string policy_value(const Policy& policy, const std::string& key);

}  // namespace calint
