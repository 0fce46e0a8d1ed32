#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace calint {

/// A calendar date as days since 1970-01-01 (proleptic Gregorian, UTC).
struct Date {
  long days = 0;
  friend auto operator<=>(const Date&, const Date&) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 bug
};

/// Parses exactly `YYYY-MM-DD` with a real calendar date; nullopt otherwise.
std::optional<Date> parse_date(std::string_view s);
/// Parses a date-time as Salesforce writes one (`2026-04-29T09:56:14.000+0000`; `Z`, `+00:00`, no
/// fraction, no seconds, or a plain `YYYY-MM-DD` also accepted) and returns its day in UTC.
std::optional<Date> parse_datetime_utc_day(std::string_view s);
/// Formats as `YYYY-MM-DD`.
std::string format_date(Date d);
/// Today's date in UTC.
Date today_utc();

}  // namespace calint
