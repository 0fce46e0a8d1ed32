// CA409 certificate-expired.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

/// A certificate element calint could not decode is a note, never a finding (and never CA000): a
/// gap in calint must not fail a pipeline. The three certificate rules share this one note.
void note_undecodable(RuleContext& ctx) {
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (fs.certificates.error.empty()) return;
    const SourceLoc& loc = fs.certificate.loc;
    ctx.note(fmt::format(
        "{}:{}:{}: {} {}: the JWT bearer certificate could not be read ({}), so CA409, CA410 and "
        "CA414 did not check {}",
        ctx.file(loc.file).display_path, loc.line, loc.column, fs.app.component().type, fs.app.head().name,
        fs.certificates.error, fs.certificates.certificates.empty() ? "it" : "the parts that could not be read"));
  });
}

}  // namespace

void certificate_expired(RuleContext& ctx) {
  note_undecodable(ctx);
  for_each_certificate(ctx.model(), [&](const FlowSettings& fs, const CertificateInfo& cert, const std::string& name) {
    if (!(cert.not_after < ctx.today())) return;
    ctx.report(fs.app.component(), at(fs.certificate, cert.subject + "@" + format_date(cert.not_after)),
               fmt::format("{} expired on {}, {} days before the audit date: Salesforce keeps accepting JWTs signed "
                           "with its key, so an expired certificate is a key nobody has rotated; upload a new "
                           "certificate, move the integration to its new private key, and destroy the old one",
                           name, format_date(cert.not_after), ctx.today().days - cert.not_after.days));
  });
}

}  // namespace calint::rules
