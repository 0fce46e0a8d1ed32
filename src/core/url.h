#pragma once
// The parts of a callback URL that rules look at.
#include <optional>
#include <string>
#include <string_view>

namespace calint {

struct UrlParts {
  std::string scheme;  ///< lower case: http, https, myapp
  std::string host;    ///< lower case, without brackets for IPv6 literals; empty for a URL without authority
};

/// The scheme and host of `scheme://[userinfo@]host[:port][/...]`, or of `scheme:rest` (no host);
/// nullopt when the text has no scheme.
std::optional<UrlParts> parse_url(std::string_view url);

/// A loopback host as RFC 8252 lets native apps use over plain http: localhost, any 127.x.x.x,
/// ::1.
bool is_loopback_host(std::string_view host);

/// Whether a host matches a pattern, without regard to case: `*.example.com` matches every
/// subdomain of example.com but not example.com itself; other patterns are globs (* and ?).
bool host_matches(std::string_view pattern, std::string_view host);

}  // namespace calint
