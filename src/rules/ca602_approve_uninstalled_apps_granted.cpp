// CA602 approve-uninstalled-apps-granted.
#include <fmt/format.h>

#include "rules/access.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void approve_uninstalled_apps_granted(RuleContext& ctx) {
  constexpr std::string_view kPermission = "CanApproveUninstalledApps";
  const auto& allow = ctx.param<StringListMap>("permissions.allow");
  for_each_grant(ctx.model(), kPermission, [&](const Holder& h, const PermissionGrant& g) {
    if (allowed_holder(allow, kPermission, h)) return;
    ctx.report(h.component, Site{g.loc, h.element, std::string(kPermission)},
               fmt::format("{} grants Approve Uninstalled Connected Apps (CanApproveUninstalledApps): its users can "
                           "authorize connected apps nobody has installed in the org, the path the 2025 vishing "
                           "campaigns used to plant a fake Data Loader; {}",
                           holder_name(h), remove_or_allow(h)));
  });
}

}  // namespace calint::rules
