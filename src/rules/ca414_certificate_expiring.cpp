// CA414 certificate-expiring.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void certificate_expiring(RuleContext& ctx) {
  const auto& window = ctx.param<Duration>("certificates.expiry_window");
  const long window_days = static_cast<long>((window.hours + 23) / 24);
  for_each_certificate(ctx.model(), [&](const FlowSettings& fs, const CertificateInfo& cert, const std::string& name) {
    const long days_left = cert.not_after.days - ctx.today().days;
    if (days_left < 0 || days_left > window_days) return;  // expired: CA409
    ctx.report(fs.app.component(), at(fs.certificate, cert.subject + "@" + format_date(cert.not_after)),
               fmt::format("{} expires on {}, in {} day{} (the policy's expiry window is {}): plan the rotation "
                           "now, a new key pair and certificate, and retire the old key once the integration uses "
                           "the new one",
                           name, format_date(cert.not_after), days_left, days_left == 1 ? "" : "s",
                           format_hours(window.hours)));
  });
}

}  // namespace calint::rules
