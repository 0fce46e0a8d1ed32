#pragma once
// The finished report: the one thing every format reads. Whatever a format shows is in here (and
// in the JSON report, which `calint render` turns back into this struct), so no format can say
// something the JSON does not.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/rule_info.h"

namespace calint {

/// The version of the JSON report's layout (`format_version`). `calint render` reads this version.
inline constexpr int kReportFormatVersion = 1;

/// An input that could not be read (reported under `errors`, exit code 2).
struct InputError {
  std::string path;
  std::string message;
};

/// The policy in effect.
struct PolicyInfo {
  std::string source = "embedded default";  ///< the policy file's path, or "embedded default"
  std::optional<Severity> fail_on;          ///< the threshold that fails the run; none with --exit-zero
};

/// One PATH of the command line.
struct ExportRoot {
  std::string path;  ///< as given
  /// Where a format that needs a file for every finding (SARIF, GitLab, GitHub) places the
  /// export's org-wide findings: its project file (sfdx-project.json or package.xml), else its
  /// first file audited; empty when it has neither.
  std::string anchor;
};

/// What the org's OAuth tokens (`--usage`) say about one app: for an app of the export, its
/// integration's tokens (a Connected App and an External Client App of one integration share them).
struct InventoryUsage {
  std::size_t users = 0;
  std::size_t tokens = 0;
  std::optional<Date> first_use;  ///< the earliest token's creation (UTC day)
  std::optional<Date> last_use;   ///< the latest use of any token (UTC day)
};

/// The component type of an inventory row for an app known only from its OAuth tokens (`--usage`):
/// Salesforce's own apps and apps not in the export.
inline constexpr std::string_view kUsageOnlyComponentType = "OauthToken";

/// One app of the export (Connected App or External Client App), as an organisation's register of
/// connected apps lists it. Values are as the metadata writes them, with documented defaults
/// spelled out ("ENFORCE (default)") and "not set" where Salesforce documents none.
struct InventoryApp {
  ComponentRef component;
  std::string same_as;  ///< the name of the same integration's app of the other type, if both are in the export
  int export_index = 0;
  std::string file;  ///< display path of the app's file (the .eca header for an ECA; a sub-file without one)
  std::string contact_email;
  std::string permitted_users;           ///< "admin-approved", "self-authorized", "not set" or "invalid"
  bool permitted_users_default = false;  ///< the value is Salesforce's default (not written in the metadata)
  std::vector<std::string> scopes;
  std::vector<std::string> callback_urls;
  /// web-server, jwt-bearer, client-credentials, device, token-exchange, code-credentials
  std::vector<std::string> flows;
  std::string run_as_user;            ///< client credentials: the user the flow runs as
  std::string pkce;                   ///< "required", "required (default)", "required (org-wide)", "not required"
  std::string ip_relaxation;          ///< "ENFORCE (default)", "BYPASS", "Enforce", "not set", ...
  std::string refresh_token_policy;   ///< "infinite (default)", "specific_lifetime:90:DAYS", "not set", ...
  std::string session_timeout;        ///< minutes as written, or empty when not set
  std::vector<std::string> profiles;  ///< assigned profiles, display names where the export has them
  std::vector<std::string> permission_sets;  ///< assigned permission sets, labels where the export has them
  std::string owner;                         ///< from the policy's approved_apps, when listed
  std::string criticality;                   ///< from the policy's approved_apps, when listed
  std::array<std::size_t, 5> findings{};     ///< unsuppressed findings by severity, indexed by Severity
  /// With usage data (`--usage`): the app's tokens. A row of type OauthToken is an app known only
  /// from its tokens (its name is the tokens' AppName; no other field is set).
  std::optional<InventoryUsage> usage;

  [[nodiscard]] std::size_t count(Severity s) const { return findings[static_cast<std::size_t>(s)]; }
  /// An app known only from its OAuth tokens (`--usage`), not an app of the export.
  [[nodiscard]] bool usage_only() const { return component.type == kUsageOnlyComponentType; }
};

/// A baseline entry that no finding matched any more: a problem fixed since the baseline.
struct FixedFinding {
  std::string fingerprint;
  std::string rule;
  ComponentRef component;
  std::string message;
};

/// The comparison with a baseline (`--baseline FILE`).
struct BaselineSummary {
  std::string path;
  std::size_t new_findings = 0;
  std::size_t unchanged = 0;
  std::vector<FixedFinding> fixed;
};

struct Report {
  std::string tool_version;  ///< calint's version that made the report
  Date as_of;                ///< the audit date (`--as-of`)
  PolicyInfo policy;
  /// A run over a list of changed files, not whole exports: checks for what is missing or unused
  /// did not run, and the inventory covers only the components reported.
  bool partial = false;
  std::vector<Finding> findings;  ///< sorted: export, file, line, column, rule; fingerprinted
  /// Catalogue entries of every rule that ran (enabled by the policy), by id: those with findings
  /// and those without (JUnit shows each as a test suite, SARIF lists them as the tool's rules).
  std::vector<RuleInfo> rules;
  std::vector<InputError> errors;       ///< inputs that could not be read, or held nothing auditable
  std::vector<std::string> notes;       ///< for readers: duplicates, same integration, unchecked values
  std::vector<std::string> warnings;    ///< policy warnings, expired or unused exceptions, unmatched entries
  std::vector<ExportRoot> roots;        ///< each export, by export index
  std::vector<InventoryApp> inventory;  ///< by export, then API name, then type (a CA/ECA pair side by side)
  std::optional<BaselineSummary> baseline;
  std::size_t files_audited = 0;
  std::size_t files_skipped = 0;
  std::size_t components = 0;

  /// Inventory rows that are apps of the exports (not apps known only from their OAuth tokens).
  [[nodiscard]] std::size_t app_count() const;
  /// The catalogue entry of a rule that ran; nullptr for any other id.
  [[nodiscard]] const RuleInfo* rule(std::string_view id) const;
  /// The PATH of an export, or "" for an index out of range.
  [[nodiscard]] const std::string& root(int export_index) const;
  /// Where an export's org-wide findings are placed (ExportRoot::anchor), or "".
  [[nodiscard]] const std::string& anchor(int export_index) const;
};

/// Replaces every invalid UTF-8 sequence in every text of the report with U+FFFD, so that each
/// format (and the JSON a render starts from) sees the same valid text.
void make_valid_utf8(Report& report);

}  // namespace calint
