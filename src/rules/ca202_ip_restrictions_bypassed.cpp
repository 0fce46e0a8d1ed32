// CA202 ip-restrictions-bypassed.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void ip_restrictions_bypassed(RuleContext& ctx) {
  constexpr const char* kWhy =
      "tokens work from any network, so a stolen token is usable anywhere; enforce IP restrictions and give "
      "the integration's own addresses as trusted ranges";
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    if (!p.ip_relaxation.present || p.ip_relaxation.value != IpRelaxation::Bypass) return;
    ctx.report(p.app.component(), at(p.ip_relaxation),
               p.eca_file ? fmt::format("ipRelaxationPolicyType is Bypass: {}", kWhy)
                          : fmt::format("ipRelaxation is BYPASS: {}", kWhy));
  });
}

}  // namespace calint::rules
