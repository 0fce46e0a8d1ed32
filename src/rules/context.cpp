#include "rules/rule.h"

namespace calint {

void RuleContext::report(const ComponentRef& component, const Site& site, std::string message, bool escalate,
                         bool reduce) {
  if (!reported(component)) return;
  Finding f;
  f.rule = info_.id;
  f.name = info_.name;
  f.severity = info_.severity;
  if (escalate && info_.escalated_severity) f.severity = *info_.escalated_severity;
  if (reduce && info_.reduced_severity) f.severity = *info_.reduced_severity;
  if (auto forced = policy_.severity_override(info_.id)) f.severity = *forced;
  f.message = std::move(message);
  f.component = component;
  f.export_index = export_index_;
  if (site.loc.valid()) {
    const ExportFile& file = model_.file(site.loc.file);
    f.file = file.display_path;
    f.rel_path = file.rel_path;
    f.line = site.loc.line;
    f.column = site.loc.column;
  }
  f.element = std::string(site.element);
  f.key = site.key;
  out_.push_back(std::move(f));
}

}  // namespace calint
