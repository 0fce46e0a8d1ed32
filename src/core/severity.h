#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace calint {

/// Finding severity, ordered from least to most severe.
enum class Severity { Info = 0, Low = 1, Medium = 2, High = 3, Critical = 4 };

/// "critical", "high", ...
std::string_view to_string(Severity s);
/// Parses a lower-case severity name; nullopt when unknown.
std::optional<Severity> parse_severity(std::string_view s);
/// Every severity, most severe first: the order reports list them in.
inline constexpr std::array kSeverities = {Severity::Critical, Severity::High, Severity::Medium, Severity::Low,
                                           Severity::Info};
/// All severity names, most severe first.
inline constexpr std::array<std::string_view, 5> kSeverityNames = {"critical", "high", "medium", "low", "info"};

}  // namespace calint
