// CA502 my-domain-login-not-enforced.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void my_domain_login_not_enforced(RuleContext& ctx) {
  for (const auto& s : ctx.model().my_domain) {
    const auto& flag = s.can_only_login_with_my_domain_url;
    if (flag.value) continue;
    ctx.report(settings_component<MyDomainSettings>(), at(flag, s.root),
               fmt::format("Users can still log in through login.salesforce.com ({}), bypassing login policies tied "
                           "to the My Domain URL; set canOnlyLoginWithMyDomainUrl to true",
                           not_true(flag)));
  }
}

}  // namespace calint::rules
