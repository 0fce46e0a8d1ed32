#include "core/severity.h"

namespace calint {

std::string_view to_string(Severity s) { return kSeverityNames[4 - static_cast<int>(s)]; }

std::optional<Severity> parse_severity(std::string_view s) {
  for (Severity sev : kSeverities) {
    if (to_string(sev) == s) return sev;
  }
  return std::nullopt;
}

}  // namespace calint
