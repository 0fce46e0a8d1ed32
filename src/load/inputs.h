#pragma once
// From the PATHs of a command line to the exports to audit. A folder or a zip is a whole export.
// Files form file lists: the files inside one project are one partial export, which reads the
// whole project (profiles, permission sets and settings as context) but reports only the
// components the files belong to.
#include <memory>
#include <string>
#include <vector>

#include "core/report.h"
#include "load/source.h"
#include "model/common.h"

namespace calint {

/// A file of a file list that no longer exists (deleted by the change being checked).
struct DeletedFile {
  std::string path;  ///< as given
  MetaType type = MetaType::ConnectedApp;
  std::string component_name;  ///< from the file name (URL-decoded for a profile)
};

/// One export to audit.
struct PlannedExport {
  std::unique_ptr<ExportSource> source;
  /// Made from a file list: only the components of the given files (ExportFile::given) and of the
  /// deleted ones are reported, and checks for what is missing or unused do not run.
  bool partial = false;
  std::vector<DeletedFile> deleted;
};

struct InputPlan {
  std::vector<PlannedExport> exports;  ///< folders and zips in command-line order, then file lists by project
  std::vector<std::string> notes;      ///< deleted files skipped, folders skipped in a changed-file list
  std::vector<InputError> errors;      ///< paths that cannot be read
  /// Only files were given, and none of them is metadata calint reads: nothing relevant changed.
  bool nothing_relevant = false;
};

struct PlanOptions {
  SourceOptions source;
  /// The paths are what git says changed (`--changed-since`): every missing path is a deleted
  /// file, and a folder (a submodule) is skipped.
  bool changed_files = false;
};

/// Turns PATHs into exports. A path that does not exist is a deleted file when it is named like a
/// file (its last part has a suffix; always with `changed_files`), else an error.
InputPlan plan_inputs(const std::vector<std::string>& paths, const PlanOptions& options);

/// The folder a file list's files belong to: the nearest folder upward from `folder` holding
/// `sfdx-project.json`, else `package.xml`, never above the git repository holding `folder` (the
/// folder with `.git`); empty when there is none (the planner then takes the files' common parent,
/// above the type folders `connectedApps/`, `profiles/`, ... they sit in). `folder` must be absolute.
std::string find_project_root(const std::string& folder);

}  // namespace calint
