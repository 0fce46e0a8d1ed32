#pragma once
// Internal to load/: evaluating custom rules on one parsed file.
#include <memory>
#include <vector>

#include <pugixml.hpp>

#include "load/custom_rules.h"
#include "load/xml_text.h"

namespace calint::load {

/// The compiled expressions of a CustomRuleSet. Each loader thread makes its own: pugixml does not
/// promise that one compiled query may be evaluated from several threads at once.
class CustomEvaluator {
 public:
  /// `max_cost`: the most node visits one rule may cost on one file (`--xpath-max-cost`).
  CustomEvaluator(const CustomRuleSet& rules, std::uint64_t max_cost);
  /// Evaluates every rule that targets `type` on the document of `root`, and records each node it
  /// selects. Element names lose any namespace prefix first, so `//scopes` matches whatever prefix
  /// (or default namespace) the file uses. A rule whose worst case on this file passes the cost
  /// limit is not evaluated: `errors` says so.
  void evaluate(pugi::xml_node root, const XmlText& text, MetaType type, std::vector<CustomMatch>& out,
                std::vector<std::string>& errors) const;

 private:
  const CustomRuleSet& rules_;
  std::uint64_t max_cost_;
  std::vector<std::unique_ptr<pugi::xpath_query>> queries_;
};

}  // namespace calint::load
