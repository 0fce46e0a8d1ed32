// CA107 eca-orphan-file.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void eca_orphan_file(RuleContext& ctx) {
  const Export& model = ctx.model();
  for (SubFileRef ref : model.eca_orphans) {
    const EcaSubFile& sub = model[ref];
    ctx.report(component_of_file(model, sub.file), at(sub.parent, sub.name),
               fmt::format("External Client App {} file names app '{}', which is not in the export; add the app's "
                           ".eca file to the export, or delete the stale file",
                           ctx.file(sub.file).label, sub.parent.value));
  }
  for (SubFileRef ref : model.eca_duplicates) {
    const EcaSubFile& sub = model[ref];
    ctx.report(component_of_file(model, sub.file), at(sub.parent, sub.name),
               fmt::format("second External Client App {} file for app '{}'; an app has one of each, so one of "
                           "them is stale (both were audited): delete the one the org does not use",
                           ctx.file(sub.file).label, sub.parent.value));
  }
}

}  // namespace calint::rules
