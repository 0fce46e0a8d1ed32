#pragma once
// Baselines (`--baseline`, `--write-baseline`, `--update-baseline`): the findings a project has
// accepted as they are, so a run fails only on what is new. A baselined finding is still reported
// (Finding::baseline), unlike a suppressed one. The file format is schemas/baseline.schema.json.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/input_options.h"
#include "core/report.h"

namespace calint {

/// The fingerprint scheme baselines are written in; a baseline of another scheme must be rewritten.
inline constexpr std::string_view kFingerprintScheme = "calint/v2";

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  ComponentRef component;  ///< type and name
  std::string message;     ///< for a reader of the file; never compared
};

struct Baseline {
  std::string path;
  std::vector<BaselineEntry> entries;
};

/// A baseline file that cannot be used; `what()` is `path: message`.
class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads and validates a baseline file. Throws BaselineError.
/// A baseline larger than `max_bytes` (`--max-file-size`, default 512 MiB) is refused.
Baseline read_baseline(const std::string& path, std::uint64_t max_bytes = InputLimits{}.max_file_size);

/// Writes a baseline file (through a temporary file renamed over it, so a failed write never
/// leaves half a baseline). Throws BaselineError.
void write_baseline(const std::string& path, std::vector<BaselineEntry> entries, const std::string& tool_version);

/// The report's unsuppressed findings, as baseline entries (whatever their severity).
std::vector<BaselineEntry> baseline_entries(const Report& report);

/// `--write-baseline`: every unsuppressed finding was just written to the baseline at `path`, so
/// each is unchanged, and the run compares with that baseline.
void mark_baselined(Report& report, const std::string& path);

/// `--update-baseline`: the baseline without the entries the report found fixed; entries still
/// present keep their place (with the current message). New findings are not added.
std::vector<BaselineEntry> updated_baseline(const Baseline& baseline, const Report& report);

}  // namespace calint
