// CA413 saml-sha1-signing.
#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void saml_sha1_signing(RuleContext& ctx) {
  constexpr const char* kWhy =
      ": SHA-1 collisions are practical, so a signature over SHA-1 no longer proves the assertion is the one "
      "Salesforce signed; use SHA256, after checking that the service provider accepts it";
  for (const App& app : apps(ctx.model())) {
    if (app.ca) {
      const auto& algo = app.ca->saml_signing_algo;
      if (!app.ca->has_saml_config || !iequals(algo.value, "SHA1")) continue;
      ctx.report(
          app.component(), at(algo),
          std::string("Salesforce signs this app's SAML assertions with SHA-1 (samlSigningAlgoType is SHA1)") + kWhy);
      continue;
    }
    for (auto ref : app.eca->saml_policies) {
      const auto& algo = ctx.model()[ref].signing_algorithm;
      if (!iequals(algo.value, "SHA1")) continue;
      ctx.report(
          app.component(), at(algo),
          std::string("Salesforce signs this app's SAML assertions with SHA-1 (signingAlgorithmType is SHA1)") + kWhy);
    }
  }
}

}  // namespace calint::rules
