// CA203 ip-restrictions-relaxed.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void ip_restrictions_relaxed(RuleContext& ctx) {
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    if (!p.ip_relaxation.present) return;
    const bool eca = p.eca_file != nullptr;
    const char* message = nullptr;
    if (p.ip_relaxation.value == IpRelaxation::EnforceRelaxRefresh) {
      message = eca ? "ipRelaxationPolicyType is Enforce_RelaxRefresh: refresh tokens are exchanged from any "
                      "network; use Enforce"
                    : "ipRelaxation is ENFORCE_RELAXREFRESH: refresh tokens are exchanged from any network; use "
                      "ENFORCE";
    } else if (p.ip_relaxation.value == IpRelaxation::Bypass2Factor) {
      message = eca ? "ipRelaxationPolicyType is Bypass_2factor: IP restrictions are lifted after identity "
                      "verification; use Enforce"
                    : "ipRelaxation is BYPASS_2FACTOR: IP restrictions are lifted after identity verification or "
                      "inside the app's own IP ranges; use ENFORCE";
    } else {
      return;
    }
    ctx.report(p.app.component(), at(p.ip_relaxation), message);
  });
}

}  // namespace calint::rules
