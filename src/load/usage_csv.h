#pragma once
// The usage CSV of `calint audit --usage`: the org's OauthToken records as `sf data query ... FROM
// OauthToken --result-format csv` writes them (RFC 4180). docs/usage.md describes the file.
#include <string>
#include <string_view>
#include <vector>

#include "core/input_options.h"
#include "core/report.h"
#include "model/usage.h"

namespace calint {

/// What reading a usage CSV gave.
struct UsageCsv {
  UsageData data;
  /// Rows that could not be read ("tokens.csv:14"), and what refused the file as a whole.
  std::vector<InputError> errors;
  std::vector<std::string> warnings;  ///< the file holds live tokens (token columns present)
  /// The file was refused as a whole (unreadable, over a limit, a required column missing): `data`
  /// holds no app.
  bool refused = false;
};

/// The columns a usage CSV must have (header names as Salesforce writes them; any case).
inline constexpr std::string_view kUsageRequiredColumns[] = {"AppName", "UserId", "LastUsedDate"};

/// Parses the bytes of a usage CSV read from `path` (used in messages only): a pure function of its
/// input, never throws. Token values (AccessToken, RequestToken, DeleteToken) are skipped unread.
UsageCsv parse_usage_csv(std::string_view bytes, std::string_view path, const UsageLimits& limits = {});

/// Reads and parses the usage CSV at `path`.
UsageCsv read_usage_csv(const std::string& path, const UsageLimits& limits = {});

}  // namespace calint
