#include "rules/rule.h"

namespace calint::rules {

// Load problems were found while reading; this rule only reports them, so CA000 sits in the
// catalogue and the registry like every other rule.
void invalid_metadata(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& issue : model.issues) {
    const ExportFile& f = model.files[static_cast<std::size_t>(issue.loc.file)];
    ctx.report({f.component_type, f.component_name, ""}, issue.loc, issue.key, "", issue.message);
  }
}

}  // namespace calint::rules
