// CA501 my-domain-missing.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void my_domain_missing(RuleContext& ctx) {
  const std::string& requirement = ctx.param<std::string>("my_domain");
  if (requirement == "off") return;
  const Export& model = ctx.model();
  const ComponentRef component = settings_component<MyDomainSettings>();
  for (const auto& s : model.my_domain) {
    if (s.my_domain_name.present && !s.my_domain_name.value.empty()) continue;
    ctx.report(component, at(s.my_domain_name, s.root),
               "MyDomain settings have no myDomainName, so logins and OAuth flows cannot be tied to the org's own "
               "domain; set the org's My Domain name",
               true);
  }
  if (!model.my_domain.empty() || !ctx.whole_export()) return;  // absence: whole exports only
  const Site org_wide{SourceLoc{}, MyDomainSettings::kRoot, ""};
  if (requirement == "required") {
    ctx.report(component, org_wide,
               "The policy requires My Domain, but the export has no MyDomain settings; retrieve Settings:MyDomain "
               "(add it to package.xml) so login restrictions can be verified",
               true);
  } else if (model.has_org_settings_other_than_my_domain()) {
    ctx.report(component, org_wide,
               "The export holds org settings but no MyDomain settings, so login restrictions cannot be verified; "
               "every org has had My Domain since Winter '23, so it is the export that lacks it: add "
               "Settings:MyDomain to package.xml");
  }
}

}  // namespace calint::rules
