// CA104 unassigned-app.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void unassigned_app(RuleContext& ctx) {
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    const App& app = p.app;
    if (app.ca) {
      const ConnectedApp& ca = *app.ca;
      if (!ca.has_oauth_config || !ca.is_admin_approved.value) return;
      if (!ca.profile_names.empty() || !ca.permission_set_names.empty()) return;
      ctx.report(app.component(), at(ca.is_admin_approved),
                 "Admin-approved app with no profileName or permissionSetName: nobody can use it; assign the "
                 "profiles or permission sets that need it, or remove the app if it is unused");
      return;
    }
    const EcaOauthPolicy& f = *p.eca_file;
    if (!f.permitted_users.present || f.permitted_users.value != PermittedUsers::AdminApprovedPreAuthorized) return;
    if (!f.profiles.empty() || !f.permission_sets.empty()) return;
    ctx.report(app.component(), at(f.permitted_users),
               "Admin-approved app (AdminApprovedPreAuthorized) with no commaSeparatedProfile or "
               "commaSeparatedPermissionSet: nobody can use it; assign access or remove the app if it is unused");
  });
}

}  // namespace calint::rules
