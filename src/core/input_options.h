#pragma once
// What the engine and the command line say about inputs, below the load layer.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace calint {

/// What a zip given as a PATH may hold before it is refused as a whole (a zip bomb, say). Each can
/// be raised on the command line (`--zip-max-*`); docs/limits.md lists every limit.
struct ZipLimits {
  std::uint64_t max_entries = 100'000;
  std::uint64_t max_entry_size = std::uint64_t{256} << 20U;  ///< bytes one entry inflates to
  std::uint64_t max_total_size = std::uint64_t{4} << 30U;    ///< bytes all entries inflate to
  std::uint64_t max_ratio = 200;                             ///< inflated size / compressed size of an entry
};

/// What a usage CSV (`--usage`) may hold before it is refused as a whole; each can be raised on
/// the command line (`--usage-max-size`, `--usage-max-rows`). docs/usage.md lists the defaults.
struct UsageLimits {
  std::uint64_t max_size = std::uint64_t{512} << 20U;  ///< bytes
  std::uint64_t max_rows = 2'000'000;                  ///< tokens (data rows)
};

/// Files read from memory instead of the disk, by the path an export lists them under (its display
/// path): `calint fix` audits its edits before it writes them.
using FileOverlay = std::map<std::string, std::string, std::less<>>;

/// The shape of one XML file (`--xml-max-depth`, `--xml-max-elements`). A file past either is not
/// audited and is an input error (exit 2).
struct XmlLimits {
  std::uint64_t max_depth = 100;            ///< elements nested in one another, the root element being 1
  std::uint64_t max_elements = 10'000'000;  ///< elements in one file
};

/// Every limit on what calint reads, with its default, in one place (docs/limits.md). Only the
/// command line sets them: a policy file may come from an untrusted pull request, so it can never
/// raise a limit.
struct InputLimits {
  ZipLimits zip;
  XmlLimits xml;
  std::uint64_t max_file_size = std::uint64_t{512} << 20U;  ///< bytes of one metadata file (`--max-file-size`)
  std::uint64_t max_files = 1'000'000;                      ///< metadata files listed in one export (`--max-files`)
  /// Worst-case node visits of one custom rule's XPath on one file (`--xpath-max-cost`): the
  /// estimate is (nodes of the file) to the power of the expression's degree, times its steps.
  std::uint64_t xpath_max_cost = 1'000'000'000;
};

/// `--changed-since REF`: the files that differ between `git merge-base REF HEAD` and the working
/// tree, plus untracked files git does not ignore, as paths from the current folder.
struct ChangedFiles {
  std::vector<std::string> paths;
  std::string base;   ///< the merge base's commit id
  std::string error;  ///< not empty: outside a repository, an unknown revision, git missing
};

}  // namespace calint
