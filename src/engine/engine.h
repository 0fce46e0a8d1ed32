#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/input_options.h"
#include "core/progress.h"
#include "core/report.h"
#include "engine/baseline.h"
#include "model/export.h"
#include "policy/catalog.h"
#include "policy/policy.h"

namespace calint {

class ExportSource;

struct AuditOptions {
  std::vector<std::string> paths;
  /// Whole exports the caller opened (`calint diff`: a git tree), audited after the paths. One
  /// that holds no app metadata is a note, not an error.
  std::vector<const ExportSource*> sources;
  /// Called with each export's model once it is loaded (before the rules), with its export index.
  std::function<void(const Export&, int)> on_model;
  /// The paths are the files git says changed (`--changed-since`): missing ones are deleted files.
  bool changed_files = false;
  InputLimits limits;  ///< from the command line only, never from a policy
  int jobs = 1;
  Date today;
  std::optional<Severity> fail_on;  ///< the threshold the report states; none with --exit-zero
  std::string tool_version;         ///< recorded in the report
  Progress* progress = nullptr;     ///< when set, counts the files listed and read
  /// Compare with this baseline (`--baseline`): findings become new or unchanged, and only new
  /// ones count against the threshold.
  const Baseline* baseline = nullptr;
  /// The org's OAuth tokens (`--usage` CSV), for CA701, CA702, CA103 and the inventory; applied to
  /// every export of the run.
  std::string usage_path;
  UsageLimits usage_limits;
  /// Bytes to read instead of the disk's, by display path (`calint fix` checks its edits).
  std::shared_ptr<const FileOverlay> overlay;
};

/// The pipeline: for every path, list and load its files, run the rules, quote the evidence line
/// of each finding and list the apps (inventory); then fingerprint every finding and pass it
/// through the filters (policy exceptions). Returns the finished report. `catalog` is the built-in
/// one: the policy's custom rules are checked (PolicyError) and added to it here.
Report run_audit(const AuditOptions& options, const Policy& policy, const Catalog& catalog);

class Focus;

/// Runs the rules over an already loaded export and adds its findings, notes and counts to
/// `report` (tests use this with a model built in memory). `catalog` must know the policy's custom
/// rules (with_custom_rules). With a focus (a partial run), only the findings it reports are kept,
/// and rules see `whole_export()` false. Rules run on up to `jobs` threads; what they report is
/// joined in registry order, so the report does not depend on `jobs`.
void audit_export(const Export& model, int export_index, const Policy& policy, const Catalog& catalog, Date today,
                  Report& report, const Focus* focus = nullptr, int jobs = 1);

/// Checks the policy's custom rules as an audit would before reading any file: every applies_to
/// names a type they may target, every XPath expression compiles and selects nodes. Throws
/// PolicyError ("policy.yaml:LINE:COL: message"), like any other policy error.
void check_custom_rules(const Policy& policy);

/// The metadata type names a custom rule's applies_to accepts.
std::vector<std::string> custom_rule_targets();

/// Sorts findings and gives every finding a fingerprint no other finding shares (hashed on up to
/// `jobs` threads; the result does not depend on it).
void finalize(Report& report, int jobs = 1);

/// The catalogue entries of the rules that run under `policy` (CA000 always, and the policy's
/// enabled custom rules), by id.
std::vector<RuleInfo> rules_that_run(const Policy& policy, const Catalog& catalog);
/// `--changed-since REF`: asks git what changed (see ChangedFiles).
ChangedFiles changed_since(const std::string& ref);

/// Number of unsuppressed findings at or above `threshold`.
std::size_t count_at_or_above(const Report& report, Severity threshold);

}  // namespace calint
