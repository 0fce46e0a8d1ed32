// CA410 certificate-weak.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void certificate_weak(RuleContext& ctx) {
  const long long min_rsa = ctx.param<long long>("certificates.min_rsa_bits");
  const long long min_ec = ctx.param<long long>("certificates.min_ec_bits");
  for_each_certificate(ctx.model(), [&](const FlowSettings& fs, const CertificateInfo& cert, const std::string& name) {
    std::vector<std::string> weak;
    if (cert.key_type == "RSA" && cert.key_bits < min_rsa) {
      weak.push_back(fmt::format("a {}-bit RSA key (the policy asks for {} bits at least)", cert.key_bits, min_rsa));
    } else if (cert.key_type == "EC" && cert.key_bits < min_ec) {
      weak.push_back(fmt::format("a {}-bit EC key (the policy asks for {} bits at least)", cert.key_bits, min_ec));
    }
    if (cert.digest == "SHA1" || cert.digest == "MD5" || cert.digest == "MD4" || cert.digest == "MD2") {
      weak.push_back(fmt::format("a {} signature ({}), which collisions have broken", cert.digest, cert.signature));
    }
    if (weak.empty()) return;
    ctx.report(fs.app.component(), at(fs.certificate, cert.subject + "@" + format_date(cert.not_after)),
               fmt::format("{} has {}: replace it with a certificate for a new RSA key of at least {} bits (or an EC "
                           "key of at least {}) signed with SHA-256, and retire the old key",
                           name, fmt::join(weak, " and "), min_rsa, min_ec));
  });
}

}  // namespace calint::rules
