#pragma once
#include <string>

#include "core/severity.h"

namespace calint {

/// The component a finding is about, as the JSON report names it.
struct ComponentRef {
  std::string type;   ///< ConnectedApp, ExternalClientApplication, Settings, Profile, PermissionSet
  std::string name;   ///< API name
  std::string label;  ///< display label, when the component has one
};

/// One reported problem. Rules fill location, component and message; the framework adds identity,
/// severity and fingerprint; the filter sets `suppressed`.
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
  bool suppressed = false;
  std::string suppression;  ///< why (the exception's justification), when suppressed

  // For ordering and fingerprints; not reported.
  int export_index = 0;
  std::string rel_path;
  std::string element;  ///< element path, e.g. ConnectedApp/oauthConfig/scopes
  std::string key;      ///< distinguishes several findings on one element (one scope of many)
};

}  // namespace calint
