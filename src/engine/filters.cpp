#include "engine/filters.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/rule_info.h"
#include "core/text.h"

namespace calint {

namespace {

class ExceptionFilter : public FindingFilter {
 public:
  ExceptionFilter(const Policy& policy, Date today)
      : exceptions_(policy.exceptions), today_(today), used_(exceptions_.size(), false) {}

  void apply(Finding& f) override {
    if (f.rule == kInvalidMetadataRule) return;
    for (std::size_t i = 0; i < exceptions_.size(); ++i) {
      const auto& ex = exceptions_[i];
      if (std::find(ex.rules.begin(), ex.rules.end(), f.rule) == ex.rules.end()) continue;
      if (!glob_match(ex.app, f.component.name)) continue;
      used_[i] = true;
      if (expired(ex)) continue;  // no longer suppresses; a later exception still may
      f.suppression = Suppression{"exception", ex.justification, ex.expires, "", "", ex.where};
      return;
    }
  }

  void finish(std::vector<std::string>& warnings) override {
    for (std::size_t i = 0; i < exceptions_.size(); ++i) {
      const auto& ex = exceptions_[i];
      if (expired(ex)) {
        warnings.push_back(
            fmt::format("{}: warning: exception for '{}' ({}) expired on {}; its findings are "
                        "reported again",
                        ex.where, ex.app, fmt::join(ex.rules, ", "), format_date(*ex.expires)));
      } else if (!used_[i]) {
        warnings.push_back(
            fmt::format("{}: warning: exception for '{}' ({}) matched no finding; remove it if "
                        "the risk is gone",
                        ex.where, ex.app, fmt::join(ex.rules, ", ")));
      }
    }
  }

 private:
  [[nodiscard]] bool expired(const PolicyException& ex) const { return ex.expires && *ex.expires < today_; }

  const std::vector<PolicyException>& exceptions_;
  Date today_;
  std::vector<bool> used_;
};

}  // namespace

std::unique_ptr<FindingFilter> exception_filter(const Policy& policy, Date today) {
  return std::make_unique<ExceptionFilter>(policy, today);
}

}  // namespace calint
