// CA505 api-access-control-off.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void api_access_control_off(RuleContext& ctx) {
  if (ctx.param<std::string>("api_access_control") != "required") return;
  const Export& model = ctx.model();
  for (const auto& s : model.connected_app_settings) {
    const auto& flag = s.admin_approved_apps_only;
    if (flag.value) continue;
    ctx.report(settings_component<ConnectedAppSettings>(), at(flag, s.root),
               fmt::format("API Access Control is off ({}), which the policy requires: any connected app a user "
                           "authorizes can call the org's APIs; ask Salesforce Support to enable API Access Control, "
                           "approve the apps the org uses, then set enableAdminApprovedAppsOnly to true",
                           not_true(flag)));
  }
  if (model.connected_app_settings.empty() && ctx.whole_export()) {  // absence: whole exports only
    ctx.note(
        fmt::format("{}: the policy requires API Access Control, but the export has no ConnectedApp settings, so "
                    "CA505 could not check it; add Settings:ConnectedApp to the retrieve",
                    model.root_display));
  }
}

}  // namespace calint::rules
