#include "core/date.h"

#include <chrono>

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = parse_uint(s.substr(0, 4));
  auto m = parse_uint(s.substr(5, 2));
  auto d = parse_uint(s.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(*y)},
                                  std::chrono::month{static_cast<unsigned>(*m)},
                                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}.time_since_epoch().count()};
}

std::string format_date(Date d) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d.days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Date today_utc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{now.time_since_epoch().count()};
}

}  // namespace calint
