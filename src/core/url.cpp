#include "core/url.h"

#include "core/ip.h"
#include "core/text.h"

namespace calint {

std::optional<UrlParts> parse_url(std::string_view url) {
  url = trim(url);
  auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view scheme = url.substr(0, colon);
  for (char c : scheme) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return std::nullopt;
  }
  UrlParts parts{to_lower(scheme), {}};
  std::string_view rest = url.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return parts;
  std::string_view authority = rest.substr(2);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    host = authority.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
  } else {
    host = authority.substr(0, authority.find(':'));
  }
  parts.host = to_lower(host);
  return parts;
}

bool is_loopback_host(std::string_view host) {
  if (iequals(host, "localhost")) return true;
  auto ip = parse_ip(host);
  if (!ip) return false;
  if (!ip->v6) return ip->bytes[0] == 127;
  for (std::size_t i = 0; i < 15; ++i) {
    if (ip->bytes[i] != 0) return false;
  }
  return ip->bytes[15] == 1;
}

bool host_matches(std::string_view pattern, std::string_view host) {
  return glob_match(to_lower(trim(pattern)), to_lower(host));
}

}  // namespace calint
