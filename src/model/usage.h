#pragma once
// OAuth usage evidence: the org's OauthToken records (`calint audit --usage TOKENS.csv`), grouped by
// the app they were issued to. Token values (AccessToken, RequestToken, DeleteToken) never get here.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace calint {

/// The tokens of one app name (OauthToken.AppName: the app's label), as the CSV lists them.
struct UsageApp {
  std::string name;                   ///< AppName as first written in the file
  std::vector<std::string> user_ids;  ///< distinct UserId values, sorted
  std::size_t tokens = 0;
  std::optional<Date> first_use;  ///< earliest CreatedDate (UTC day)
  std::optional<Date> last_use;   ///< latest LastUsedDate (else CreatedDate) (UTC day)
  int line = 0;                   ///< the CSV line of its first token

  [[nodiscard]] std::size_t users() const { return user_ids.size(); }
};

/// What one usage CSV says about the org's OAuth tokens.
struct UsageData {
  std::string path;            ///< the CSV as given
  std::vector<UsageApp> apps;  ///< by name, case-insensitively
};

/// Usage that an export's audit reads: shared by every export of a run (one org's tokens).
using UsageRef = std::shared_ptr<const UsageData>;

}  // namespace calint
