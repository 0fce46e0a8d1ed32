#pragma once
// The finished posture diff (`calint diff BASE HEAD`): the one thing every diff format reads, as
// Report is for audits. docs/diff.md describes it and holds the classification table.
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace calint {

/// The version of the JSON diff's layout (`format_version`).
inline constexpr int kDiffFormatVersion = 1;

/// What a change does to access.
enum class Direction { Neutral, Narrows, Widens };

std::string_view to_string(Direction d);

/// One change to one app, a row of the classification table applied.
struct PostureChange {
  std::string item;    ///< the table's key: "scope", "permitted-users", "certificate", ...
  std::string what;    ///< what it is, for people: "scope", "permitted users"
  std::string change;  ///< "added", "removed" or "changed"
  std::string before;  ///< the old value ("" when added; never a secret)
  std::string after;   ///< the new value ("" when removed; never a secret)
  Direction direction = Direction::Neutral;
  std::string reason;  ///< why it is classed so, in a few words
};

/// An app added, removed or changed between the sides, matched by type and API name (a Connected
/// App and an External Client App of one API name are one app when each side has only one).
struct AppDiff {
  std::string status;     ///< "added", "removed" or "changed"
  ComponentRef app;       ///< as the head has it (the base, for a removed app)
  std::string base_type;  ///< the base's component type when it differs (a migration)
  std::string file;       ///< the app's file in the head (the base, for a removed app)
  std::vector<PostureChange> changes;

  /// Widens when any change widens, else narrows when any narrows, else neutral.
  [[nodiscard]] Direction direction() const;
};

struct DiffReport {
  std::string tool_version;
  Date as_of;
  PolicyInfo policy;  ///< the one policy both sides were audited with
  std::string base;   ///< the side as given: a folder, a zip, git:REF[:PATH]
  std::string head;
  std::vector<AppDiff> apps;  ///< by API name, then type
  /// Findings of the head that the base does not have (by fingerprint), unsuppressed; sorted.
  std::vector<Finding> introduced;
  /// Findings of the base that the head no longer has.
  std::vector<Finding> fixed;
  std::vector<RuleInfo> rules;    ///< the rules that ran (the head's), for SARIF
  std::vector<ExportRoot> roots;  ///< the head's export (index 0), where SARIF places org-wide findings
  std::vector<InputError> errors;
  std::vector<std::string> warnings;
  std::vector<std::string> notes;

  /// Changes classed `d`, over every app.
  [[nodiscard]] std::size_t count(Direction d) const;
  [[nodiscard]] bool empty() const { return apps.empty() && introduced.empty() && fixed.empty(); }
};

/// Replaces every invalid UTF-8 sequence of the diff's own texts with U+FFFD.
void make_valid_utf8(DiffReport& diff);

/// The report a diff's introduced findings make: SARIF of a diff is the SARIF of this report.
Report introduced_report(const DiffReport& diff);

}  // namespace calint
