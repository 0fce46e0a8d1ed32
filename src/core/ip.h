#pragma once
// IP addresses and ranges, as Connected Apps, External Client Apps, profiles and org network
// access write them (a start and an end address).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace calint {

/// An IPv4 or IPv6 address; IPv4 addresses keep their 4 bytes at the front.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
};

/// Parses a dotted-quad IPv4 or a textual IPv6 address (RFC 4291; no zone, no prefix length);
/// nullopt for anything else.
std::optional<IpAddress> parse_ip(std::string_view text);

/// How wide a range is: for IPv4 the number of addresses; for IPv6 the number of bits needed to
/// count them (a /56 holds 2^72 addresses, so 72), which compares with a prefix length.
struct RangeWidth {
  bool v6 = false;
  std::uint64_t ipv4_addresses = 0;  ///< end - start + 1, for IPv4
  int ipv6_bits = 0;                 ///< ceil(log2(end - start + 1)), for IPv6
};

/// Why a start and end address do not make a range ("start address ... is after end address ..."),
/// or nullopt when they do: both parse, one family, start <= end.
std::optional<std::string> range_problem(std::string_view start, std::string_view end);

/// The width of a valid range (see range_problem); nullopt when it is not one.
std::optional<RangeWidth> range_width(std::string_view start, std::string_view end);

/// Whether a valid range is wider than the limits: more than `max_ipv4_addresses` IPv4 addresses,
/// or more IPv6 addresses than a /`max_ipv6_prefix` holds.
bool wider_than(const RangeWidth& w, std::uint64_t max_ipv4_addresses, int max_ipv6_prefix);

/// "16,777,216 addresses (a /8)" or "2^80 addresses (a /48)", for messages.
std::string describe_width(const RangeWidth& w);

}  // namespace calint
