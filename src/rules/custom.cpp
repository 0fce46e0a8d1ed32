// Custom rules: the loader found the nodes each one selects (Export::custom_matches); this reports
// them like any other rule's findings.
#include "rules/custom.h"

#include "rules/apps.h"

namespace calint::rules {

namespace {

/// The message with `{value}` (the node's value) and `{element}` (its element name) filled in.
std::string fill(std::string_view message, const CustomMatch& m) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    if (message.substr(i, 7) == "{value}") {
      out += m.value;
      i += 7;
    } else if (message.substr(i, 9) == "{element}") {
      out += leaf(m.element);
      i += 9;
    } else {
      out.push_back(message[i++]);
    }
  }
  return out;
}

}  // namespace

void report_custom_matches(RuleContext& ctx, std::uint32_t rule_index, const CustomRule& rule) {
  for (const auto& m : ctx.model().custom_matches) {
    if (m.rule != rule_index) continue;
    ctx.report(component_of_file(ctx.model(), m.loc.file), Site{m.loc, m.element, m.key}, fill(rule.message, m));
  }
}

}  // namespace calint::rules
