#pragma once
// Internal to report/: where the formats that need a file for every finding (SARIF, GitLab,
// GitHub, JUnit) put it, relative to the source root.
#include <string>
#include <string_view>

#include "report/formats.h"

namespace calint {

/// A display path split at a zip: "x.zip!/unpackaged/a.connectedApp" -> {"x.zip", "unpackaged/a.connectedApp"}.
struct ZipPath {
  std::string_view archive;  ///< the whole path when it is not inside a zip
  std::string_view entry;    ///< empty when it is not inside a zip
};
ZipPath split_zip(std::string_view display_path);

/// A display path relative to the source root ('/'-separated), or absolute when it lies outside.
struct RootedPath {
  std::string path;
  bool inside = true;
};
RootedPath under_srcroot(std::string_view display_path, const FormatOptions& options);

/// Where a finding is shown by a format that needs a file and a line.
struct Placement {
  RootedPath file;
  int line = 1;
  int column = 0;         ///< 0: none
  std::string zip_entry;  ///< the finding's file inside the zip `file` names
  int entry_line = 0;     ///< the finding's line and column inside that entry
  int entry_column = 0;
  bool org_wide = false;  ///< the finding has no file: placed at the export's anchor
  bool placed = true;     ///< false when there is nowhere to put it (an export without files)
  /// What the message adds to say so: "" for a finding at its own place.
  [[nodiscard]] std::string note(const std::string& anchor_display) const;
};
Placement place(const Finding& f, const Report& report, const FormatOptions& options);

/// "file:///abs/path" for an absolute path, percent-encoded.
std::string file_uri(std::string_view absolute_path);

}  // namespace calint
