// CA501 my-domain-missing and CA502 my-domain-login-not-enforced.
#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {
ComponentRef my_domain_component() { return {"Settings", "MyDomain", ""}; }
}  // namespace

void my_domain_missing(const Export& model, const Policy& policy, RuleContext& ctx) {
  if (policy.my_domain == MyDomainRequirement::Off) return;
  for (const auto& s : model.my_domain) {
    if (s.my_domain_name.present && !s.my_domain_name.value.empty()) continue;
    SourceLoc loc = s.my_domain_name.present ? s.my_domain_name.loc : s.root;
    ctx.report(my_domain_component(), loc, "MyDomainSettings/myDomainName", "",
               "MyDomain settings have no myDomainName, so logins and OAuth flows cannot be tied to the org's own "
               "domain; set the org's My Domain name",
               true);
  }
  if (!model.my_domain.empty()) return;
  if (policy.my_domain == MyDomainRequirement::Required) {
    ctx.report(my_domain_component(), SourceLoc{}, "MyDomainSettings", "",
               "The policy requires My Domain, but the export has no MyDomain settings; retrieve Settings:MyDomain "
               "(add it to package.xml) so login restrictions can be verified",
               true);
  } else if (model.has_org_settings_other_than_my_domain()) {
    ctx.report(my_domain_component(), SourceLoc{}, "MyDomainSettings", "",
               "The export holds org settings but no MyDomain settings, so login restrictions cannot be verified; "
               "every org has had My Domain since Winter '23, so it is the export that lacks it: add "
               "Settings:MyDomain to package.xml");
  }
}

void my_domain_login_not_enforced(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& s : model.my_domain) {
    if (s.can_only_login_with_my_domain_url.value) continue;
    const auto& flag = s.can_only_login_with_my_domain_url;
    ctx.report(my_domain_component(), flag.loc.valid() ? flag.loc : s.root,
               "MyDomainSettings/canOnlyLoginWithMyDomainUrl", "",
               fmt::format("Users can still log in through login.salesforce.com ({}), bypassing login policies tied "
                           "to the My Domain URL; set canOnlyLoginWithMyDomainUrl to true",
                           not_true(flag, "canOnlyLoginWithMyDomainUrl")));
  }
}

}  // namespace calint::rules
