#include <fmt/format.h>
#include <algorithm>

#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_policy_missing(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  // A policies file that is there but could not be read may be this app's: say so.
  auto unreadable =
      static_cast<std::size_t>(std::count_if(model.files.begin(), model.files.end(), [](const ExportFile& f) {
        return f.type == MetaType::EcaOauthPolicy && !f.loaded;
      }));
  std::string caveat =
      unreadable == 0 ? std::string()
                      : fmt::format(
                            " ({} .ecaOauthPlcy file{} in the export could not be read, see CA000; this app's may be "
                            "among them)",
                            unreadable, unreadable == 1 ? "" : "s");
  for (const auto& app : model.external_client_apps) {
    if (!app.header_in_export || !app.oauth_policies.empty()) continue;  // CA107 covers stand-ins
    if (app.oauth_settings.empty() && app.global_oauth.empty()) continue;
    ctx.report(component_of(app), app.root, "ExternalClientApplication", "",
               "External Client App has OAuth settings but no OAuth policies file (.ecaOauthPlcy) in the export; "
               "Salesforce documents no defaults for those policies, so permitted users, IP relaxation and "
               "refresh-token checks (CA103, CA104, CA105, CA201-CA203, CA301, CA302) could not run: add "
               "ExtlClntAppOauthConfigurablePolicies to the retrieve" +
                   caveat);
  }
}

}  // namespace calint::rules
