#pragma once
// Where an export's files come from: a folder, a single file, or memory (tests). The loader reads
// only through this interface; docs/architecture.md says how to add a kind of input.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/input_options.h"
#include "core/report.h"
#include "model/common.h"

namespace calint {

/// The files of one export that calint reads, typed by suffix and sorted by rel_path.
struct Listing {
  std::vector<ExportFile> files;
  std::size_t skipped = 0;  ///< other files seen
  std::vector<InputError> errors;
  bool root_unreadable = false;  ///< the PATH itself could not be read (its error is in `errors`)
};

class ExportSource {
 public:
  ExportSource() = default;
  ExportSource(const ExportSource&) = delete;
  ExportSource& operator=(const ExportSource&) = delete;
  ExportSource(ExportSource&&) = delete;
  ExportSource& operator=(ExportSource&&) = delete;
  virtual ~ExportSource() = default;

  /// The PATH as given on the command line.
  [[nodiscard]] virtual const std::string& root() const = 0;
  /// Lists the metadata files calint reads.
  [[nodiscard]] virtual Listing list() const = 0;
  /// Reads one listed file's bytes; false with a message in `error`. Called from several threads.
  virtual bool read(const ExportFile& file, std::string& bytes, std::string& error) const = 0;
  /// The export's project file as a user reaches it (`sfdx-project.json`, else `package.xml`, at the
  /// root or one folder down), or "" when it has none: reports place org-wide findings there.
  [[nodiscard]] virtual std::string project_file() const { return {}; }
};

struct SourceOptions {
  InputLimits limits;  ///< the zip limits, and the size of one file
  /// Folders and single files read these bytes for the paths it holds, not the disk's.
  std::shared_ptr<const FileOverlay> overlay;
};

/// A source for a PATH: a folder (walked), a `.zip` file (read in place), or a single metadata file.
std::unique_ptr<ExportSource> open_source(const std::string& path, const SourceOptions& options = {});

/// Files held in memory under a root name: tests, and trees that never touch the disk.
class MemorySource : public ExportSource {
 public:
  explicit MemorySource(std::string root) : root_(std::move(root)) {}
  /// Adds a file at `rel_path` (a path below the root, '/'-separated).
  void add(const std::string& rel_path, std::string bytes) { files_[rel_path] = std::move(bytes); }
  /// Lists `rel_path` but fails to read it with `error`.
  void fail(const std::string& rel_path, std::string error) { failures_[rel_path] = std::move(error); }

  [[nodiscard]] const std::string& root() const override { return root_; }
  [[nodiscard]] Listing list() const override;
  bool read(const ExportFile& file, std::string& bytes, std::string& error) const override;

 private:
  std::string root_;
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> failures_;
};

}  // namespace calint
