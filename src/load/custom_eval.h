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
  explicit CustomEvaluator(const CustomRuleSet& rules);
  /// Evaluates every rule that targets `type` on the document of `root`, and records each node it
  /// selects. Element names lose any namespace prefix first, so `//scopes` matches whatever prefix
  /// (or default namespace) the file uses.
  void evaluate(pugi::xml_node root, const XmlText& text, MetaType type, std::vector<CustomMatch>& out) const;

 private:
  const CustomRuleSet& rules_;
  std::vector<std::unique_ptr<pugi::xpath_query>> queries_;
};

}  // namespace calint::load
