#pragma once
// What every format shows, computed once from the finished report.
#include <array>
#include <optional>
#include <vector>

#include "core/report.h"

namespace calint {

/// The findings of one component, in report order.
struct ComponentGroup {
  const Finding* first = nullptr;  ///< names the component (export, type, name, label, same_as)
  std::vector<const Finding*> findings;
};

struct RuleCount {
  const RuleInfo* rule = nullptr;
  std::size_t count = 0;
};

struct ReportView {
  explicit ReportView(const Report& r) : report(r) {}

  const Report& report;
  std::size_t total = 0;  ///< findings that are not suppressed
  std::array<std::size_t, kSeverities.size()> by_severity{};
  std::vector<const Finding*> suppressed;
  std::vector<ComponentGroup> groups;  ///< unsuppressed findings by component, in report order
  std::vector<RuleCount> fired;        ///< unsuppressed findings by rule, in id order
  std::optional<std::size_t> failing;  ///< unsuppressed findings at or above the threshold, if one is set

  [[nodiscard]] std::size_t count(Severity s) const { return by_severity[static_cast<std::size_t>(s)]; }
};

ReportView make_view(const Report& report);

}  // namespace calint
