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

namespace {

std::optional<int> two_digits(std::string_view s, std::size_t at, int max) {
  if (at + 2 > s.size()) return std::nullopt;
  auto v = parse_uint(s.substr(at, 2));
  if (!v || *v > max) return std::nullopt;
  return static_cast<int>(*v);
}

}  // namespace

std::optional<Date> parse_datetime_utc_day(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  auto day = parse_date(s.substr(0, 10));
  if (!day || s.size() == 10) return day;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  auto hh = two_digits(s, 11, 23);
  if (!hh || s.size() < 16 || s[13] != ':') return std::nullopt;
  auto mm = two_digits(s, 14, 59);
  if (!mm) return std::nullopt;
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!two_digits(s, i + 1, 60)) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      std::size_t start = ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == start) return std::nullopt;
    }
  }
  long minutes = *hh * 60L + *mm;
  std::string_view zone = s.substr(i);
  if (zone == "Z" || zone.empty()) {
    // UTC (no zone: Salesforce's API writes UTC)
  } else if ((zone[0] == '+' || zone[0] == '-') && (zone.size() == 5 || (zone.size() == 6 && zone[3] == ':'))) {
    auto oh = two_digits(zone, 1, 23);
    auto om = two_digits(zone, zone.size() - 2, 59);
    if (!oh || !om) return std::nullopt;
    long offset = *oh * 60L + *om;
    minutes -= zone[0] == '+' ? offset : -offset;
  } else {
    return std::nullopt;
  }
  long shift = minutes < 0 ? -1 : (minutes >= 24 * 60 ? 1 : 0);
  return Date{day->days + shift};
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
