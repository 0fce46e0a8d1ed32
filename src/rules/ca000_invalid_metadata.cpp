// CA000 invalid-metadata. Load problems were found while reading; this rule only reports them, so
// CA000 sits in the catalogue and the registry like every other rule.
#include "rules/rule.h"

namespace calint::rules {

void invalid_metadata(RuleContext& ctx) {
  for (const auto& issue : ctx.model().issues) {
    const ExportFile& f = ctx.file(issue.loc.file);
    ctx.report({std::string(f.component_type), f.component_name, ""}, Site{issue.loc, issue.element, issue.key},
               issue.message);
  }
}

}  // namespace calint::rules
