#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {
const char* kind_name(MetaType t) {
  switch (t) {
    case MetaType::EcaOauthSettings:
      return "OAuth settings (.ecaOauth)";
    case MetaType::EcaGlobalOauth:
      return "global OAuth settings (.ecaGlblOauth)";
    case MetaType::EcaOauthPolicy:
      return "OAuth policies (.ecaOauthPlcy)";
    case MetaType::EcaPolicy:
      return "policies (.ecaPlcy)";
    case MetaType::EcaOauthSecurity:
      return "OAuth security settings (.ecaOauthSecurity)";
    case MetaType::EcaSamlPolicy:
      return "SAML policies (.ecaSamlPlcy)";
    default:
      return "sub-file";
  }
}
}  // namespace

void eca_orphan_file(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto* sub : model.eca_orphans) {
    ctx.report(component_of_file(model, sub->file), sub->parent.loc, "externalClientApplication", sub->name,
               fmt::format("External Client App {} file names app '{}', which is not in the export; add the app's "
                           ".eca file to the export, or delete the stale file",
                           kind_name(sub->kind), sub->parent.value));
  }
  for (const auto* sub : model.eca_duplicates) {
    ctx.report(component_of_file(model, sub->file), sub->parent.loc, "externalClientApplication", sub->name,
               fmt::format("second External Client App {} file for app '{}'; an app has one of each, so one of "
                           "them is stale (both were audited): delete the one the org does not use",
                           kind_name(sub->kind), sub->parent.value));
  }
}

}  // namespace calint::rules
