#pragma once
// What every fuzz target checks beyond "no crash": the invariants a reader promises.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace calint {
struct Report;
}

namespace calint::fuzz {

/// Stops the run with a message (libFuzzer records the input as a crash).
[[noreturn]] inline void violated(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "invariant violated: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// Values of elements whose name marks a secret (`*secret*`, `*password*`, `*privatekey*`,
/// `*accesstoken*`) that occur exactly once in `text`: no output may contain them. (A value that
/// also stands elsewhere, in a label say, may be printed from there: out of scope.)
std::vector<std::string> planted_secrets(std::string_view text);

/// `output` shows `secret`, read as a person would (escapes of control characters undone).
bool shows(std::string_view output, std::string_view secret);

/// Number of lines of `text` (a file without a final newline still has its last line).
int line_count(std::string_view text);

/// Finishes `report`, audited from the one file `text`, checks that every finding's location lies
/// inside that file, and returns every format's output, the notes and the warnings, one after the
/// other.
std::string locate_and_render(Report& report, std::string_view text);

/// For each secret planted in `text` that `output` shows: a violation, unless `render` of the same
/// input with that secret replaced shows it too (then other text spells it: a date, a fingerprint).
void check_secrets(const std::string& text, std::string_view output,
                   const std::function<std::string(const std::string&)>& render);

}  // namespace calint::fuzz
