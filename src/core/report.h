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

/// One app of the export (Connected App or External Client App), as an organisation's register of
/// connected apps lists it. Values are as the metadata writes them, with documented defaults
/// spelled out ("ENFORCE (default)").
struct InventoryApp {
  ComponentRef component;
  std::string same_as;  ///< the name of the same integration's app of the other type, if both are in the export
  int export_index = 0;
  std::string file;  ///< display path of the app's file (the .eca header for an ECA)
  std::string contact_email;
  std::string permitted_users;           ///< "admin-approved", "self-authorized" or "unknown"
  bool permitted_users_default = false;  ///< the value is Salesforce's default (not written in the metadata)
  std::vector<std::string> scopes;
  std::vector<std::string> callback_urls;
  std::vector<std::string>
      flows;                ///< web-server, jwt-bearer, client-credentials, device, token-exchange, code-credentials
  std::string run_as_user;  ///< client credentials
  std::string pkce;         ///< "required", "not required", "required (org-wide)", "unknown"
  std::string ip_relaxation;
  std::string refresh_token_policy;
  std::string session_timeout;               ///< minutes, or empty when not set
  std::vector<std::string> profiles;         ///< assigned profiles, display names where the export has them
  std::vector<std::string> permission_sets;  ///< assigned permission sets, labels where the export has them
  std::string owner;                         ///< from the policy's approved_apps, when listed
  std::string criticality;                   ///< from the policy's approved_apps, when listed
  std::array<std::size_t, 5> findings{};     ///< unsuppressed findings by severity, indexed by Severity
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
  std::vector<Finding> findings;      ///< sorted: export, file, line, column, rule; fingerprinted
  std::vector<RuleInfo> rules;        ///< catalogue entries of the rules that have findings, by id
  std::vector<InputError> errors;     ///< inputs that could not be read, or held nothing auditable
  std::vector<std::string> notes;     ///< for readers: duplicates, same integration, unchecked values
  std::vector<std::string> warnings;  ///< expired or unused exceptions, unmatched policy entries
  std::vector<std::string> roots;     ///< each export's PATH as given, by export index
  std::vector<InventoryApp> inventory;
  std::optional<BaselineSummary> baseline;
  std::size_t files_audited = 0;
  std::size_t files_skipped = 0;
  std::size_t components = 0;

  /// The catalogue entry of a rule with findings; nullptr for any other id.
  [[nodiscard]] const RuleInfo* rule(std::string_view id) const;
};

}  // namespace calint
