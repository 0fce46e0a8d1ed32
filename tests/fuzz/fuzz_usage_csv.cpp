// Fuzz target for the usage CSV (`--usage`): no exception; a refused file holds no app; every error
// names the file; every app has a name, at least one token and no more users than tokens; no value
// of a token column (AccessToken, RequestToken, DeleteToken) reaches the model.
#include <string_view>

#include "fuzz_support.h"
#include "load/usage_csv.h"

using namespace calint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  UsageLimits limits;
  limits.max_rows = 1000;
  UsageCsv out = parse_usage_csv(text, "t.csv", limits);
  if (out.refused && !out.data.apps.empty()) fuzz::violated("a refused file holds apps", text);
  for (const auto& e : out.errors) {
    if (e.path.rfind("t.csv", 0) != 0) fuzz::violated("an error that does not name the file", e.path);
  }
  for (const auto& a : out.data.apps) {
    if (a.name.empty() || a.tokens == 0 || a.users() > a.tokens || a.line < 2)
      fuzz::violated("an app without a name, a token or a line", a.name);
  }
  // A token column's values: a header naming AccessToken first, then rows whose first field is a
  // marker; none may be in any name or user id (unless the input spells the marker itself).
  if (text.find("SECRET-TOKEN-VALUE") != std::string_view::npos) return 0;
  std::string planted = "AccessToken,AppName,UserId,LastUsedDate\nSECRET-TOKEN-VALUE,";
  planted.append(text);
  UsageCsv secret = parse_usage_csv(planted, "t.csv", limits);
  for (const auto& a : secret.data.apps) {
    if (a.name.find("SECRET-TOKEN-VALUE") != std::string::npos) fuzz::violated("a token value in an app name");
    for (const auto& u : a.user_ids) {
      if (u.find("SECRET-TOKEN-VALUE") != std::string::npos) fuzz::violated("a token value in a user id");
    }
  }
  return 0;
}
