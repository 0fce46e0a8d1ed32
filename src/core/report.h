#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/rule_info.h"

namespace calint {

/// An input that could not be read (reported under `errors`, exit code 2).
struct InputError {
  std::string path;
  std::string message;
};

/// A finished audit: the one thing every reporter reads.
struct Report {
  std::vector<Finding> findings;      ///< sorted: export, file, line, column, rule; fingerprinted
  std::vector<RuleInfo> rules;        ///< catalogue entries of the rules that have findings, by id
  std::vector<InputError> errors;     ///< inputs that could not be read, or held nothing auditable
  std::vector<std::string> notes;     ///< for readers: duplicates, same integration, unchecked values
  std::vector<std::string> warnings;  ///< expired or unused exceptions, unmatched policy entries
  std::vector<std::string> roots;     ///< each export's PATH as given, by export index
  std::size_t files_audited = 0;
  std::size_t files_skipped = 0;
  std::size_t components = 0;
  Date as_of;
  std::optional<Severity> fail_on;  ///< the threshold that fails the run; none with --exit-zero

  /// The catalogue entry of a rule with findings; nullptr for any other id.
  [[nodiscard]] const RuleInfo* rule(std::string_view id) const;
};

}  // namespace calint
