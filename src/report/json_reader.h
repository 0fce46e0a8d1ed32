#pragma once
// `calint render`: the JSON report read back into the Report every format is written from.
#include <optional>
#include <string>
#include <string_view>

#include "core/report.h"

namespace calint {

/// Parses a JSON report written by `calint audit --format json` (format_version
/// kReportFormatVersion). On anything else (not JSON, not a calint report, another format version,
/// a value of the wrong type) returns nullopt with a message saying what and where in `error`.
std::optional<Report> read_json_report(std::string_view text, std::string& error);

}  // namespace calint
