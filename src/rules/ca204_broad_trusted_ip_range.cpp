// CA204 broad-trusted-ip-range.
#include <fmt/format.h>

#include "core/ip.h"
#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void broad_trusted_ip_range(RuleContext& ctx) {
  const auto max_v4 = static_cast<std::uint64_t>(ctx.param<long long>("ip_ranges.max_ipv4_addresses"));
  const auto max_v6_prefix = static_cast<int>(ctx.param<long long>("ip_ranges.max_ipv6_prefix"));
  for_each_app_ip_range(ctx.model(), [&](const App& app, const IpRange& r) {
    auto width = range_width(r.start.value, r.end.value);  // an invalid range is CA000
    if (!width || !wider_than(*width, max_v4, max_v6_prefix)) return;
    const std::string range = fmt::format("{}-{}", r.start.value, r.end.value);
    ctx.report(app.component(), Site{r.loc, parent_path(r.start.element), range},
               fmt::format("{} {} spans {}, wider than the policy allows ({}): the app treats requests from all of "
                           "them as trusted, which undoes the IP restriction it is meant to add; list only the "
                           "integration's own network ranges",
                           app.is_eca() ? "Trusted IP range" : "App IP range", range, describe_width(*width),
                           width->v6 ? fmt::format("a /{} at most", max_v6_prefix)
                                     : fmt::format("{} IPv4 addresses at most", with_thousands(max_v4))));
  });
}

}  // namespace calint::rules
