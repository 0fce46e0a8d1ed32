#pragma once
// What the engine and the command line say about inputs, below the load layer.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace calint {

/// What a zip given as a PATH may hold before it is refused as a whole (a zip bomb, say). Each can
/// be raised on the command line (`--zip-max-*`); docs/ci.md and the README list the defaults.
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

/// `--changed-since REF`: the files that differ between `git merge-base REF HEAD` and the working
/// tree, plus untracked files git does not ignore, as paths from the current folder.
struct ChangedFiles {
  std::vector<std::string> paths;
  std::string base;   ///< the merge base's commit id
  std::string error;  ///< not empty: outside a repository, an unknown revision, git missing
};

}  // namespace calint
