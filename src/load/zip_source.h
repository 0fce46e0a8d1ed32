#pragma once
// Internal to load/: a retrieve zip given as a PATH (see open_source).
#include <map>
#include <optional>
#include <string>

#include "load/source.h"

namespace calint::load {

/// A zip audited in place. list() checks the whole archive against the limits and inflates every
/// entry calint reads into memory (nothing is written to disk); a hostile or broken archive is
/// refused as a whole: no files, one error, root_unreadable.
class ZipSource : public ExportSource {
 public:
  ZipSource(std::string path, ZipLimits limits);
  [[nodiscard]] const std::string& root() const override { return path_; }
  [[nodiscard]] Listing list() const override;
  bool read(const ExportFile& file, std::string& bytes, std::string& error) const override;
  /// `X.zip!/unpackaged/package.xml` (or sfdx-project.json), at the top or one folder down; "" when none.
  [[nodiscard]] std::string project_file() const override { return project_file_; }

 private:
  /// Fills `out` and the contents; the reason when the zip is refused or unreadable.
  std::optional<std::string> open_and_check(Listing& out) const;
  void note_project_file(const std::string& name, int& best_rank) const;

  std::string path_;
  ZipLimits limits_;
  /// Entry name -> inflated bytes of the entries listed; filled by list(), read by read().
  mutable std::map<std::string, std::string, std::less<>> contents_;
  mutable std::string project_file_;  ///< filled by list()
};

}  // namespace calint::load
