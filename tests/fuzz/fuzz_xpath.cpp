// Fuzz target for custom rules (`custom_rules:` in a policy): the input's first line is an XPath
// expression, the rest a Connected App file. The expression goes through the policy parser and the
// compile check exactly as a policy's would; when it is accepted it is evaluated on the file while
// it is read, and the matches are reported in every format. Invariants: a rejected expression is a
// PolicyError at policy.yaml:LINE:COL; no other exception escapes; every match lies inside the
// file; no secret planted in the file is shown, whatever the expression selects.
#include <cstdio>
#include <string>

#include "core/date.h"
#include "engine/engine.h"
#include "fuzz_support.h"
#include "load/custom_rules.h"
#include "load/loader.h"
#include "load/source.h"
#include "policy/policy.h"
#include "report/formats.h"

using namespace calint;

namespace {

/// The policy a user would write for `xpath` (one line, single-quoted YAML).
std::string policy_text(const std::string& xpath) {
  std::string quoted;
  for (char c : xpath) {
    if (c == '\'')
      quoted += "''";
    else
      quoted += c;
  }
  return "custom_rules:\n  - id: FUZZ-1\n    name: fuzz\n    severity: high\n    message: 'matched {value}'\n"
         "    applies_to: [ConnectedApp]\n    xpath: '" +
         quoted + "'\n";
}

/// Audits `xml` under the custom rule; returns every format's output and the notes, or "" when the
/// expression was rejected.
std::string audit_and_render(const std::string& xpath, const std::string& xml) {
  Policy policy;
  try {
    policy = parse_policy(policy_text(xpath), "policy.yaml", builtin_catalog());
    check_custom_rules(policy);
  } catch (const PolicyError& e) {
    if (std::string_view(e.what()).rfind("policy.yaml:", 0) != 0) fuzz::violated("error without location", e.what());
    return {};
  }
  const Catalog catalog = with_custom_rules(builtin_catalog(), policy);
  const CustomRuleSet custom(policy.custom_rules);
  MemorySource source("org");
  source.add("connectedApps/F.connectedApp-meta.xml", xml);
  LoadedExport loaded = load_export(source, 1, nullptr, &custom);
  Report report;
  report.roots.push_back(ExportRoot{"org", ""});
  audit_export(loaded.model, 0, policy, catalog, Date{20000}, report);
  return fuzz::locate_and_render(report, xml);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = input.find('\n');
  std::string xpath = input.substr(0, nl);
  if (xpath.empty() || xpath.find('\r') != std::string::npos) return 0;  // a policy line holds it
  std::string xml = nl == std::string::npos ? std::string() : input.substr(nl + 1);
  try {
    std::string output = audit_and_render(xpath, xml);
    fuzz::check_secrets(xml, output, [&](const std::string& other) { return audit_and_render(xpath, other); });
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
