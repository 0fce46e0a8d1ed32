#pragma once
// A unified diff of two versions of a text file (`calint fix --diff`), as `diff -u` and `git diff`
// write it, so `git apply` and `patch -p1` read it.
#include <optional>
#include <string>
#include <string_view>

namespace calint::fix {

/// The diff from `before` to `after` with 3 lines of context, headed `--- a/PATH` / `+++ b/PATH`
/// (quoted as git quotes a path with control characters); "" when they are equal. No line that
/// shows a secret or a key-like token (core/secrets.h) is printed: context stops short of one, so that hunk has less
/// context, and when a changed line shows one there is no diff to print (nullopt). `context_cut`, when
/// given, is set when a hunk ends with no context before the end of the file: `patch -p1` applies
/// it, `git apply` only with `--unidiff-zero`.
std::optional<std::string> unified_diff(std::string_view before, std::string_view after, std::string_view path,
                                        bool* context_cut = nullptr);

}  // namespace calint::fix
