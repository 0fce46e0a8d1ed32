#include "core/severity.h"

namespace calint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Critical:
      return "critical";
    case Severity::High:
      return "high";
    case Severity::Medium:
      return "medium";
    case Severity::Low:
      return "low";
    case Severity::Info:
      return "info";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "critical") return Severity::Critical;
  if (s == "high") return Severity::High;
  if (s == "medium") return Severity::Medium;
  if (s == "low") return Severity::Low;
  if (s == "info") return Severity::Info;
  return std::nullopt;
}

}  // namespace calint
