// CA201 ip-relaxation-unset.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void ip_relaxation_unset(RuleContext& ctx) {
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    if (!p.app.oauth() || p.ip_relaxation.present) return;
    const char* message =
        p.eca_file ? "OAuth policies without ipRelaxationPolicyType; set it to Enforce so the intent is recorded and "
                     "reviewed"
        : p.app.ca->has_oauth_policy
            ? "OAuth app without an explicit ipRelaxation in oauthPolicy (the default is ENFORCE); set ipRelaxation "
              "to ENFORCE so the intent is recorded and reviewed"
            : "OAuth app without an oauthPolicy, so IP relaxation is not stated (the default is ENFORCE); add "
              "oauthPolicy with ipRelaxation ENFORCE";
    ctx.report(p.app.component(), at(p.ip_relaxation, p.where_absent), message);
  });
}

}  // namespace calint::rules
