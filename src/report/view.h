#pragma once
// What every format shows, computed once from the finished report.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/report.h"

namespace calint {

/// The findings of one component, in report order.
struct ComponentGroup {
  const Finding* first = nullptr;  ///< names the component (export, type, name, label, same_as)
  std::vector<const Finding*> findings;
  [[nodiscard]] Severity worst() const;
};

struct RuleCount {
  const RuleInfo* rule = nullptr;
  std::size_t count = 0;
};

/// The run's outcome against the fail threshold, as the exit code says it.
enum class Verdict {
  Pass,         ///< nothing counted at or above the threshold
  Fail,         ///< findings at or above the threshold (exit 1)
  NoThreshold,  ///< --exit-zero: reported without failing
  Error,        ///< an input could not be read (exit 2)
};

struct ReportView {
  explicit ReportView(const Report& r) : report(r) {}

  const Report& report;
  std::size_t total = 0;  ///< findings that are not suppressed
  std::array<std::size_t, kSeverities.size()> by_severity{};
  std::vector<const Finding*> suppressed;
  std::vector<ComponentGroup> groups;  ///< unsuppressed findings by component, in report order
  std::vector<RuleCount> fired;        ///< unsuppressed findings by rule, in id order
  /// Unsuppressed findings, most severe first (report order within a severity).
  std::vector<const Finding*> by_severity_order;
  std::optional<std::size_t> failing;  ///< findings that count, at or above the threshold, if one is set
  Verdict verdict = Verdict::Pass;

  [[nodiscard]] std::size_t count(Severity s) const { return by_severity[static_cast<std::size_t>(s)]; }
  /// One line: "FAIL: 15 findings at or above high", "PASS: no finding at or above high", ...
  [[nodiscard]] std::string verdict_line() const;
};

ReportView make_view(const Report& report);

/// "1 finding", "2 findings".
std::string plural(std::size_t n, std::string_view word);
/// Whether a finding is at or above the report's fail threshold and counts against it (not
/// suppressed, not unchanged since a baseline). False when no threshold is set.
bool fails(const Finding& f, const Report& report);
/// "new", "unchanged" or "" (no baseline).
std::string_view baseline_name(BaselineState state);

}  // namespace calint
