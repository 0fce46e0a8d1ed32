// CA901 app-not-in-inventory.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void app_not_in_inventory(RuleContext& ctx) {
  const Policy& policy = ctx.policy();
  if (ctx.param<ApprovedApps>("approved_apps").empty()) return;
  for (const App& app : apps(ctx.model())) {
    if (approved_entry(policy, app.head().name)) continue;
    Site site = app.ca ? at_root(*app.ca) : at_root(*app.eca);
    ctx.report(app.component(), site,
               "The app is not in the policy's approved_apps inventory: add it with its owner and criticality "
               "after reviewing what it can reach, or remove the app if nobody owns it");
  }
}

}  // namespace calint::rules
