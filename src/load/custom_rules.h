#pragma once
// The policy's custom rules (core/custom_rule.h) as the loader uses them: checked once before any
// file is read, then evaluated on the DOM of each file they target while it is read. pugixml stays
// inside this layer: callers see plain data.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/custom_rule.h"
#include "model/common.h"

namespace calint {

/// A custom rule that cannot run: `what()` is "policy.yaml:LINE:COL: message".
class CustomRuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Custom rules, checked: every applies_to name is a metadata type custom rules may target, and
/// every expression compiles as XPath 1.0, selects nodes, and is not too costly (its length and
/// degree, docs/limits.md).
class CustomRuleSet {
 public:
  /// Throws CustomRuleError at the offending applies_to entry or at the expression (at the
  /// character where XPath parsing failed, when the expression sits on one line of the policy).
  explicit CustomRuleSet(const std::vector<CustomRule>& rules);

  [[nodiscard]] std::size_t size() const { return rules_.size(); }
  [[nodiscard]] bool empty() const { return rules_.empty(); }
  [[nodiscard]] const std::string& xpath(std::size_t rule) const { return rules_[rule].xpath; }
  [[nodiscard]] const std::string& id(std::size_t rule) const { return rules_[rule].id; }
  /// The worst-case node visits of rule `rule` on a file of `nodes` nodes (load/xpath_cost.h).
  [[nodiscard]] std::uint64_t cost(std::size_t rule, std::uint64_t nodes) const;
  /// Whether rule `rule` targets files of `type`.
  [[nodiscard]] bool targets(std::size_t rule, MetaType type) const {
    return (rules_[rule].types & (std::uint32_t{1} << static_cast<unsigned>(type))) != 0;
  }
  /// Whether any rule targets files of `type`.
  [[nodiscard]] bool targets(MetaType type) const;

  /// The names applies_to accepts, for documentation and messages.
  static std::vector<std::string> target_names();

 private:
  struct Entry {
    std::string id;
    std::string xpath;
    std::uint32_t types = 0;  ///< one bit per MetaType
    unsigned degree = 1;      ///< cost: steps * nodes^degree
    std::uint64_t steps = 1;
  };
  std::vector<Entry> rules_;
};

}  // namespace calint
