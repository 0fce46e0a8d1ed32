#pragma once
// Internal to engine/: what a partial run (a file list) reports.
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "load/inputs.h"
#include "model/export.h"
#include "policy/policy.h"

namespace calint {

/// The components a partial run reports: those of the given files, the apps whose assignments
/// name a given profile or permission set, and, for CA105 only, the apps that named a deleted one.
class Focus {
 public:
  /// Every finding about the component.
  void add(std::string_view type, std::string_view name) { all_.emplace(type, name); }
  /// Only its unknown-assignment findings (CA105).
  void add_assignments(std::string_view type, std::string_view name) { assignments_.emplace(type, name); }

  [[nodiscard]] bool reports(std::string_view rule, const ComponentRef& component) const;
  /// Components reported for every rule.
  [[nodiscard]] const std::set<std::pair<std::string, std::string>>& components() const { return all_; }

 private:
  std::set<std::pair<std::string, std::string>> all_;
  std::set<std::pair<std::string, std::string>> assignments_;
};

/// The focus of a partial export: `model` is the whole project, its given files marked.
Focus focus_of(const Export& model, const std::vector<DeletedFile>& deleted, const Policy& policy);

}  // namespace calint
