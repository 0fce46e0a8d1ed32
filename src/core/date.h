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
/// Formats as `YYYY-MM-DD`.
std::string format_date(Date d);
/// Today's date in UTC.
Date today_utc();

}  // namespace calint
