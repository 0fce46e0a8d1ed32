#include <fmt/format.h>
#include "rules/helpers.h"
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

void self_authorize(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  std::string note = api_access_control_note(model);
  for (const auto& app : model.connected_apps) {
    if (!app.has_oauth_config || app.is_admin_approved.value) continue;
    bool escalate = grants_api_or_refresh(app.scopes);
    // An empty or invalid isAdminApproved has a location but no value: point at it, say what it means.
    const auto& approved = app.is_admin_approved;
    SourceLoc loc = approved.loc.valid() ? approved.loc : app.oauth_config;
    std::string how = not_true(approved, "isAdminApproved");
    ctx.report(component_of(app), loc, "ConnectedApp/oauthConfig/isAdminApproved", "",
               fmt::format("All users may self-authorize this app ({}){}: any user can be talked into connecting it; "
                           "set isAdminApproved to true and assign profiles or permission sets{}",
                           how, reach(escalate), note),
               escalate);
  }
  for (const auto& app : model.external_client_apps) {
    bool escalate = grants_api_or_refresh(eca_scopes(app));
    for (const auto* policy_file : app.oauth_policies) {
      if (!policy_file->self_authorized.present && !policy_file->self_authorized.loc.valid() && ctx.notes) {
        // Absent, not invalid (CA000 covers that): Salesforce documents no default to assume.
        ctx.notes->push_back(fmt::format(
            "{}: External Client App {} has OAuth policies without permittedUsersPolicyType; Salesforce documents "
            "no default, so CA103 and CA104 could not check who may use the app",
            model.files[static_cast<std::size_t>(policy_file->file)].display_path, app.name));
      }
      if (!policy_file->self_authorized.present || !policy_file->self_authorized.value) continue;
      ctx.report(component_of(app), policy_file->self_authorized.loc,
                 "ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType", "",
                 fmt::format("All users may self-authorize this app (permittedUsersPolicyType is AllSelfAuthorized){}: "
                             "set it to AdminApprovedPreAuthorized and assign profiles or permission sets{}",
                             reach(escalate), note),
                 escalate);
    }
  }
}

}  // namespace calint::rules
