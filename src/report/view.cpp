#include "report/view.h"

#include <map>
#include <tuple>

namespace calint {

ReportView make_view(const Report& report) {
  ReportView view(report);
  std::map<std::tuple<int, std::string_view, std::string_view>, std::size_t> group_of;
  std::map<std::string_view, std::size_t> per_rule;
  for (const auto& f : report.findings) {
    if (f.suppressed()) {
      view.suppressed.push_back(&f);
      continue;
    }
    ++view.total;
    ++view.by_severity[static_cast<std::size_t>(f.severity)];
    ++per_rule[f.rule];
    auto [it, fresh] = group_of.emplace(
        std::make_tuple(f.export_index, std::string_view(f.component.type), std::string_view(f.component.name)),
        view.groups.size());
    if (fresh) view.groups.push_back({&f, {}});
    view.groups[it->second].findings.push_back(&f);
  }
  for (const auto& [id, count] : per_rule) {
    if (const RuleInfo* info = report.rule(id)) view.fired.push_back({info, count});
  }
  if (report.policy.fail_on) {
    std::size_t failing = 0;
    for (const auto& f : report.findings) failing += f.counts() && f.severity >= *report.policy.fail_on ? 1 : 0;
    view.failing = failing;
  }
  return view;
}

}  // namespace calint
