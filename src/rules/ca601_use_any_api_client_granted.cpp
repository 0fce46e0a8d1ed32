// CA601 use-any-api-client-granted.
#include <fmt/format.h>

#include "rules/access.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void use_any_api_client_granted(RuleContext& ctx) {
  constexpr std::string_view kPermission = "UseAnyApiClient";
  const auto& allow = ctx.param<StringListMap>("permissions.allow");
  const bool api_access_control_on = api_access_control(ctx.model()) != nullptr;
  for_each_grant(ctx.model(), kPermission, [&](const Holder& h, const PermissionGrant& g) {
    if (allowed_holder(allow, kPermission, h)) return;
    ctx.report(h.component, Site{g.loc, h.element, std::string(kPermission)},
               fmt::format("{} grants Use Any API Client (UseAnyApiClient){}: its users reach the APIs through any "
                           "connected app, approved or not, which bypasses API Access Control and the apps' "
                           "admin-approval settings; {}",
                           holder_name(h),
                           api_access_control_on ? ", and API Access Control is on in this org, so this permission "
                                                   "is the way around it"
                                                 : "",
                           remove_or_allow(h)),
               api_access_control_on);
  });
}

}  // namespace calint::rules
