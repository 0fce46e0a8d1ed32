#include "core/duration.h"

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

std::optional<long long> hours_per_unit(std::string_view unit) {
  if (iequals(unit, "HOURS")) return 1;
  if (iequals(unit, "DAYS")) return 24;
  if (iequals(unit, "MONTHS")) return 24LL * 30;
  return std::nullopt;
}

std::optional<Duration> parse_duration(std::string_view text) {
  std::string_view t = trim(text);
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  auto amount = parse_uint(t.substr(0, digits));
  if (!amount || *amount == 0 || *amount > kMaxDurationAmount) return std::nullopt;
  std::string unit = to_lower(trim(t.substr(digits)));
  long long per = 0;
  if (unit.empty() || unit == "d" || unit == "day" || unit == "days")
    per = 24;
  else if (unit == "h" || unit == "hour" || unit == "hours")
    per = 1;
  else if (unit == "mo" || unit == "month" || unit == "months")
    per = 24LL * 30;
  else
    return std::nullopt;
  return Duration{*amount * per, std::string(t)};
}

std::string format_hours(long long hours) {
  auto plural = [](long long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); };
  if (hours % 24 == 0) return plural(hours / 24, "day");
  return plural(hours, "hour");
}

std::optional<Timeout> parse_timeout(std::string_view text) {
  std::string_view t = trim(text);
  if (t == "off" || t == "false") return Timeout{std::nullopt, std::string(t)};
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  auto amount = parse_uint(t.substr(0, digits));
  if (!amount || *amount == 0 || *amount > kMaxDurationAmount) return std::nullopt;
  std::string unit = to_lower(trim(t.substr(digits)));
  long long per = 0;
  if (unit.empty() || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes")
    per = 1;
  else if (unit == "h" || unit == "hour" || unit == "hours")
    per = 60;
  else if (unit == "d" || unit == "day" || unit == "days")
    per = 60LL * 24;
  else
    return std::nullopt;
  return Timeout{*amount * per, std::string(t)};
}

std::string format_minutes(long long minutes) {
  auto plural = [](long long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); };
  constexpr long long kDay = 60LL * 24;
  if (minutes % kDay == 0) return plural(minutes / kDay, "day");
  if (minutes % 60 == 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

}  // namespace calint
