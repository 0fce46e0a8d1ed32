#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

void consumer_secret_committed(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  // The loader records where secrets are, in any file, never what they are: no message can print one.
  for (const auto& site : model.secrets) {
    const bool connected_app = model.files[static_cast<std::size_t>(site.loc.file)].type == MetaType::ConnectedApp;
    ctx.report(
        component_of_file(model, site.loc.file), site.loc, site.element, "",
        fmt::format("Secret committed in {} (value not shown){}: treat it as leaked: rotate it in "
                    "Salesforce, remove it from the file and from version control history, and keep "
                    "secrets in a secrets manager",
                    site.element,
                    connected_app ? "; a retrieve never returns a consumer secret, so it was added by hand" : ""));
  }
}

}  // namespace calint::rules
