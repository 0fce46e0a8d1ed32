#include "core/duration.h"

#include <initializer_list>

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

namespace {

/// A unit's spellings and its size in the caller's base unit (hours, minutes).
struct Unit {
  std::initializer_list<std::string_view> names;
  long long size;
};

/// `N unit` (white space optional) with N from 1 to kMaxDurationAmount and a unit of `units` (an
/// empty name stands for a bare number), converted to the base unit; nullopt otherwise.
std::optional<long long> amount_in(std::string_view text, std::initializer_list<Unit> units) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  auto amount = parse_uint(text.substr(0, digits));
  if (!amount || *amount == 0 || *amount > kMaxDurationAmount) return std::nullopt;
  const std::string unit = to_lower(trim(text.substr(digits)));
  for (const Unit& u : units) {
    for (std::string_view name : u.names) {
      if (unit == name) return *amount * u.size;
    }
  }
  return std::nullopt;
}

std::string plural(long long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

}  // namespace

std::optional<long long> hours_per_unit(std::string_view unit) {
  if (iequals(unit, "HOURS")) return 1;
  if (iequals(unit, "DAYS")) return 24;
  if (iequals(unit, "MONTHS")) return 24LL * 30;
  return std::nullopt;
}

std::optional<Duration> parse_duration(std::string_view text) {
  std::string_view t = trim(text);
  auto hours = amount_in(
      t, {{{"", "d", "day", "days"}, 24}, {{"h", "hour", "hours"}, 1}, {{"mo", "month", "months"}, 24LL * 30}});
  if (!hours) return std::nullopt;
  return Duration{*hours, std::string(t)};
}

std::string format_hours(long long hours) {
  if (hours % 24 == 0) return plural(hours / 24, "day");
  return plural(hours, "hour");
}

std::optional<Timeout> parse_timeout(std::string_view text) {
  std::string_view t = trim(text);
  if (t == "off" || t == "false") return Timeout{std::nullopt, std::string(t)};
  auto minutes = amount_in(
      t,
      {{{"", "min", "mins", "minute", "minutes"}, 1}, {{"h", "hour", "hours"}, 60}, {{"d", "day", "days"}, 60LL * 24}});
  if (!minutes) return std::nullopt;
  return Timeout{minutes, std::string(t)};
}

std::string format_minutes(long long minutes) {
  constexpr long long kDay = 60LL * 24;
  if (minutes % kDay == 0) return plural(minutes / kDay, "day");
  if (minutes % 60 == 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

}  // namespace calint
