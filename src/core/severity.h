#pragma once
#include <optional>
#include <string_view>

namespace calint {

/// Finding severity, ordered from least to most severe.
enum class Severity { Info = 0, Low = 1, Medium = 2, High = 3, Critical = 4 };

/// "critical", "high", ...
std::string_view to_string(Severity s);
/// Parses a lower-case severity name; nullopt when unknown.
std::optional<Severity> parse_severity(std::string_view s);
/// All severity names, most severe first.
inline constexpr std::string_view kSeverityNames[] = {"critical", "high", "medium", "low", "info"};

}  // namespace calint
