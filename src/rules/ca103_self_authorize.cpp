// CA103 self-authorize.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

std::string api_access_control_note(const Export& model) {
  for (const auto& s : model.connected_app_settings) {
    if (s.admin_approved_apps_only.value) {
      return "; API Access Control is on in this org (ConnectedApp settings), which limits API use to approved "
             "apps and softens this";
    }
  }
  return "";
}

std::string reach(bool escalate) { return escalate ? " and its scopes give API access or refresh tokens" : ""; }

}  // namespace

void self_authorize(RuleContext& ctx) {
  std::string note = api_access_control_note(ctx.model());
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    const App& app = p.app;
    if (!app.oauth()) return;
    bool escalate = grants_api_or_refresh(app.scopes());
    if (app.ca) {
      // isAdminApproved absent, empty or invalid means false (the documented default): point at
      // it when it is there, say what it means.
      const auto& approved = app.ca->is_admin_approved;
      if (approved.value) return;
      ctx.report(app.component(), at(approved, app.ca->oauth_config),
                 fmt::format("All users may self-authorize this app ({}){}: any user can be talked into connecting "
                             "it; set isAdminApproved to true and assign profiles or permission sets{}",
                             not_true(approved), reach(escalate), note),
                 escalate);
      return;
    }
    const auto& users = p.eca_file->permitted_users;
    if (!users.present) {
      ctx.note(
          fmt::format("{}: External Client App {} has OAuth policies without permittedUsersPolicyType; "
                      "Salesforce documents no default, so CA103 and CA104 could not check who may use the app",
                      ctx.file(p.eca_file->file).display_path, app.head().name));
      return;
    }
    if (users.value != PermittedUsers::AllSelfAuthorized) return;
    ctx.report(app.component(), at(users),
               fmt::format("All users may self-authorize this app (permittedUsersPolicyType is AllSelfAuthorized){}: "
                           "set it to AdminApprovedPreAuthorized and assign profiles or permission sets{}",
                           reach(escalate), note),
               escalate);
  });
}

}  // namespace calint::rules
