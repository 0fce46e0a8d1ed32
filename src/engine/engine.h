#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "load/discover.h"
#include "policy/catalog.h"
#include "policy/policy.h"

namespace calint {

struct AuditOptions {
  std::vector<std::string> paths;
  int jobs = 1;
  Date today;
};

/// A finished audit, ready for any reporter.
struct Report {
  std::vector<Finding> findings;      ///< sorted: export, file, line, column, rule
  std::vector<InputError> errors;     ///< inputs that could not be read, or held nothing auditable
  std::vector<std::string> notes;     ///< for readers: duplicates, same integration, unchecked values
  std::vector<std::string> warnings;  ///< expired or unused exceptions, unmatched scope entries
  std::vector<std::string> roots;     ///< each export's PATH as given, by export index
  std::size_t files_audited = 0;
  std::size_t files_skipped = 0;
  std::size_t components = 0;
  Date as_of;
};

/// Runs discover, load, rules and the exception filter over every path.
Report run_audit(const AuditOptions& options, const Policy& policy, const Catalog& catalog);

/// Runs the rules and the exception filter over an already loaded export (tests use this).
void audit_export(const Export& model, int export_index, const Policy& policy, const Catalog& catalog, Date today,
                  Report& report);

/// Sorts findings and gives every finding a fingerprint no other finding shares.
void finalize(Report& report);

/// Number of unsuppressed findings at or above `threshold`.
std::size_t count_at_or_above(const Report& report, Severity threshold);

}  // namespace calint
