// CA106 eca-policy-missing.
#include <algorithm>

#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_policy_missing(RuleContext& ctx) {
  const Export& model = ctx.model();
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
  for (const App& app : apps(model)) {
    if (!app.eca || !app.eca->header_in_export || !app.eca->oauth_policies.empty()) continue;  // CA107: stand-ins
    if (app.eca->oauth_settings.empty() && app.eca->global_oauth.empty()) continue;
    ctx.report(app.component(), at_root(*app.eca),
               "External Client App has OAuth settings but no OAuth policies file (.ecaOauthPlcy) in the export; "
               "Salesforce documents no defaults for those policies, so permitted users, IP relaxation and "
               "refresh-token checks (CA103, CA104, CA105, CA201-CA203, CA301, CA302) could not run: add "
               "ExtlClntAppOauthConfigurablePolicies to the retrieve" +
                   caveat);
  }
}

}  // namespace calint::rules
