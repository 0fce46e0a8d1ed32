#pragma once
// Internal to policy/: reading YAML nodes with errors that name file:line:col.
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

/// The deepest nesting a policy may have.
inline constexpr int kMaxNesting = 64;

}  // namespace calint::policy
