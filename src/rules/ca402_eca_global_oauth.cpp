#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_global_oauth_committed(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& s : model.eca_global_oauth) {
    ctx.report(component_of_file(model, s.file), s.root, "ExtlClntAppGlobalOauthSettings", "",
               "External Client App global OAuth settings file is in the files; Salesforce says it holds private "
               "consumer data that must not be in source control: keep it out with .forceignore and .gitignore "
               "(expected in an org export)");
  }
}

}  // namespace calint::rules
