#pragma once
// `calint diff BASE HEAD`: what a change does to OAuth posture. The diff is a pure function of the
// two sides' finished reports and app postures; docs/diff.md holds the classification table.
#include <string>
#include <vector>

#include "core/diff.h"
#include "engine/engine.h"
#include "engine/posture.h"

namespace calint {

/// One side of a diff, audited.
struct DiffSide {
  Report report;
  std::vector<AppPosture> apps;  ///< of every export of the side, by API name then type
};

/// Audits one side: a folder, a zip, a metadata file, `git:REF` or `git:REF:PATH`. `git_path` is
/// the PATH a bare `git:REF` reads (relative to the current folder; "" for the current folder).
/// Problems are the report's errors (a missing path, a bad revision, a refused zip); a side that
/// holds no app is a note, not an error (every app of the other side then shows as added or
/// removed). `options.paths` is ignored.
DiffSide audit_diff_side(const std::string& spec, const std::string& git_path, const AuditOptions& options,
                         const Policy& policy, const Catalog& catalog);

/// True for a `git:REF[:PATH]` side.
bool is_git_side(const std::string& spec);

/// The diff of two audited sides: apps added, removed and changed, each change classed; findings
/// introduced and fixed by fingerprint; both sides' errors, warnings and notes. When either side has
/// errors (it could not be read whole), nothing is compared: only the errors are reported.
DiffReport diff_sides(const DiffSide& base, const DiffSide& head);

/// The changes from one app's posture to another's (the classifier; `migrated`: a Connected App
/// and an External Client App of one API name, where settings only one type has are not compared).
std::vector<PostureChange> compare_apps(const AppPosture& before, const AppPosture& after, bool migrated = false);

/// One line about an app, for an app added or removed: permitted users, scopes, flows.
std::string posture_summary(const AppPosture& app);

}  // namespace calint
