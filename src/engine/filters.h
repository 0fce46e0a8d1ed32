#pragma once
// Internal to engine/: what happens to findings once they are fingerprinted.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "engine/baseline.h"
#include "policy/policy.h"

namespace calint {

/// A step after fingerprinting: it may mark a finding (suppress it, say), and at the end it says
/// which of its entries matched nothing or no longer apply.
class FindingFilter {
 public:
  FindingFilter() = default;
  FindingFilter(const FindingFilter&) = delete;
  FindingFilter& operator=(const FindingFilter&) = delete;
  FindingFilter(FindingFilter&&) = delete;
  FindingFilter& operator=(FindingFilter&&) = delete;
  virtual ~FindingFilter() = default;

  virtual void apply(Finding& finding) = 0;
  /// Warnings for the report, once every finding has been seen.
  virtual void finish(std::vector<std::string>& warnings) = 0;
};

/// The policy's exceptions: accepted risks, which suppress the findings they match until they
/// expire. An expired exception that matches warns (its findings count again); on whole exports
/// (`whole`), one that matches nothing warns too.
std::unique_ptr<FindingFilter> exception_filter(const Policy& policy, Date today, bool whole);

/// A baseline: each unsuppressed finding becomes new or unchanged, and the entries no finding
/// matches are fixed, counted in `summary`, when `audited` says the run covered them (a partial
/// run covers only some components).
std::unique_ptr<FindingFilter> baseline_filter(const Baseline& baseline,
                                               std::function<bool(const BaselineEntry&)> audited,
                                               BaselineSummary& summary);

}  // namespace calint
