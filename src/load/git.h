#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_options.h"
#include "load/source.h"

namespace calint::load {

/// What a git subprocess gave.
struct GitResult {
  int status = -1;  ///< exit status; -1 when git could not run (`err` says why)
  std::string out;
  std::string err;
};

/// Runs `git -c core.quotepath=off ARGS...` in the current folder (a subprocess, no shell) with
/// `input` on its standard input (else /dev/null), collecting both streams.
GitResult run_git(const std::vector<std::string>& args, std::string_view input = {});

/// The first line of git's output, trimmed.
std::string first_git_line(std::string_view text);

/// Runs git (a subprocess, in the current folder) for `--changed-since REF`.
ChangedFiles git_changed_files(const std::string& ref);

/// The tree at a git revision of the repository holding the current folder, read without checking
/// it out (`git ls-tree`, `git cat-file --batch`): `git:REF` or `git:REF:PATH`, PATH relative to
/// the current folder (default: the current folder). Files are displayed as the same files of the
/// working tree would be (relative to the current folder), and fingerprinted below PATH, like a
/// folder. A bad revision, a PATH the revision lacks or one outside the repository refuses the
/// source as a whole (one error, root_unreadable), as a refused zip does.
std::unique_ptr<ExportSource> open_git_tree(const std::string& ref, const std::string& path);

}  // namespace calint::load
