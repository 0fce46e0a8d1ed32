#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void consumer_secret_committed(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  // The model never holds the secret's value, so no message can print it.
  constexpr const char* kFix =
      "treat it as leaked: rotate the consumer secret in Salesforce, remove it from the file and from version "
      "control history, and keep secrets in a secrets manager";
  for (const auto& app : model.connected_apps) {
    if (!app.consumer_secret.value) continue;
    ctx.report(component_of(app), app.consumer_secret.loc, "ConnectedApp/oauthConfig/consumerSecret", "",
               fmt::format("Consumer secret committed in oauthConfig/consumerSecret (value not shown); a retrieve "
                           "never returns it, so it was added by hand: {}",
                           kFix));
  }
  for (const auto& s : model.eca_global_oauth) {
    if (!s.consumer_secret.value) continue;
    ctx.report(component_of_sub_file(model, s), s.consumer_secret.loc, "ExtlClntAppGlobalOauthSettings/consumerSecret",
               "", fmt::format("Consumer secret committed in the global OAuth settings (value not shown): {}", kFix));
  }
}

}  // namespace calint::rules
