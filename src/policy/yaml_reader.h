#pragma once
// Internal to policy/: reading YAML nodes with errors that name file:line:col.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/severity.h"

namespace calint::policy {

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  /// Throws PolicyError "file:line:col: message".
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const;
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const { fail(node.Mark(), message); }
  /// "file:line:col" of a node, for warnings that point back into the policy.
  [[nodiscard]] std::string where(const YAML::Node& node) const;
  /// Records "file:line:col: warning: message".
  void warn(const YAML::Node& node, const std::string& message);
  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

  /// Checks every key of a mapping against `allowed` (with a "did you mean"), and duplicates.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view context) const;
  void require_map(const YAML::Node& node, std::string_view what) const;
  [[nodiscard]] std::string scalar(const YAML::Node& node, std::string_view what) const;
  [[nodiscard]] bool boolean(const YAML::Node& node, std::string_view what) const;
  [[nodiscard]] Severity severity(const YAML::Node& node, std::string_view what) const;

 private:
  std::string file_;
  std::vector<std::string> warnings_;
};

/// Refuses text that yaml-cpp's recursive parser would take too deep, or that is too large,
/// before it sees the text. Throws PolicyError.
void check_nesting(std::string_view text, const std::string& file);

/// The largest policy file.
inline constexpr std::size_t kMaxPolicyBytes = std::size_t{1} << 20U;

/// The deepest nesting a policy may have.
inline constexpr int kMaxNesting = 64;

/// The most values a policy may hold with every alias expanded: more than a policy of the largest
/// size can hold without aliases, far less than a "billion laughs" (aliases of aliases).
inline constexpr std::uint64_t kMaxExpandedValues = 1'000'000;

/// Refuses text whose aliases (`*name`) expand it past kMaxExpandedValues, at the alias that passes
/// the limit, before anything walks the document. Throws PolicyError, or YAML::Exception when the
/// text is not YAML.
void check_aliases(const std::string& text, const std::string& file);

}  // namespace calint::policy
