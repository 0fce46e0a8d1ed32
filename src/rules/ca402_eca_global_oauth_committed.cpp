// CA402 eca-global-oauth-committed.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_global_oauth_committed(RuleContext& ctx) {
  for (const auto& s : ctx.model().eca_global_oauth) {
    ctx.report(component_of_file(ctx.model(), s.file), at_root(s),
               "External Client App global OAuth settings file is in the files; Salesforce says it holds private "
               "consumer data that must not be in source control: keep it out with .forceignore and .gitignore "
               "(expected in an org export)");
  }
}

}  // namespace calint::rules
