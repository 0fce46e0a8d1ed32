// Fuzz target for `calint fix` as the command runs it (fuzz_fix.cpp drives the fixer alone): the
// input is a Connected App file. It is audited; every finding of a rule with a fix (safe or unsafe)
// is fixed with --unsafe-fixes; the fixed text is audited again. Invariants: nothing throws; a file
// that parsed still parses after fixing (no CA000); a file with CA000 is only fed to the fixer (the
// command skips it); re-auditing the fixed file does not crash; no planted secret is lost from the file, nor shown by
// the diff `calint fix --diff` prints.
#include <algorithm>
#include <sstream>
#include <string>

#include "core/date.h"
#include "engine/engine.h"
#include "fix/fixer.h"
#include "fix/unified_diff.h"
#include "fuzz_support.h"
#include "load/loader.h"
#include "load/source.h"
#include "policy/policy.h"

using namespace calint;

namespace {

constexpr const char* kFile = "connectedApps/F.connectedApp-meta.xml";

Report audit(const std::string& text) {
  static const Policy policy = default_policy(builtin_catalog());
  MemorySource source("org");
  source.add(kFile, text);
  LoadedExport loaded = load_export(source, 1);
  Report report;
  report.roots.push_back(ExportRoot{"org", ""});
  audit_export(loaded.model, 0, policy, builtin_catalog(), Date{20000}, report);
  finalize(report);
  return report;
}

bool broken(const Report& report) {
  for (const auto& f : report.findings) {
    if (f.rule == "CA000") return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    Report before = audit(text);
    std::vector<fix::FixTarget> targets;
    const auto& fixable = fix::fixable_rules();
    for (const auto& f : before.findings) {
      if (std::find(fixable.begin(), fixable.end(), f.rule) != fixable.end())
        targets.push_back({f.rule, f.element, f.key});
    }
    if (targets.empty()) return 0;
    fix::FixSettings settings;
    settings.unsafe = true;
    fix::FixResult result = fix::fix_text(text, targets, settings);
    if (result.outcomes.size() != targets.size()) fuzz::violated("an outcome missing");
    // calint fix leaves a file with CA000 alone (fix_test.cpp checks the command): CA000 can be a
    // value calint does not accept in a file that parses, which the fixer cannot know, so here the
    // fixer only has to survive it.
    if (broken(before)) return 0;
    Report after = audit(result.text);
    if (broken(after)) fuzz::violated("the fixed file does not parse", result.text);
    const auto diff = fix::unified_diff(text, result.text, kFile);
    for (const auto& secret : fuzz::planted_secrets(text)) {
      if (result.text.find(secret) == std::string::npos) fuzz::violated("the fix lost a secret's element", secret);
      if (diff && fuzz::shows(*diff, secret)) fuzz::violated("fix --diff shows a secret", secret);
    }
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
