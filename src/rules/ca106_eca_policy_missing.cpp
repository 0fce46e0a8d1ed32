#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_policy_missing(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& app : model.external_client_apps) {
    if (!app.header_in_export || !app.oauth_policies.empty()) continue;  // CA107 covers stand-ins
    if (app.oauth_settings.empty() && app.global_oauth.empty()) continue;
    ctx.report(component_of(app), app.root, "ExternalClientApplication", "",
               "External Client App has OAuth settings but no OAuth policies file (.ecaOauthPlcy) in the export; "
               "Salesforce documents no defaults for those policies, so permitted users, IP relaxation and "
               "refresh-token checks (CA103, CA104, CA105, CA201-CA203, CA301, CA302) could not run: add "
               "ExtlClntAppOauthConfigurablePolicies to the retrieve");
  }
}

}  // namespace calint::rules
