#include "core/report.h"

#include <algorithm>

namespace calint {

const RuleInfo* Report::rule(std::string_view id) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

}  // namespace calint
