// CA401 consumer-secret-committed.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void consumer_secret_committed(RuleContext& ctx) {
  // The loader records where secrets are, in any file, never what they are: no message can print one.
  for (const auto& site : ctx.model().secrets) {
    if (site.private_key) {
      ctx.report(component_of_file(ctx.model(), site.loc.file), Site{site.loc, site.element, ""},
                 fmt::format("Private key committed in {} (value not shown): treat it as leaked: make a new key pair, "
                             "give Salesforce the new certificate, remove the key from the file and from version "
                             "control history, and keep keys in a secrets manager",
                             site.element));
      continue;
    }
    const bool connected_app = ctx.file(site.loc.file).type == MetaType::ConnectedApp;
    ctx.report(
        component_of_file(ctx.model(), site.loc.file), Site{site.loc, site.element, ""},
        fmt::format("Secret committed in {} (value not shown){}: treat it as leaked: rotate it in "
                    "Salesforce, remove it from the file and from version control history, and keep "
                    "secrets in a secrets manager",
                    site.element,
                    connected_app ? "; a retrieve never returns a consumer secret, so it was added by hand" : ""));
  }
}

}  // namespace calint::rules
