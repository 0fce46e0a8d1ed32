#include "core/ip.h"

#include <arpa/inet.h>

#include <bit>

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

namespace {

// 128-bit arithmetic for IPv6 range sizes (a GCC extension, hence __extension__ under -Wpedantic).
__extension__ using U128 = unsigned __int128;

U128 as_number(const IpAddress& a) {
  U128 n = 0;
  const std::size_t bytes = a.v6 ? 16 : 4;
  for (std::size_t i = 0; i < bytes; ++i) n = (n << 8U) | a.bytes[i];
  return n;
}

/// Number of bits needed to count `n` values: ceil(log2(n)), 0 for n <= 1.
int bits_to_count(U128 n) {
  if (n <= 1) return 0;
  U128 m = n - 1;
  int bits = 0;
  while (m != 0) {
    ++bits;
    m >>= 1U;
  }
  return bits;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;  // INET6_ADDRSTRLEN - 1
  std::string s(text);
  IpAddress a;
  if (s.find(':') != std::string::npos) {
    a.v6 = true;
    if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) != 1) return std::nullopt;
    return a;
  }
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) != 1) return std::nullopt;
  return a;
}

std::optional<std::string> range_problem(std::string_view start, std::string_view end) {
  auto s = parse_ip(start);
  auto e = parse_ip(end);
  if (!s) return fmt::format("start address '{}' is not an IPv4 or IPv6 address", start);
  if (!e) return fmt::format("end address '{}' is not an IPv4 or IPv6 address", end);
  if (s->v6 != e->v6) {
    return fmt::format("start address '{}' and end address '{}' are not both IPv4 or both IPv6", start, end);
  }
  if (as_number(*s) > as_number(*e)) {
    return fmt::format("start address '{}' is after end address '{}'; Salesforce rejects such a range", start, end);
  }
  return std::nullopt;
}

std::optional<RangeWidth> range_width(std::string_view start, std::string_view end) {
  if (range_problem(start, end)) return std::nullopt;
  auto s = *parse_ip(start);
  auto e = *parse_ip(end);
  RangeWidth w;
  w.v6 = s.v6;
  U128 count = as_number(e) - as_number(s);  // + 1 below; for ::/0 that would wrap, so count bits first
  if (w.v6) {
    w.ipv6_bits = count == ~U128{0} ? 128 : bits_to_count(count + 1);
  } else {
    w.ipv4_addresses = static_cast<std::uint64_t>(count) + 1;
  }
  return w;
}

bool wider_than(const RangeWidth& w, std::uint64_t max_ipv4_addresses, int max_ipv6_prefix) {
  if (!w.v6) return w.ipv4_addresses > max_ipv4_addresses;
  return w.ipv6_bits > 128 - max_ipv6_prefix;
}

std::string describe_width(const RangeWidth& w) {
  if (w.v6) return fmt::format("up to 2^{} addresses (a /{})", w.ipv6_bits, 128 - w.ipv6_bits);
  int bits = bits_to_count(w.ipv4_addresses);
  bool exact = std::has_single_bit(w.ipv4_addresses);
  return fmt::format("{} address{} ({}a /{})", with_thousands(w.ipv4_addresses), w.ipv4_addresses == 1 ? "" : "es",
                     exact ? "" : "more than ", 32 - bits + (exact ? 0 : 1));
}

}  // namespace calint
