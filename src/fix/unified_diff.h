#pragma once
// A unified diff of two versions of a text file (`calint fix --diff`), as `diff -u` and `git diff`
// write it, so `git apply` and `patch -p1` read it.
#include <string>
#include <string_view>

namespace calint::fix {

/// The diff from `before` to `after` with 3 lines of context, headed `--- a/PATH` / `+++ b/PATH`;
/// "" when they are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path);

}  // namespace calint::fix
