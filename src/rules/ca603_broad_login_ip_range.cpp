// CA603 broad-login-ip-range.
#include <fmt/format.h>

#include "core/ip.h"
#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void broad_login_ip_range(RuleContext& ctx) {
  const auto max_v4 = static_cast<std::uint64_t>(ctx.param<long long>("ip_ranges.max_ipv4_addresses"));
  const auto max_v6_prefix = static_cast<int>(ctx.param<long long>("ip_ranges.max_ipv6_prefix"));
  for (const auto& profile : ctx.model().profiles) {
    for (const auto& r : profile.login_ip_ranges) {
      auto width = range_width(r.start.value, r.end.value);  // an invalid range is CA000
      if (!width || !wider_than(*width, max_v4, max_v6_prefix)) continue;
      const std::string range = fmt::format("{}-{}", r.start.value, r.end.value);
      ctx.report({"Profile", profile.name, profile.display_name}, Site{r.loc, parent_path(r.start.element), range},
                 fmt::format("Login IP range {} spans {}, wider than the policy allows ({}): users of this profile "
                             "can log in from almost anywhere, and logins inside a profile's range skip the "
                             "identity verification challenge; restrict it to the organisation's own networks, or "
                             "remove the range if the profile is not meant to be IP-restricted",
                             range, describe_width(*width),
                             width->v6 ? fmt::format("a /{} at most", max_v6_prefix)
                                       : fmt::format("{} IPv4 addresses at most", with_thousands(max_v4))));
    }
  }
}

}  // namespace calint::rules
