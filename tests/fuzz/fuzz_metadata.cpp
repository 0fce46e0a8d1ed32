// Fuzz target for one metadata reader: the input is a whole file of the kind named by
// CALINT_FUZZ_FILE (e.g. "connectedApps/F.connectedApp-meta.xml"), read, audited by every rule
// and reported as text and JSON. Invariants: no exception escapes; every finding's location lies
// inside the file; no secret planted in the file appears in any output.
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/date.h"
#include "engine/engine.h"
#include "fuzz_support.h"
#include "load/loader.h"
#include "load/source.h"
#include "policy/policy.h"
#include "report/formats.h"

#if !defined(CALINT_FUZZ_FILE) && !defined(CALINT_FUZZ_SETTINGS)
#error "CALINT_FUZZ_FILE names the file kind this target reads (CALINT_FUZZ_SETTINGS: the first byte picks one)"
#endif

namespace {

/// The file the input becomes: the target's kind, or for settings the kind the first byte picks.
std::string file_name(std::string& text) {
#ifdef CALINT_FUZZ_SETTINGS
  static constexpr const char* kSettings[] = {"MyDomain", "OauthOidc", "ConnectedApp", "Security", "ExternalClientApp"};
  std::size_t pick = text.empty() ? 0 : static_cast<unsigned char>(text[0]) % std::size(kSettings);
  if (!text.empty()) text.erase(0, 1);
  return std::string("settings/") + kSettings[pick] + ".settings-meta.xml";
#else
  (void)text;
  return CALINT_FUZZ_FILE;
#endif
}

}  // namespace

using namespace calint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Policy policy = default_policy(builtin_catalog());
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    MemorySource source("org");
    std::string name = file_name(text);
    source.add(name, text);
    LoadedExport loaded = load_export(source, 1);
    Report report;
    report.roots.push_back(ExportRoot{"org", ""});
    audit_export(loaded.model, 0, policy, builtin_catalog(), Date{20000}, report);
    finalize(report);
    const int lines = fuzz::line_count(text);
    for (const auto& f : report.findings) {
      if (f.file.empty()) continue;
      if (f.line < 1 || f.line > lines || f.column < 1) fuzz::violated("location outside the file", f.message);
    }
    std::vector<std::string> secrets = fuzz::planted_secrets(text);
    ReportView view = make_view(report);
    for (const auto& format : formats()) {
      std::ostringstream out;
      format.write(out, view, FormatOptions{});
      if (std::getenv("CALINT_FUZZ_DUMP") != nullptr) std::fprintf(stderr, "%s\n", out.str().c_str());
      std::string where = "the " + std::string(format.name) + " report shows a secret";
      fuzz::check_no_secret(out.str(), secrets, where.c_str());
    }
    for (const auto& n : report.notes) fuzz::check_no_secret(n, secrets, "a note shows a secret");
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
