// Fuzz target for one metadata reader: the input is a whole file of the kind named by
// calint_fuzz_file (e.g. "connectedApps/F.connectedApp-meta.xml"), read, audited by every rule
// and reported as text and JSON. Invariants: no exception escapes; every finding's location lies
// inside the file; no secret planted in the file appears in any output.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/date.h"
#include "engine/engine.h"
#include "fuzz_support.h"
#include "load/loader.h"
#include "load/source.h"
#include "policy/policy.h"
#include "report/formats.h"

/// The kind of file this target reads, defined per target by tests/fuzz/CMakeLists.txt (one object
/// of this file serves every metadata target): a path such as
/// "connectedApps/F.connectedApp-meta.xml", or "settings", where the input's first byte picks the kind.
extern const char* const calint_fuzz_file;

namespace {

/// The file the input becomes: the target's kind, or for settings the kind the first byte picks.
std::string file_name(std::string& text) {
  if (std::string_view(calint_fuzz_file) != "settings") return calint_fuzz_file;
  static constexpr const char* kSettings[] = {"MyDomain", "OauthOidc", "ConnectedApp", "Security", "ExternalClientApp"};
  std::size_t pick = text.empty() ? 0 : static_cast<unsigned char>(text[0]) % std::size(kSettings);
  if (!text.empty()) text.erase(0, 1);
  return std::string("settings/") + kSettings[pick] + ".settings-meta.xml";
}

}  // namespace

using namespace calint;

namespace {

/// Reads `text` as the target's file, audits it, checks locations, and returns every format's
/// output and the notes, one after the other.
std::string audit_and_render(std::string text) {
  static const Policy policy = default_policy(builtin_catalog());
  MemorySource source("org");
  std::string name = file_name(text);
  source.add(name, text);
  LoadedExport loaded = load_export(source, 1);
  Report report;
  report.roots.push_back(ExportRoot{"org", ""});
  audit_export(loaded.model, 0, policy, builtin_catalog(), Date{20000}, report);
  return fuzz::locate_and_render(report, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    std::string output = audit_and_render(text);
    if (std::getenv("CALINT_FUZZ_DUMP") != nullptr) std::fprintf(stderr, "%s\n", output.c_str());
    // Shown: a leak only if it comes from the secret, not from text that happens to spell it.
    fuzz::check_secrets(text, output, [](const std::string& other) { return audit_and_render(other); });
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
