#pragma once
// A rule a policy defines without C++ (`custom_rules:`): plain data. The policy layer reads it; the
// load layer compiles its XPath expression and evaluates it on each file it targets.
#include <string>
#include <vector>

#include "core/rule_info.h"

namespace calint {

/// A place in the policy file, for errors that point back into it.
struct PolicyPosition {
  std::string file;
  int line = 0;    ///< 1-based
  int column = 0;  ///< 1-based
  [[nodiscard]] std::string text() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

struct CustomRule {
  /// The catalogue entry reports and `calint rules`/`explain` show: id, name, severity, summary,
  /// rationale, remediation, applies_to, and `defined_in`.
  RuleInfo info;
  std::string message;  ///< each finding's message; `{value}` stands for the matched node's value
  std::string xpath;    ///< an XPath 1.0 expression that selects nodes
  PolicyPosition xpath_at;
  /// xpath_at is the expression's first character on a line that holds all of it, so an offset
  /// into the expression is an offset in columns; otherwise errors point at xpath_at itself.
  bool xpath_exact = false;
  std::vector<PolicyPosition> applies_to_at;  ///< where each info.applies_to entry is written
};

}  // namespace calint
