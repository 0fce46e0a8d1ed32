#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace calint {

/// A length of time, kept in hours (a month is 30 days, as Salesforce counts it).
struct Duration {
  long long hours = 0;
  std::string text;  ///< as written, for messages
};

/// Amounts beyond this are typos or attacks (a million months is 82,000 years); the cap also keeps
/// N x hours-per-unit far from overflow.
inline constexpr long long kMaxDurationAmount = 1000000;

/// Hours in one HOURS / DAYS / MONTHS unit, compared without regard to case (`Days` in External
/// Client Apps, `DAYS` in Connected Apps); nullopt for any other unit.
std::optional<long long> hours_per_unit(std::string_view unit);

/// Parses a policy duration (`90 days`, `12h`, `3mo`, a plain number of days); nullopt when malformed.
std::optional<Duration> parse_duration(std::string_view text);

/// Formats hours as the largest exact unit ("90 days", "36 hours").
std::string format_hours(long long hours);

/// A limit on a length of time counted in minutes (session timeouts), or no limit.
struct Timeout {
  std::optional<long long> minutes;  ///< nullopt: off
  std::string text;                  ///< as written, for messages
};

/// Parses a timeout limit: `N minutes`, `N hours`, `N days` (also `min`, `h`, `d`), a plain number
/// of minutes, or `off` (`false`, as YAML 1.1 tools write a bare off); nullopt when malformed.
std::optional<Timeout> parse_timeout(std::string_view text);

/// Formats minutes as the largest exact unit ("2 hours", "90 minutes").
std::string format_minutes(long long minutes);

}  // namespace calint
