#pragma once
#include <optional>
#include <string>

#include "core/date.h"
#include "core/severity.h"

namespace calint {

/// The component a finding is about, as the JSON report names it.
struct ComponentRef {
  std::string type;   ///< ConnectedApp, ExternalClientApplication, Settings, Profile, PermissionSet
  std::string name;   ///< API name
  std::string label;  ///< display label, when the component has one
};

/// Why a finding does not count: a risk accepted on the record (a policy exception).
struct Suppression {
  std::string kind = "exception";  ///< where it comes from: "exception" (the policy's exceptions)
  std::string justification;
  std::optional<Date> expires;  ///< inclusive, UTC
  std::string owner;            ///< who accepted the risk, when the policy says
  std::string ticket;           ///< the tracking reference, when the policy says
  std::string where;            ///< the entry in the policy: "calint.yaml:12:5"
};

/// A finding compared with a baseline (`--baseline`): new, or unchanged since the baseline was
/// written. A baselined finding is not suppressed: it is reported, but does not fail the run.
enum class BaselineState { None, New, Unchanged };

/// One reported problem. Rules fill location, component and message; the framework adds identity,
/// severity and fingerprint; filters set suppression and baseline state.
struct Finding {
  std::string rule;  ///< CA101
  std::string name;  ///< full-scope
  Severity severity = Severity::Medium;
  std::string message;
  std::string file;  ///< display path; empty for an org-wide finding
  int line = 0;      ///< 1-based; 0 when there is no file
  int column = 0;
  ComponentRef component;
  ComponentRef same_as;  ///< the other type's component of the same integration (CA <-> ECA), if any
  std::string fingerprint;
  std::string evidence;  ///< the source line the finding points at, trimmed, secrets masked; empty when none
  std::optional<Suppression> suppression;
  BaselineState baseline = BaselineState::None;

  [[nodiscard]] bool suppressed() const { return suppression.has_value(); }
  /// Counts against the fail threshold: not suppressed, and not unchanged from a baseline.
  [[nodiscard]] bool counts() const { return !suppressed() && baseline != BaselineState::Unchanged; }

  // For ordering and fingerprints; not reported.
  int export_index = 0;
  std::string rel_path;
  std::string element;  ///< element path, e.g. ConnectedApp/oauthConfig/scopes
  std::string key;      ///< distinguishes several findings on one element (one scope of many)
};

}  // namespace calint
