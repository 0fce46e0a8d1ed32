#include "report/view.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace calint {

Severity ComponentGroup::worst() const {
  Severity s = Severity::Info;
  for (const Finding* f : findings) s = std::max(s, f->severity);
  return s;
}

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

bool fails(const Finding& f, const Report& report) {
  return report.policy.fail_on && f.counts() && f.severity >= *report.policy.fail_on;
}

std::string_view baseline_name(BaselineState state) {
  switch (state) {
    case BaselineState::New:
      return "new";
    case BaselineState::Unchanged:
      return "unchanged";
    case BaselineState::None:
      break;
  }
  return "";
}

std::string ReportView::verdict_line() const {
  std::string threshold = report.policy.fail_on ? std::string(to_string(*report.policy.fail_on)) : "";
  std::string counted = report.baseline ? "new finding" : "finding";
  switch (verdict) {
    case Verdict::Error:
      return fmt::format("ERROR: {} could not be audited", plural(report.errors.size(), "input"));
    case Verdict::NoThreshold:
      return fmt::format("REPORT ONLY: {} (no fail threshold)", plural(total, "finding"));
    case Verdict::Fail:
      return fmt::format("FAIL: {} at or above {}", plural(failing.value_or(0), counted), threshold);
    case Verdict::Pass:
      break;
  }
  return fmt::format("PASS: no {} at or above {}", counted, threshold);
}

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
    view.by_severity_order.push_back(&f);
    auto [it, fresh] = group_of.emplace(
        std::make_tuple(f.export_index, std::string_view(f.component.type), std::string_view(f.component.name)),
        view.groups.size());
    if (fresh) view.groups.push_back({&f, {}});
    view.groups[it->second].findings.push_back(&f);
  }
  std::stable_sort(view.by_severity_order.begin(), view.by_severity_order.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  for (const auto& [id, count] : per_rule) {
    if (const RuleInfo* info = report.rule(id)) view.fired.push_back({info, count});
  }
  if (report.policy.fail_on) {
    view.failing = static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                          [&](const Finding& f) { return fails(f, report); }));
  }
  if (!report.errors.empty()) {
    view.verdict = Verdict::Error;
  } else if (!view.failing) {
    view.verdict = Verdict::NoThreshold;
  } else {
    view.verdict = *view.failing > 0 ? Verdict::Fail : Verdict::Pass;
  }
  return view;
}

}  // namespace calint
