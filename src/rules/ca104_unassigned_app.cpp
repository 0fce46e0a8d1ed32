#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void unassigned_app(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& app : model.connected_apps) {
    if (!app.has_oauth_config || !app.is_admin_approved.value) continue;
    if (!app.profile_names.empty() || !app.permission_set_names.empty()) continue;
    ctx.report(component_of(app), app.is_admin_approved.loc, "ConnectedApp/oauthConfig/isAdminApproved", "",
               "Admin-approved app with no profileName or permissionSetName: nobody can use it; assign the "
               "profiles or permission sets that need it, or remove the app if it is unused");
  }
  for (const auto& app : model.external_client_apps) {
    for (const auto* p : app.oauth_policies) {
      if (!p->self_authorized.present || p->self_authorized.value) continue;
      if (!p->profiles.empty() || !p->permission_sets.empty()) continue;
      ctx.report(component_of(app), p->self_authorized.loc,
                 "ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType", "",
                 "Admin-approved app (AdminApprovedPreAuthorized) with no commaSeparatedProfile or "
                 "commaSeparatedPermissionSet: nobody can use it; assign access or remove the app if it is unused");
    }
  }
}

}  // namespace calint::rules
