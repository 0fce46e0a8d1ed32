#pragma once
// `calint fix`: minimal textual edits that remove findings. A pure function of a file's text and
// the findings to fix, so it can be tested and fuzzed without a file system. docs/fix.md lists what
// each rule's fix writes.
#include <string>
#include <string_view>
#include <vector>

namespace calint::fix {

/// One finding to fix, as the report identifies it.
struct FixTarget {
  std::string rule;     ///< CA201
  std::string element;  ///< element path, e.g. ConnectedApp/oauthPolicy/ipRelaxation
  std::string key;      ///< the finding's key (the scope of CA101)
};

struct FixSettings {
  bool unsafe = false;                       ///< --unsafe-fixes: fixes that can change who can use the app
  long long max_lifetime_hours = 90 * 24;    ///< the policy's refresh_tokens.max_lifetime (CA302)
  long long max_inactivity_hours = 30 * 24;  ///< the policy's refresh_tokens.max_inactivity (CA301, CA302)
};

enum class FixStatus {
  Fixed,        ///< the text now holds the fix
  NeedsUnsafe,  ///< an unsafe fix exists: --unsafe-fixes applies it
  NotOffered,   ///< no fix for this finding (the reason says why)
};

struct FixOutcome {
  FixTarget target;
  FixStatus status = FixStatus::NotOffered;
  std::string what;  ///< what the fix wrote, or why there is none
  /// Rules whose findings the fix may bring (CA104 once CA103's app is admin-approved with no
  /// assignment): the re-audit accepts them and says so.
  std::vector<std::string> consequences;
};

struct FixResult {
  std::string text;
  std::vector<FixOutcome> outcomes;  ///< one per target, in order
};

/// Applies the fixes of `targets` to `text`, the contents of one metadata file, in order. Every
/// byte outside the edited elements is kept; inserted elements take the file's indentation, line
/// endings and the schema's (alphabetical) element order. Never throws.
FixResult fix_text(std::string_view text, const std::vector<FixTarget>& targets, const FixSettings& settings);

/// The rules `fix_text` has a fix for.
const std::vector<std::string>& fixable_rules();

}  // namespace calint::fix
