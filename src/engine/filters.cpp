#include "engine/filters.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/rule_info.h"
#include "core/text.h"

namespace calint {

namespace {

/// `pattern` matches `path` whole, or its trailing '/'-separated segments (`callbackUrl` matches
/// `ConnectedApp/oauthConfig/callbackUrl`, `connectedApps/X.connectedApp` matches a path under
/// any folder).
bool tail_match(std::string_view pattern, std::string_view path) {
  if (glob_match(pattern, path)) return true;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
    if (glob_match(pattern, path.substr(slash + 1))) return true;
  }
  return false;
}

bool matches(const PolicyException& ex, const Finding& f) {
  if (std::find(ex.rules.begin(), ex.rules.end(), f.rule) == ex.rules.end()) return false;
  if (!glob_match(ex.app, f.component.name)) return false;
  if (!ex.element.empty() && !tail_match(ex.element, f.element)) return false;
  if (!ex.value.empty() && !glob_match(ex.value, f.key)) return false;
  if (!ex.file.empty() && (f.file.empty() || !(tail_match(ex.file, f.file) || tail_match(ex.file, f.rel_path)))) {
    return false;
  }
  return true;
}

class ExceptionFilter : public FindingFilter {
 public:
  ExceptionFilter(const Policy& policy, Date today, bool whole)
      : exceptions_(policy.exceptions), today_(today), whole_(whole), matched_(exceptions_.size(), 0) {}

  void apply(Finding& f) override {
    if (f.rule == kInvalidMetadataRule) return;
    for (std::size_t i = 0; i < exceptions_.size(); ++i) {
      const auto& ex = exceptions_[i];
      if (!matches(ex, f)) continue;
      ++matched_[i];
      if (expired(ex)) continue;  // no longer suppresses; a later exception still may
      f.suppression = Suppression{"exception", ex.justification, ex.expires, ex.owner, ex.ticket, ex.where};
      return;
    }
  }

  void finish(std::vector<std::string>& warnings) override {
    for (std::size_t i = 0; i < exceptions_.size(); ++i) {
      const auto& ex = exceptions_[i];
      std::size_t n = matched_[i];
      if (expired(ex) && n > 0) {
        warnings.push_back(fmt::format("{}: warning: {} expired on {}; its {} finding{} {} reported again", ex.where,
                                       ex.describe(), format_date(*ex.expires), n, n == 1 ? "" : "s",
                                       n == 1 ? "is" : "are"));
      } else if (!whole_) {
        continue;  // matching nothing proves nothing when only part of the project was audited
      } else if (expired(ex)) {
        warnings.push_back(fmt::format("{}: warning: {} expired on {} and matched no finding; remove it", ex.where,
                                       ex.describe(), format_date(*ex.expires)));
      } else if (n == 0) {
        warnings.push_back(
            fmt::format("{}: warning: {} matched no finding; it is stale and would hide a future "
                        "risk: remove it if the risk is gone",
                        ex.where, ex.describe()));
      }
    }
  }

 private:
  [[nodiscard]] bool expired(const PolicyException& ex) const { return ex.expires && *ex.expires < today_; }

  const std::vector<PolicyException>& exceptions_;
  Date today_;
  bool whole_;
  std::vector<std::size_t> matched_;
};

class BaselineFilter : public FindingFilter {
 public:
  BaselineFilter(const Baseline& baseline, std::function<bool(const BaselineEntry&)> audited, BaselineSummary& summary)
      : baseline_(baseline), audited_(std::move(audited)), summary_(summary) {
    summary_.path = baseline.path;
    for (const auto& e : baseline.entries) known_.emplace(e.fingerprint, false);
  }

  void apply(Finding& f) override {
    auto it = known_.find(f.fingerprint);
    if (it != known_.end()) it->second = true;  // present, suppressed or not: not fixed
    if (f.suppressed()) return;
    f.baseline = it != known_.end() ? BaselineState::Unchanged : BaselineState::New;
    ++(f.baseline == BaselineState::New ? summary_.new_findings : summary_.unchanged);
  }

  void finish(std::vector<std::string>& /*warnings*/) override {
    for (const auto& e : baseline_.entries) {
      if (known_.at(e.fingerprint) || !audited_(e)) continue;
      summary_.fixed.push_back({e.fingerprint, e.rule, e.component, e.message});
    }
  }

 private:
  const Baseline& baseline_;
  std::function<bool(const BaselineEntry&)> audited_;
  BaselineSummary& summary_;
  std::map<std::string, bool> known_;  ///< fingerprint -> matched by a finding
};

}  // namespace

std::unique_ptr<FindingFilter> baseline_filter(const Baseline& baseline,
                                               std::function<bool(const BaselineEntry&)> audited,
                                               BaselineSummary& summary) {
  return std::make_unique<BaselineFilter>(baseline, std::move(audited), summary);
}

std::unique_ptr<FindingFilter> exception_filter(const Policy& policy, Date today, bool whole) {
  return std::make_unique<ExceptionFilter>(policy, today, whole);
}

}  // namespace calint
