// Fuzz target for `calint fix`'s fixer: the first byte picks the rule, the rest is the file. No
// exception; without a fix the text is unchanged; a fixed text is still well-formed metadata XML;
// the diff is empty exactly when nothing changed.
#include <array>
#include <string_view>

#include "fix/fixer.h"
#include "fix/unified_diff.h"
#include "fix/xml_text.h"
#include "fuzz_support.h"

using namespace calint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<fix::FixTarget, 9> kTargets = {{
      {"CA201", "ConnectedApp/oauthPolicy/ipRelaxation", ""},
      {"CA201", "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType", ""},
      {"CA202", "ConnectedApp/oauthPolicy/ipRelaxation", ""},
      {"CA103", "ConnectedApp/oauthConfig/isAdminApproved", ""},
      {"CA103", "ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType", ""},
      {"CA301", "ConnectedApp/oauthPolicy/refreshTokenPolicy", ""},
      {"CA302", "ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType", ""},
      {"CA101", "ConnectedApp/oauthConfig/scopes", "Full"},
      {"CA101", "ExtlClntAppOauthSettings/commaSeparatedOauthScopes", "Full"},
  }};
  const fix::FixTarget& target = kTargets[data[0] % kTargets.size()];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  fix::FixSettings settings;
  settings.unsafe = true;
  fix::FixResult r = fix::fix_text(text, {target, target}, settings);
  bool fixed = false;
  for (const auto& o : r.outcomes) fixed = fixed || o.status == fix::FixStatus::Fixed;
  if (!fixed && r.text != text) fuzz::violated("text changed without a fix", text);
  if (r.text != text && !fix::map_xml(r.text).ok) fuzz::violated("a fix broke the XML", r.text);
  const auto diff = fix::unified_diff(text, r.text, "f");
  if (diff && diff->empty() != (r.text == text)) fuzz::violated("diff disagrees", text);
  if (diff) {
    for (const auto& secret : fuzz::planted_secrets(text)) {
      if (fuzz::shows(*diff, secret)) fuzz::violated("secret in the diff", secret);
    }
  }
  return 0;
}
