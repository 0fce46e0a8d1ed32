// CA103 self-authorize.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"
#include "rules/usage.h"

namespace calint::rules {

namespace {

std::string reach(bool escalate) { return escalate ? " and its scopes give API access or refresh tokens" : ""; }

/// With usage data: how many users already hold tokens for the app (they keep them when it
/// becomes admin-approved, until revoked).
std::string holders(const UsageIndex& usage, const App& app) {
  auto u = usage.of(app);
  if (!u) return "";
  if (u->users == 0) return "; no user holds a token for it yet";
  return fmt::format(
      "; {} user{} already hold{} tokens for it (last used {}): review them and revoke those not "
      "meant to keep access",
      u->users, u->users == 1 ? "" : "s", u->users == 1 ? "s" : "", u->last_use ? format_date(*u->last_use) : "never");
}

}  // namespace

void self_authorize(RuleContext& ctx) {
  // API Access Control (ConnectedApp settings enableAdminApprovedAppsOnly): users reach the APIs
  // only through connected apps pre-authorized for them, so a self-authorized Connected App gives
  // API access only to holders of Use Any API Client (CA601). It does not cover External Client
  // Apps, and its external-user variant alone changes nothing.
  const bool api_access_control_on = api_access_control(ctx.model()) != nullptr;
  const UsageIndex usage(ctx.model());
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
                             "it; set isAdminApproved to true and assign profiles or permission sets{}{}",
                             not_true(approved), reach(escalate),
                             api_access_control_on
                                 ? "; API Access Control is on in this org (ConnectedApp settings "
                                   "enableAdminApprovedAppsOnly), so only users with Use Any API Client reach the APIs "
                                   "through it"
                                 : "",
                             holders(usage, app)),
                 escalate, api_access_control_on);
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
                           reach(escalate), holders(usage, app)),
               escalate);
  });
}

}  // namespace calint::rules
